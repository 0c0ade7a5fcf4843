"""Wagtail locales for bilingual content: the default locale is LANGUAGE_CODE's, and Welsh exists."""

from django.conf import settings
from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    default = settings.LANGUAGE_CODE
    if not Locale.objects.filter(language_code=default).exists():
        # Wagtail's first migration made the default locale from the language then in use ("en"):
        # rename it, so existing pages belong to the default language.
        first = Locale.objects.order_by("pk").first()
        if first is not None:
            first.language_code = default
            first.save(update_fields=["language_code"])
        else:
            Locale.objects.create(language_code=default)
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("civic", "0018_user_language"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
