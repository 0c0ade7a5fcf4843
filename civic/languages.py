"""Language codes, owned here: the site's languages (settings.LANGUAGES, so a council adds one in
settings), the language a contribution is written in, and codes as HTML lang values."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import get_language, gettext_lazy


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def choices() -> list[tuple[str, str]]:
    """Each language named in itself ("Cymraeg", "English"), as a language choice should be."""
    return list(settings.LANGUAGES)


def default() -> str:
    """The site's main language: what contributions made before languages were recorded are in."""
    return str(settings.LANGUAGE_CODE)


def supported(code: str | None) -> str | None:
    """The interface language a code names ("cy", "CY", "en" all count; one with a catalogue), or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def clean(value: object) -> str | None:
    """The known language code for a value ("CY", "en-GB", "en" all match), or None."""
    if not isinstance(value, str):
        return None
    wanted = value.strip().lower().replace("_", "-")
    known = codes()
    if wanted in known:
        return wanted
    base = wanted.split("-")[0]
    if base:
        for code in known:  # "en" is English however the site spells its English
            if code.split("-")[0] == base:
                return code
    return None


def active() -> str:
    """The language of the page being served (its address), as a known code."""
    return clean(get_language() or "") or default()


def name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


def html_lang(code: str | None) -> str:
    """A BCP 47 tag for lang and hreflang: "en-gb" → "en-GB", "zh-hans" → "zh-Hans", "cy" → "cy";
    empty means the default language."""
    code = code or default()
    base, _, region = code.partition("-")
    if not region:
        return base
    return f"{base}-{region.upper() if len(region) == 2 else region.title()}"


INVALID_MESSAGE = gettext_lazy("Choose a language from the list.")


def validate(value: str) -> None:
    """A model field validator: only the languages the site is set up for."""
    if value not in codes():
        raise ValidationError(INVALID_MESSAGE, code="invalid_language")


def field(**kwargs: Any) -> Any:
    """The `language` field of a contribution: the language it was written in, never translated.

    No choices on the column (validated against settings.LANGUAGES instead), so a council that adds a
    language changes settings only, with no migration."""
    from django.db import models

    kwargs.setdefault("max_length", 12)
    kwargs.setdefault("default", default)
    kwargs.setdefault("validators", [validate])
    kwargs.setdefault("verbose_name", gettext_lazy("language"))
    kwargs.setdefault("help_text", gettext_lazy("The language the resident wrote in."))
    return models.CharField(**kwargs)


class LanguageField(forms.ChoiceField):
    """The "Language of your comment" radio buttons: optional (a form sent without it, as older pages
    and scripts do, is in the page's language), and set to the page's language to begin with."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", gettext_lazy("Language of your comment"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("error_messages", {"invalid_choice": INVALID_MESSAGE})
        kwargs.setdefault("initial", active)
        super().__init__(choices=choices, **kwargs)

    def clean(self, value: Any) -> str:
        return str(super().clean(value) or active())
