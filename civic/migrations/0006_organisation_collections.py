"""One collection of documents and images per organisation, and a read-only Shared collection.

Files already in the root collection move to Shared, so pages that use them keep working and
every officer can still choose them; only administrators change them from now on."""

import django.db.models.deletion
from django.db import migrations, models

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised-path digits
STEPLEN = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _add_child(Collection, root, name):
    children = Collection.objects.filter(depth=root.depth + 1, path__startswith=root.path)
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    child = Collection.objects.create(
        name=name, path=root.path + _step(number), depth=root.depth + 1, numchild=0
    )
    root.numchild = children.count()
    root.save(update_fields=["numchild"])
    return child


def create_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Organisation = apps.get_model("civic", "Organisation")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for organisation in Organisation.objects.filter(collection__isnull=True).order_by("pk"):
        organisation.collection = _add_child(Collection, root, organisation.name)
        organisation.save(update_fields=["collection"])
    shared = Collection.objects.filter(depth=2, name="Shared").first() or _add_child(
        Collection, root, "Shared"
    )
    for model_label in ("wagtailimages.Image", "wagtaildocs.Document"):
        app_label, model_name = model_label.split(".")
        try:
            Model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        Model.objects.filter(collection=root).update(collection=shared)
    officers = Group.objects.filter(name="Officers").first()
    if officers is not None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        for app_label, model, codename, name in (
            ("wagtailimages", "image", "choose_image", "Can choose image"),
            ("wagtaildocs", "document", "choose_document", "Can choose document"),
        ):
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            GroupCollectionPermission.objects.get_or_create(
                group=officers, collection=shared, permission=perm
            )


class Migration(migrations.Migration):
    dependencies = [
        ("civic", "0005_participant_profile"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="collection",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                help_text="Where this organisation's documents and images live; only its staff see them.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="organisation",
                to="wagtailcore.collection",
            ),
        ),
        migrations.RunPython(create_collections, migrations.RunPython.noop),
    ]
