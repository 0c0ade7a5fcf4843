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


def let_staff_translate(apps, schema_editor):
    """Officers and moderators may start a translation (wagtail-localize's Translate button)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name__in=["Officers", "Moderators"]):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("civic", "0018_user_language"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(add_locales, migrations.RunPython.noop),
        migrations.RunPython(let_staff_translate, migrations.RunPython.noop),
    ]
