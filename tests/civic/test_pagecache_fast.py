"""Repeated anonymous hits are answered before Django (civic.pagecache_fast), never after a write
made the page stale, and never for a request Django might answer differently."""

import asyncio
import socket

import pytest
from asgiref.sync import async_to_sync
from django.core.asgi import get_asgi_application
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from civic import pagecache, pagecache_fast
from consultations import services

pytestmark = pytest.mark.usefixtures("page_cache")


class Counting:
    """Django's ASGI handler, counting the requests that reached it. Its sync parts run in the
    test's thread (no per-request thread context), inside the test's transaction."""

    def __init__(self) -> None:
        self.app = get_asgi_application()
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        request_started.disconnect(close_old_connections)  # as Django's test client does
        request_finished.disconnect(close_old_connections)
        try:
            await self.app.handle(scope, receive, send)
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@pytest.fixture
def django_app():
    pagecache_fast.forget()
    yield Counting()
    pagecache_fast.forget()


@pytest.fixture
def app(django_app):
    return pagecache_fast.FastPageCache(django_app)


def get(app, path: str, *headers: tuple[bytes, bytes]) -> tuple[int, dict[bytes, bytes], bytes]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 40000),
        "server": ("testserver", 80),
    }
    messages = []

    async def run():
        sent = False
        never = asyncio.Event()

        async def receive():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await never.wait()  # the reader stays connected

        async def send(message):
            messages.append(message)

        await app(scope, receive, send)

    async_to_sync(run)()
    start = messages[0]
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return start["status"], dict(start["headers"]), body


def warm(app, path: str, *headers) -> bytes:
    """Three reads: a marker, the stored page, and a hit Django serves (which the wrapper keeps)."""
    for _ in range(3):
        status, found, body = get(app, path, *headers)
        assert status == 200
    assert found[b"X-Civic-Cache"] == b"hit"
    return body


def test_a_repeated_anonymous_hit_is_answered_before_django(app, django_app, consultation):
    body = warm(app, consultation.url)
    before = django_app.calls
    status, headers, again = get(app, consultation.url, (b"user-agent", b"another browser"))
    assert status == 200
    assert django_app.calls == before  # Django never saw it
    assert again == body
    assert headers[b"X-Civic-Cache"] == b"hit"
    assert b"Content-Security-Policy" in headers  # the headers Django's middleware added, kept


def test_a_comment_makes_the_kept_response_stale(
    app, django_app, consultation, resident, django_capture_on_commit_callbacks
):
    warm(app, consultation.url)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(author=resident, consultation=consultation, body="Parking by the school gates")
    before = django_app.calls
    status, headers, body = get(app, consultation.url)
    assert django_app.calls == before + 1
    assert headers[b"X-Civic-Cache"] == b"miss"
    assert b"Parking by the school gates" in body


def test_a_reader_with_a_session_cookie_always_goes_to_django(app, django_app, consultation):
    warm(app, consultation.url)
    before = django_app.calls
    get(app, consultation.url, (b"cookie", b"sessionid=abc"))
    get(app, consultation.url, (b"cookie", b"sessionid=abc"))
    assert django_app.calls == before + 2


def test_other_request_headers_never_get_another_requests_response(app, django_app, consultation):
    warm(app, consultation.url)
    before = django_app.calls
    status, headers, _ = get(app, consultation.url, (b"origin", b"https://elsewhere.example"))
    assert django_app.calls == before + 1
    status, headers, _ = get(app, consultation.url, (b"if-none-match", headers[b"ETag"]))
    assert django_app.calls == before + 2
    assert status == 304


def test_the_wrapper_steps_aside_when_the_page_cache_is_off(app, django_app, consultation, settings):
    warm(app, consultation.url)
    settings.PAGE_CACHE_SECONDS = 0
    before = django_app.calls
    status, headers, _ = get(app, consultation.url)
    assert django_app.calls == before + 1
    assert b"X-Civic-Cache" not in headers


def redis_url() -> str | None:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return None
    return "redis://127.0.0.1:6379/7"


@pytest.fixture
def redis_pages(settings):
    url = redis_url()
    if url is None:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "civic.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "civic-pages-test",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
    }
    pagecache.store().clear()
    pagecache._local.clear()
    yield
    pagecache.store().clear()
    pagecache._local.clear()


@pytest.mark.usefixtures("redis_pages")
def test_with_redis_a_comment_makes_the_kept_response_stale(
    app, django_app, consultation, resident, django_capture_on_commit_callbacks
):
    body = warm(app, consultation.url)
    before = django_app.calls
    assert get(app, consultation.url)[2] == body
    assert django_app.calls == before  # the tokens read without Django
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(author=resident, consultation=consultation, body="Parking by the school gates")
    status, headers, body = get(app, consultation.url)
    assert django_app.calls == before + 1
    assert b"Parking by the school gates" in body
