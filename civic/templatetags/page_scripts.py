"""`{% scripts %}...{% endscripts %}`: the page's scripts, preceded by the translation catalogue only when
the page has any (a page without JavaScript loads none)."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


class ScriptsNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: Any) -> SafeString:
        scripts = self.nodelist.render(context)
        if not scripts.strip():
            return mark_safe("")
        catalogue = format_html('<script src="{}"></script>\n  ', reverse("javascript_catalog"))
        return mark_safe(catalogue + scripts)  # noqa: S308 - both parts are rendered template output


@register.tag
def scripts(parser: template.base.Parser, token: template.base.Token) -> ScriptsNode:
    nodelist = parser.parse(("endscripts",))
    parser.delete_first_token()
    return ScriptsNode(nodelist)
