"""Public pages served from a cache to anonymous readers, invalidated by the writes that change them.

A page opts in while it renders by naming the scopes its content depends on
(`cacheable(request, "consultation:12")`); every write that changes a scope calls `bump()` after
it commits. Each scope has a version token in the cache; an entry records the tokens it was
rendered under and is served only while they are all still current. Tokens are read *before*
the data they guard (the middleware reads the site-wide one before the view runs, a page reads
its own when it declares them), so a write committing mid-render leaves the entry already stale.
Bumping deletes the token (a deletion that failed while Redis was down is replayed when it
returns), and a missing token makes a new one: no entry can match it.

Only requests with no session cookie are looked up or stored, and a response is stored only if
rendering used nothing personal: no CSRF token, no session data, no messages, no cookies set.
"""

import hashlib
import secrets
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

SITE = "site"  # every cached page depends on it: publishing, moving or deleting any page bumps it
CACHE_ALIAS = "pages"
HEADER = "X-Civic-Cache"  # "hit" or "miss": for benchmarks and tests, and an operator's curl
SKIP_PREFIXES = ("/healthz", "/admin/", "/accounts/", "/api/", "/static/", "/media/", "/ws/", "/documents/")
CSRF_FIELD = "csrfmiddlewaretoken"
FAST_SCOPE_KEY = "civic.pagecache.entry"  # the entry a hit served, for civic.pagecache_fast
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Content-Disposition")


def store() -> BaseCache:
    return caches[CACHE_ALIAS]


def _version_key(scope: str) -> str:
    return f"pc:v:{scope}"


# The tokens one request has read (set by the middleware for the request's length). A token read
# once is read before everything the request reads after it, so a part rendered later may name it:
# its content is then at least as new as the token says. A bump in the request forgets its scopes.
_read: ContextVar[dict[str, str] | None] = ContextVar("civic_pagecache_read", default=None)


def versions(scopes: list[str]) -> dict[str, str]:
    """The current token of each scope, making one for a scope that has none (each read once per
    request: a signed-in page asks for the site's token for every shared part)."""
    read = _read.get()
    wanted = [s for s in scopes if read is None or s not in read]
    current = _versions(wanted) if wanted else {}
    if read is None:
        return current
    read.update(current)
    return {scope: read[scope] for scope in scopes}


def _versions(scopes: list[str]) -> dict[str, str]:
    cache = store()
    keys = {_version_key(s): s for s in scopes}
    found = cache.get_many(list(keys))
    current = {keys[k]: v for k, v in found.items()}
    for scope in scopes:
        if scope not in current:
            token = secrets.token_hex(8)
            if not cache.add(_version_key(scope), token, timeout=None):
                token = cache.get(_version_key(scope)) or token
            current[scope] = token
    return current


def bump(*scopes: str) -> None:
    """Make every cached page that depends on these scopes stale (call it after the write commits)."""
    read = _read.get()
    if read is not None:
        for scope in scopes:
            read.pop(scope, None)
    store().delete_many([_version_key(s) for s in scopes])


def bump_on_commit(*scopes: str) -> None:
    """Bump once the surrounding transaction commits (at once when there is none)."""
    transaction.on_commit(lambda: bump(*scopes))


def consultation_scope(consultation_id: int) -> str:
    return f"consultation:{consultation_id}"


def fragment_key(*scopes: str, extra: object = "") -> str:
    """A content version for parts of a page that every reader shares (the `shared` template tag):
    it changes when any of the scopes (or the site) is bumped, and with `extra`. Empty when the
    page cache is off."""
    if seconds() <= 0:
        return ""
    current = versions([SITE, *scopes])
    tokens = ":".join(f"{scope}={current[scope]}" for scope in sorted(current))
    return f"{tokens}:{get_language()}:{extra}"  # a Welsh page never shows an English shared part


def part_key(version: str) -> str:
    """A short cache key for a value stored under a content version (get_part, set_part)."""
    return "pc:part:" + hashlib.sha256(version.encode()).hexdigest()[:40]


@dataclass
class _Render:
    """What one render of a page declared: its scopes with the tokens read, and how long it holds."""

    versions: dict[str, str] = field(default_factory=dict)
    cacheable: bool = False
    refused: bool = False
    until: float | None = None


def _state(request: HttpRequest) -> _Render | None:
    return getattr(request, "_civic_pagecache", None)


def cacheable(request: HttpRequest, *scopes: str) -> None:
    """Declare this page cacheable for anonymous readers, depending on these scopes. Call it
    before reading the data the scopes guard."""
    state = _state(request)
    if state is None or state.refused:
        return
    new = [s for s in scopes if s not in state.versions]
    if new:
        state.versions.update(versions(new))
    state.cacheable = True


def valid_until(request: HttpRequest, moment: datetime | None) -> None:
    """The page changes by itself at this moment (a consultation opens or closes): keep it no longer."""
    state = _state(request)
    if state is None or moment is None:
        return
    stamp = moment.timestamp()
    state.until = stamp if state.until is None else min(state.until, stamp)


def refuse(request: HttpRequest) -> None:
    """This render must not be cached (it shows something about the reader)."""
    state = _state(request)
    if state is not None:
        state.refused = True


def seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


def _candidate(request: HttpRequest) -> bool:
    """Only anonymous reads: no session (so no user, no messages in it), no messages cookie."""
    if request.method not in ("GET", "HEAD") or seconds() <= 0:
        return False
    if request.path.startswith(SKIP_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _entry_key(request: HttpRequest) -> str:
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pc:page:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def personal(request: HttpRequest, response: HttpResponseBase) -> str | None:
    """Why this response carries something about its reader (None when it carries nothing)."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "csrf token"
    if response.cookies:
        return "sets a cookie"
    session = getattr(request, "session", None)
    if session is not None and (session.modified or (session.accessed and not session.is_empty())):
        return "session"
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return "signed in"
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or getattr(messages, "_queued_messages", None)):
        return "messages"
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return "marked private"
    return None


def _storable(request: HttpRequest, response: HttpResponseBase, state: _Render) -> bool:
    return (
        state.cacheable
        and not state.refused
        and response.status_code == 200
        and not response.streaming
        and isinstance(response, HttpResponse)
        and personal(request, response) is None
    )


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _served(request: HttpRequest, entry: dict[str, Any]) -> HttpResponseBase:
    """The stored page, or 304 when the client (or a proxy) already holds this version."""
    etag = entry["etag"]
    if etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
        response: HttpResponseBase = HttpResponseNotModified()
    else:
        response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    _public_headers(response, etag)
    response[HEADER] = "hit"
    return response


def _public_headers(response: HttpResponseBase, etag: str) -> None:
    response["ETag"] = etag
    control = getattr(settings, "PAGE_CACHE_CONTROL", "")
    if control:
        response["Cache-Control"] = control
        patch_vary_headers(response, ("Cookie",))  # signed-in readers must not get a shared copy


# Entries already fetched from a shared (Redis) store, kept in this process too: a hit then costs
# one small read of the version tokens instead of fetching the page again. Safe, because an entry
# never changes: it is served only while its tokens are current and before it expires.
_local = LocMemCache("civic-pages-local", {"OPTIONS": {"MAX_ENTRIES": 1000}})


def _fetch(key: str) -> dict[str, Any] | None:
    cache = store()
    if isinstance(cache, LocMemCache):
        found: dict[str, Any] | None = cache.get(key)
        return found
    entry: dict[str, Any] | None = _local.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None and "content" in entry:
            _local.set(key, entry, timeout=max(1.0, entry["expires"] - time.time()))
    return entry


def get_part(key: str) -> Any:
    """A value stored under a key that names its content version (a part of a page, the footer
    links): it never changes, so this process keeps its own copy in front of a shared store."""
    cache = store()
    if isinstance(cache, LocMemCache):
        return cache.get(key)
    value = _local.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            _local.set(key, value, timeout=seconds())
    return value


def set_part(key: str, value: Any) -> None:
    store().set(key, value, timeout=seconds())
    if not isinstance(store(), LocMemCache):
        _local.set(key, value, timeout=seconds())


class AnonymousPageCacheMiddleware:
    """Serves anonymous readers stored pages; stores the pages that opted in and used nothing
    personal. Sits after the security headers (they are added to every response) and before the
    session: a hit touches no session, user, CSRF or database.

    The first render of an address that opted in stores only a marker: the site-wide token must be
    read before the view runs, and reading it for every address (health checks, live polling) would
    cost a cache round trip each. The next render reads it first and stores the page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        reading = _read.set({})  # each token read once in this request (see versions())
        try:
            return self._respond(request)
        finally:
            _read.reset(reading)

    def _respond(self, request: HttpRequest) -> HttpResponseBase:
        if not _candidate(request):
            return self.get_response(request)
        key = _entry_key(request)
        entry = _fetch(key)
        if entry is not None and "content" in entry:
            if time.time() < entry["expires"] and versions(list(entry["versions"])) == entry["versions"]:
                scope = getattr(request, "scope", None)  # under ASGI: civic.pagecache_fast keeps it
                if isinstance(scope, dict):
                    scope[FAST_SCOPE_KEY] = entry
                return _served(request, entry)
            _local.delete(key)
        known = entry is not None  # this address opted in before: read the site's token first
        state = _Render(versions=versions([SITE]) if known else {})
        request._civic_pagecache = state  # type: ignore[attr-defined]  # read by cacheable()
        response = self.get_response(request)
        if _storable(request, response, state):
            assert isinstance(response, HttpResponse)
            timeout = float(seconds())
            if state.until is not None:
                timeout = min(timeout, state.until - time.time())
            if timeout >= 1 and not known:
                store().set(key, {"marker": True}, timeout=timeout)
            elif timeout >= 1:
                etag = _etag(response.content)
                store().set(
                    key,
                    {
                        "versions": state.versions,
                        "expires": time.time() + timeout,
                        "status": response.status_code,
                        "headers": {h: response[h] for h in STORED_HEADERS if h in response},
                        "content": response.content,
                        "etag": etag,
                    },
                    timeout=timeout,
                )
                _public_headers(response, etag)
            response[HEADER] = "miss"
        return response


def _site_changed(sender: object = None, **kwargs: object) -> None:
    bump_on_commit(SITE)


def _name_changed(sender: object = None, **kwargs: object) -> None:
    bump(SITE)  # sent after the change commits


def _account_changed(sender: object = None, *, reason: str = "", **kwargs: object) -> None:
    if reason == "deactivated":  # erased or deactivated: pages showing the name must not outlive it
        bump(SITE)


def connect() -> None:
    """Wagtail's page changes (code we don't own), the site's brand, a changed display name and an
    erased account make every page stale (names show on many pages; such changes are rare)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from . import signals
    from .models import Brand

    signals.display_name_changed.connect(_name_changed, dispatch_uid="civic.pagecache.display_name")
    signals.account_changed.connect(_account_changed, dispatch_uid="civic.pagecache.account")

    page_published.connect(_site_changed, dispatch_uid="civic.pagecache.published")
    page_unpublished.connect(_site_changed, dispatch_uid="civic.pagecache.unpublished")
    post_page_move.connect(_site_changed, dispatch_uid="civic.pagecache.moved")
    post_delete.connect(_site_changed, sender=Page, dispatch_uid="civic.pagecache.deleted")
    for model in (Site, Brand):
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"civic.pagecache.{model.__name__}")
