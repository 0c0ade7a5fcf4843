"""One search interface, two engines: Elasticsearch when ELASTICSEARCH_URL is set, else the database."""

import logging

from django.conf import settings
from django.core.cache import cache

from ..query import SearchRequest, SearchResult

log = logging.getLogger(__name__)

DOWN_CACHE_KEY = "search:elasticsearch-down"
DOWN_SECONDS = 30
FALLBACK_NOTICE = (
    "The search server is not answering, so these results come from the database. "
    "They are complete, but ranking and highlighting may differ slightly."
)


class SearchUnavailable(Exception):
    """The engine could not answer (server down, timeout, refused request)."""


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


def run_search(request: SearchRequest) -> tuple[SearchResult, str]:
    """Search with the configured engine; fall back to the database with a notice when it is down."""
    if elasticsearch_enabled() and not cache.get(DOWN_CACHE_KEY):
        try:
            return get_engine("elasticsearch").search(request), ""
        except SearchUnavailable as exc:
            log.warning("Elasticsearch unavailable, using database search: %s", exc)
            cache.set(DOWN_CACHE_KEY, True, DOWN_SECONDS)
    if elasticsearch_enabled():
        return get_engine("database").search(request), FALLBACK_NOTICE
    return get_engine("database").search(request), ""


def iter_hits(request: SearchRequest, limit: int):
    """Every hit of a search (for CSV export), with the same fallback as run_search."""
    if elasticsearch_enabled() and not cache.get(DOWN_CACHE_KEY):
        try:
            yield from get_engine("elasticsearch").iter_hits(request, limit)
            return
        except SearchUnavailable:
            cache.set(DOWN_CACHE_KEY, True, DOWN_SECONDS)
    yield from get_engine("database").iter_hits(request, limit)
