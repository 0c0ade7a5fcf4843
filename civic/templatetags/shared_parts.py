"""`{% shared key "name" [vary ...] %}...{% endshared %}`: a part of a page that is the same for
every reader, cached in the pages cache under a content version (civic.pagecache.fragment_key).

With an empty key the part renders as usual. A part that renders a CSRF token is never stored:
tokens belong to one reader."""

import hashlib
from typing import Any

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

from civic import pagecache

register = template.Library()


class SharedNode(template.Node):
    def __init__(self, nodelist: NodeList, key: FilterExpression, vary: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.key = key
        self.vary = vary

    def render(self, context: Context) -> SafeString:
        key = self.key.resolve(context)
        if not key:
            return mark_safe(self.nodelist.render(context))  # noqa: S308 - rendered, escaped, as usual
        parts = [str(key), *(str(v.resolve(context)) for v in self.vary)]
        cache_key = "pc:part:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]
        found: Any = pagecache.get_part(cache_key)
        html = str(found) if found is not None else ""
        if found is None:
            html = str(self.nodelist.render(context))
            if pagecache.CSRF_FIELD not in html:
                pagecache.set_part(cache_key, html)
        return mark_safe(html)  # noqa: S308 - rendered by this template, escaped as it rendered


@register.tag("shared")
def do_shared(parser: Parser, token: Token) -> SharedNode:
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("{% shared key 'name' [vary ...] %} needs a key and a name")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
