"""Create the four roles as groups and give officers and moderators their Wagtail permissions."""

from django.db import migrations

OFFICER_MODEL_PERMS = {
    "wagtailadmin": ["access_admin"],
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "civic": ["view_organisation"],
    "consultations": ["add_topic", "change_topic", "view_topic", "view_comment", "view_vote"],
}
MODERATOR_MODEL_PERMS = {
    "wagtailadmin": ["access_admin"],
    "consultations": ["view_comment", "change_comment", "view_topic"],
}
OFFICER_PAGE_PERMS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MODERATOR_PAGE_PERMS = ["change_page", "publish_page"]


def ensure_permissions(apps):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, group, model_perms):
    Permission = apps.get_model("auth", "Permission")
    for app_label, codenames in model_perms.items():
        for codename in codenames:
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                group.permissions.add(perm)


def grant_pages(apps, group, codenames):
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in codenames:
            perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codenames in {
            "wagtailimages": ["add_image", "change_image", "choose_image"],
            "wagtaildocs": ["add_document", "change_document", "choose_document"],
        }.items():
            for codename in codenames:
                perm = Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).first()
                if perm is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=perm
                    )


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ensure_permissions(apps)
    Group.objects.get_or_create(name="Residents")
    Group.objects.get_or_create(name="Councillors")
    officers, _ = Group.objects.get_or_create(name="Officers")
    grant(apps, officers, OFFICER_MODEL_PERMS)
    grant_pages(apps, officers, OFFICER_PAGE_PERMS)
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    grant(apps, moderators, MODERATOR_MODEL_PERMS)
    grant_pages(apps, moderators, MODERATOR_PAGE_PERMS)
    Group.objects.filter(name="Editors", user__isnull=True).delete()  # Wagtail default, unused


class Migration(migrations.Migration):
    dependencies = [
        ("civic", "0002_homepage"),
        ("consultations", "0001_initial"),
        ("wagtailcore", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
