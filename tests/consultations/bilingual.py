"""Welsh translations of pages for tests, made as wagtail-localize makes them (copy_for_translation)."""

from wagtail.models import Locale


def welsh_locale():
    return Locale.objects.get(language_code="cy")


def translate(page, **fields):
    """The page's published Welsh translation (its parents translated first, as needed)."""
    cy = welsh_locale()
    found = page.get_translation_or_none(cy)
    if found is None:
        found = page.copy_for_translation(cy, copy_parents=True)
    found = found.specific
    for name, value in fields.items():
        setattr(found, name, value)
    found.save_revision().publish()
    found.refresh_from_db()
    return found
