"""Cached pages answered before Django under daphne: no middleware, no thread, no blocking read.

Under daphne every request Django handles hops to a worker thread several times (the request
signals, the middleware chain, closing the response), and a blocking Redis read in that thread
waits for the GIL when it returns. A page the cache served once (civic.pagecache) is served again
from the event loop: the version tokens are read with one non-blocking MGET, and the response is
the one Django sent for the same request before, byte for byte.

What the middleware above the page cache adds (security and language headers, CORS, redirects)
depends only on the address and the request's headers, so a response is reused only for a request
with the same address and the same headers (those that cannot change a response, like the user
agent, aside). Anything else, and every miss, goes to Django as before.
"""

import hashlib
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.http.cookie import parse_cookie

from . import pagecache

Scope = dict[str, Any]
Message = Mapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_RESPONSES = 256  # request shapes kept, each with its page (about 100 kB)
# Request headers no middleware reads: two requests differing only in them get the same response.
IGNORED_HEADERS = frozenset(
    {
        b"user-agent",
        b"connection",
        b"keep-alive",
        b"accept-encoding",
        b"referer",
        b"cache-control",
        b"pragma",
        b"dnt",
        b"upgrade-insecure-requests",
        b"sec-fetch-mode",
        b"sec-fetch-site",
        b"sec-fetch-user",
        b"sec-ch-ua",
        b"sec-ch-ua-mobile",
        b"sec-ch-ua-platform",
        b"priority",
        b"x-forwarded-for",
        b"x-real-ip",
    }
)
# A request carrying these goes to Django: it answers revalidations (304) itself.
DJANGO_HEADERS = frozenset({b"if-none-match", b"if-modified-since", b"content-length", b"transfer-encoding"})


@dataclass(frozen=True)
class _Response:
    """What Django sent for one cached entry and one request shape."""

    versions: dict[str, str]  # the entry's tokens and end: the page's content is in `body`
    expires: float
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


_responses: dict[str, _Response] = {}


def _shape(scope: Scope) -> str | None:
    """The request's address and the headers that can change its response; None when Django must
    answer it (not a plain anonymous GET)."""
    if scope.get("type") != "http" or scope.get("method") != "GET" or pagecache.seconds() <= 0:
        return None
    path = scope.get("path", "")
    if path.startswith(pagecache.SKIP_PREFIXES):
        return None
    kept = []
    for name, value in scope.get("headers") or ():
        if name in DJANGO_HEADERS:
            return None
        if name == b"cookie":
            cookies = parse_cookie(value.decode("latin-1"))
            if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
                return None
        if name not in IGNORED_HEADERS:
            kept.append(name + b":" + value)
    digest = hashlib.sha256()
    for part in (scope.get("scheme", "http"), scope.get("root_path", ""), path):
        digest.update(str(part).encode() + b"\0")
    digest.update(bytes(scope.get("query_string", b"")) + b"\0")
    for header in sorted(kept):
        digest.update(header + b"\0")
    return digest.hexdigest()


async def _current(kept: _Response) -> bool:
    """Whether the entry may still be served: not expired, and every token it was rendered under
    still current (the same test the middleware makes, without creating missing tokens)."""
    if time.time() >= kept.expires:
        return False
    cache = pagecache.store()
    keys = {pagecache._version_key(scope): scope for scope in kept.versions}
    if isinstance(cache, LocMemCache):  # in memory: no I/O to wait for
        found = cache.get_many(list(keys))
    else:
        found = await cache.aget_many(list(keys))
    current: dict[str, str] = {keys[k]: v for k, v in found.items()}
    return current == kept.versions


class FastPageCache:
    """ASGI wrapper around Django's HTTP handler serving repeated anonymous hits from the loop."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        shape = _shape(scope)
        if shape is None:
            await self.app(scope, receive, send)
            return
        known = _responses.get(shape)
        if known is not None:
            if await _current(known):
                await send({"type": "http.response.start", "status": known.status, "headers": known.headers})
                await send({"type": "http.response.body", "body": known.body})
                return
            _responses.pop(shape, None)
        await self._learn(shape, scope, receive, send)

    async def _learn(self, shape: str, scope: Scope, receive: Receive, send: Send) -> None:
        """Let Django answer; keep its response when the page cache served it from an entry."""
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def recording(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(bytes(message.get("body", b"")))
            await send(message)

        await self.app(scope, receive, recording)
        entry = scope.get(pagecache.FAST_SCOPE_KEY)
        headers = [(bytes(k), bytes(v)) for k, v in start.get("headers") or ()]
        if entry is None or start.get("status") != 200 or any(k.lower() == b"set-cookie" for k, _ in headers):
            return
        if len(_responses) >= MAX_RESPONSES:
            _responses.pop(next(iter(_responses)))
        _responses[shape] = _Response(
            versions=dict(entry["versions"]),
            expires=float(entry["expires"]),
            status=200,
            headers=headers,
            body=b"".join(chunks),
        )


def forget() -> None:
    """Drop every kept response (tests)."""
    _responses.clear()
