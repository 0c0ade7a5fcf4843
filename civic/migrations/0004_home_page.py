"""Replace Wagtail's placeholder welcome page with Civic's home page and point the site at it."""

from django.db import migrations


def create_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("civic", "HomePage")
    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    if Page.objects.filter(depth=2).exists():
        return  # an existing site tree: leave it for its editors
    locale = Locale.objects.order_by("pk").first()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="civic")
    home = HomePage.objects.create(
        title="Have your say",
        draft_title="Have your say",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro="<p>Help shape local services with the council and its partners.</p>",
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk, "site_name": "Civic"},
    )


class Migration(migrations.Migration):
    dependencies = [("civic", "0003_roles"), ("wagtailcore", "__latest__")]

    operations = [migrations.RunPython(create_home, migrations.RunPython.noop)]
