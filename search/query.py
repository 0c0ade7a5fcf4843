"""What an officer asked for, parsed once, and the result shape every engine returns."""

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_QUERY_LENGTH = 500
MAX_TERMS = 20
PAGE_SIZE = 20
MAX_RESULTS = 10_000  # deepest result an engine is asked for (Elasticsearch's default window)

# Highlight markers engines put around matches; text is escaped first, then they become <mark>.
MARK_START = "\ue000"
MARK_END = "\ue001"

SORTS = {
    "relevance": gettext_lazy("Most relevant first"),
    "newest": gettext_lazy("Newest first"),
    "oldest": gettext_lazy("Oldest first"),
}
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


class QuerySyntaxError(ValueError):
    """The search text cannot be understood; the message says how to fix it."""


@dataclass(frozen=True)
class ParsedQuery:
    """Free text as words (all must match), phrases, prefixes (`libr*`) and exclusions (`-parking`)."""

    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.phrases or self.prefixes)


def parse_query(text: str) -> ParsedQuery:
    """Parse the search box; raise QuerySyntaxError with a message a person can act on."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(
            _("Search for %(max)s characters or fewer (you entered %(count)s).")
            % {"max": MAX_QUERY_LENGTH, "count": f"{len(text):,}"}
        )
    if text.count('"') % 2:
        raise QuerySyntaxError(_("Close the quotation marks around your phrase."))
    terms: list[str] = []
    phrases: list[str] = []
    prefixes: list[str] = []
    excluded: list[str] = []
    for i, chunk in enumerate(text.split('"')):
        if i % 2:
            words = WORD.findall(chunk)
            if len(words) > 1:
                phrases.append(" ".join(words).lower())
            elif words:
                terms.append(words[0].lower())
            continue
        for token in chunk.split():
            negative = token.startswith("-")
            token = token.lstrip("-")
            prefix = token.endswith("*")
            words = WORD.findall(token)
            if not words:
                if prefix or negative:
                    raise QuerySyntaxError(_("Put * straight after the start of a word, like libr*."))
                continue
            if negative:
                excluded.extend(w.lower() for w in words)
            elif prefix:
                terms.extend(w.lower() for w in words[:-1])
                if len(words[-1]) < 2:
                    raise QuerySyntaxError(_("Give at least two letters before *."))
                prefixes.append(words[-1].lower())
            else:
                terms.extend(w.lower() for w in words)
    parsed = ParsedQuery(
        tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(phrases)), tuple(prefixes), tuple(excluded)
    )
    if len(parsed.terms) + len(parsed.phrases) + len(parsed.prefixes) + len(parsed.excluded) > MAX_TERMS:
        raise QuerySyntaxError(_("Use %(max)s words or phrases or fewer.") % {"max": MAX_TERMS})
    if parsed.excluded and parsed.is_empty:
        raise QuerySyntaxError(_("Add a word to search for as well as words to leave out."))
    return parsed


@dataclass(frozen=True)
class SearchRequest:
    """A validated search: text, filters, date range, sort and page (1-based)."""

    query: ParsedQuery = field(default_factory=ParsedQuery)
    types: tuple[str, ...] = ()
    consultations: tuple[int, ...] = ()
    organisations: tuple[int, ...] = ()
    wards: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    moderation_states: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    created_from: date | None = None
    created_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    # The searcher's walls (permissions.searchable_organisations): None is every organisation.
    within_organisations: tuple[int, ...] | None = None

    @property
    def sees_nothing(self) -> bool:
        return self.within_organisations is not None and not self.within_organisations

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class Hit:
    """One result: the stored document fields plus highlighted title and snippet (safe HTML)."""

    key: str
    type: str
    title: str
    url: str
    consultation_id: int | None
    consultation_title: str
    organisation_ids: list[int]
    ward: str
    stance: str
    moderation_state: str
    status: str
    author: str
    created: datetime | None
    text: str
    title_html: str = ""
    snippet_html: str = ""
    score: float | None = None
    language: str = ""  # the language the contribution is written in (a lang attribute on its text)
    title_ref: str = ""  # see documents.FIELDS: lets the document type retitle the hit when shown

    def retitle(self, title: str) -> None:
        """Show another title (the reader's language), marking the words the engine marked in the old one."""
        if title == self.title:
            return
        self.title_html = remarked_html(title, str(self.title_html))
        self.title = title

    @property
    def type_label(self) -> str:
        from .documents import REGISTRY

        doc_type = REGISTRY.get(self.type)
        return str(doc_type.label) if doc_type else self.type

    @property
    def stance_label(self) -> str:
        """The stance in the reader's language ("support" is "Support"), from the app that declares it."""
        from .documents import VOCABULARIES

        return str(VOCABULARIES.get("stance", {}).get(self.stance, self.stance))


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    """What every engine returns: the page of hits, the total and counts per facet value."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    engine: str
    # More than `total` matched: the engine stopped counting at the cap (SEARCH_COUNT_CAP).
    capped: bool = False
    # The facet counts cover only the first `total` matches, not all of them.
    facets_partial: bool = False
    # Relevance order ranked only the newest this many matches (0: it ranked every match).
    rank_window: int = 0

    @property
    def pageable(self) -> int:
        """How many results the pages can reach: the ranked window when there is one, else the total."""
        return min(self.total, self.rank_window) if self.rank_window else self.total


FACETS = ("type", "consultation", "organisation", "ward", "stance", "moderation_state", "language")


def marked_html(text: str) -> str:
    """Escape text, then turn the engines' highlight markers into <mark> elements."""
    escaped = html.escape(text or "", quote=False)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


MARKED = re.compile(r"<mark>(.*?)</mark>", re.S)


def remarked_html(text: str, old_html: str) -> str:
    """Escape text and mark in it the words marked in old_html (the same words in a rewritten title)."""
    words = sorted({w for w in MARKED.findall(old_html) if w.strip()}, key=len, reverse=True)
    escaped = html.escape(text or "", quote=False)
    if words:
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
        escaped = pattern.sub(r"<mark>\1</mark>", escaped)
    return mark_safe(escaped)  # noqa: S308 - escaped above; only our own <mark> added


def plain(text: str) -> str:
    return (text or "").replace(MARK_START, "").replace(MARK_END, "")


def as_date_bound(value: date | None, end: bool = False):
    """A date filter as an inclusive datetime bound in the current time zone."""
    if value is None:
        return None
    from datetime import time

    from django.utils import timezone

    moment = datetime.combine(value, time.max if end else time.min)
    return timezone.make_aware(moment)
