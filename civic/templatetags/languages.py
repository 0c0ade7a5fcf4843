"""Language tags: the switcher and hreflang alternates for base.html, and `{{ comment.language|html_lang }}`,
the lang attribute for a resident's own words (WCAG 3.1.2)."""

from typing import Any

from django import template

from civic import languages
from civic.i18n import Alternate, alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context: template.Context, page: Any = None) -> list[Alternate]:
    """This page in every interface language (a Wagtail page's translations where they exist)."""
    request = context.get("request")
    if request is None:
        return []
    if page is None:
        page = context.get("page")
    return alternates(request, page if hasattr(page, "get_translation_or_none") else None)


@register.simple_tag(takes_context=True)
def profile_language_form(context: template.Context) -> Any:
    """The profile's language choice for the signed-in reader."""
    from civic.i18n import language_form

    return language_form(context["request"].user)


@register.filter
def html_lang(code: str | None) -> str:
    """A Django language code as a lang attribute: "en-gb" -> "en-GB"; empty means the default language."""
    return languages.html_lang(str(code or "") or None)


@register.filter
def language_name(code: str | None) -> str:
    return languages.name(code or languages.default())
