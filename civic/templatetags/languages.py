"""The language switcher and hreflang alternates for base.html."""

from typing import Any

from django import template

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
def html_lang(code: str) -> str:
    """A Django language code as a lang attribute: "en-gb" -> "en-GB" (any configured language)."""
    from civic.i18n import html_tag

    return html_tag(str(code or ""))
