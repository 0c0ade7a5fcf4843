"""Links to the council's information pages (privacy, accessibility, cookies, house rules,
contact) for every page's footer and the forms that cite them: one query per request."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from django.http import HttpRequest

from . import bilingual, pagecache
from .models import InformationPage

_REQUEST_ATTR = "_civic_information_links"


@dataclass(frozen=True)
class Link:
    kind: str
    title: str
    url: str


class InformationLinks:
    """The live, unrestricted information pages of this site, read once when first asked for."""

    @cached_property
    def footer(self) -> list[Link]:
        """In the order editors gave them in the page tree; kept in the pages cache until a page
        is published, moved or deleted (civic.pagecache's site-wide version)."""
        key = pagecache.fragment_key(extra="information-links")
        links: list[Link] | None = pagecache.get_part(key) if key else None
        if links is None:
            links = self._read()
            if key:
                pagecache.set_part(key, links)
        return links

    def _read(self) -> list[Link]:
        pages = (
            InformationPage.objects.live()
            .filter(view_restrictions__isnull=True)
            .order_by("path")
            .only("id", "title", "url_path", "path", "depth", "kind", "translation_key", "locale_id")
        )
        # Civic has one home page (HomePage.max_count), so every information page is on the one site:
        # no need to look the request's site up (a query on pages Wagtail does not serve).
        return [
            Link(kind=page.kind, title=page.title, url=page.get_url()) for page in in_reading_language(pages)
        ]

    def url_of(self, kind: str) -> str:
        return next((link.url for link in self.footer if link.kind == kind), "")

    @property
    def house_rules(self) -> str:
        """Where comment forms and the moderation log point; empty while the page does not exist."""
        return self.url_of(InformationPage.Kind.HOUSE_RULES)


def in_reading_language(pages: Iterable[InformationPage]) -> list[InformationPage]:
    """Each page once, in the reader's language where it is translated (else the default language's),
    in the default language's order (its home page comes first in the tree)."""
    reading, default = bilingual.locale_id_for(), bilingual.default_locale_id()
    chosen: dict[object, InformationPage] = {}
    for page in pages:
        if page.locale_id == reading or (page.locale_id == default and page.translation_key not in chosen):
            chosen[page.translation_key] = page  # a translation takes its English page's place
    return list(chosen.values())


def links_for(request: HttpRequest) -> InformationLinks:
    """The same object for every template a request renders, so the query runs at most once."""
    links = getattr(request, _REQUEST_ATTR, None)
    if not isinstance(links, InformationLinks):
        links = InformationLinks()
        setattr(request, _REQUEST_ATTR, links)
    return links
