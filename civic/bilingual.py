"""Bilingual content: Wagtail pages in each language as translations, made with wagtail-localize."""

from typing import Any

from rest_framework.parsers import FormParser, MultiPartParser


def accept_translation_editor_forms() -> None:
    """wagtail-localize's editor saves each string as a form upload; Civic's API accepts only JSON,
    so its two editor endpoints get the form parsers back (they check the editor's session and CSRF)."""
    from wagtail_localize.views import edit_translation

    for view in (edit_translation.edit_string_translation, edit_translation.edit_override):
        view_class: Any = view.cls  # type: ignore[attr-defined]  # set by DRF's as_view()
        view_class.parser_classes = [FormParser, MultiPartParser]
