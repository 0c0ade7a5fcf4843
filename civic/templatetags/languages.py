"""`{{ comment.language|html_lang }}`: the lang attribute for a resident's own words (WCAG 3.1.2)."""

from django import template

from civic import languages

register = template.Library()


@register.filter
def html_lang(code: str | None) -> str:
    return languages.html_lang(code)


@register.filter
def language_name(code: str | None) -> str:
    return languages.name(code or languages.default())
