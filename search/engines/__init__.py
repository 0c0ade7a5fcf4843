"""One search interface, two engines: Elasticsearch when ELASTICSEARCH_URL is set, else the database."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy

from .. import documents
from ..query import SearchRequest, SearchResult

log = logging.getLogger(__name__)

DOWN_CACHE_KEY = "search:elasticsearch-down"
DOWN_SECONDS = 30
EXPORT_CHECK_BATCH = 500  # exported hits checked against the database per query
FALLBACK_NOTICE = gettext_lazy(
    "The search server is not answering, so these results come from the database. "
    "They are complete, but ranking and highlighting may differ slightly."
)


class SearchUnavailable(Exception):
    """The engine could not answer (server down, timeout, refused request)."""


class SearchRefused(SearchUnavailable):
    """The engine refused this one request (a 4xx): the server itself is fine, so it is not marked down."""


def elasticsearch_enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def get_engine(name: str | None = None):
    """The configured engine, or the one named ("elasticsearch" / "database")."""
    from .database import DatabaseEngine

    name = name or ("elasticsearch" if elasticsearch_enabled() else "database")
    if name == "elasticsearch":
        from .elastic import ElasticEngine

        return ElasticEngine()
    return DatabaseEngine()


def nothing_found(request: SearchRequest) -> SearchResult:
    from .facets import label_facets

    return SearchResult(hits=[], total=0, facets=label_facets({}, request), engine="none")


def run_search(request: SearchRequest) -> tuple[SearchResult, str]:
    """Search, then drop hits removed since the engine last heard (a hidden comment is gone at once)."""
    if request.sees_nothing:
        return nothing_found(request), ""
    result, notice = _run_search(request)
    current = documents.current_keys(hit.key for hit in result.hits)
    result.hits = documents.localize([hit for hit in result.hits if hit.key in current])
    return result, notice


def _run_search(request: SearchRequest) -> tuple[SearchResult, str]:
    """Search with the configured engine; fall back to the database with a notice when it is down."""
    if elasticsearch_enabled() and not cache.get(DOWN_CACHE_KEY):
        try:
            return get_engine("elasticsearch").search(request), ""
        except SearchRefused as exc:
            log.warning("Elasticsearch refused a search, using database search: %s", exc)
            return get_engine("database").search(request), ""
        except SearchUnavailable as exc:
            log.warning("Elasticsearch unavailable, using database search: %s", exc)
            cache.set(DOWN_CACHE_KEY, True, DOWN_SECONDS)
    if elasticsearch_enabled():
        return get_engine("database").search(request), str(FALLBACK_NOTICE)
    return get_engine("database").search(request), ""


def iter_hits(request: SearchRequest, limit: int):
    """Every current hit of a search (for CSV export), checked against the database batch by batch."""
    if request.sees_nothing:
        return
    hits = []
    for hit in _iter_hits(request, limit):
        hits.append(hit)
        if len(hits) >= EXPORT_CHECK_BATCH:
            yield from _current(hits)
            hits = []
    yield from _current(hits)


def _current(hits):
    current = documents.current_keys(hit.key for hit in hits)
    return documents.localize([hit for hit in hits if hit.key in current])


def _iter_hits(request: SearchRequest, limit: int):
    """Every hit of a search, with the same fallback as run_search; falling back midway sends no row twice."""
    sent: set[str] = set()
    if elasticsearch_enabled() and not cache.get(DOWN_CACHE_KEY):
        try:
            for hit in get_engine("elasticsearch").iter_hits(request, limit):
                sent.add(hit.key)
                yield hit
            return
        except SearchRefused as exc:
            log.warning("Elasticsearch refused an export, using database search: %s", exc)
        except SearchUnavailable as exc:
            log.warning("Elasticsearch unavailable during an export, using database search: %s", exc)
            cache.set(DOWN_CACHE_KEY, True, DOWN_SECONDS)
    count = len(sent)
    for hit in get_engine("database").iter_hits(request, limit):
        if count >= limit:
            return
        if hit.key not in sent:
            count += 1
            yield hit
