"""A server process stopping for a deploy (SIGTERM) finishes what it accepted: residents posting
comments through the real form while it stops each get an answer for a stored comment, or find
the port closed; open websockets are told 1001 (going away); the process exits 0. Plain daphne
fails this: it cancels the requests in flight and closes their connections unanswered."""

import asyncio
import contextlib
import http.client
import json
import os
import re
import signal
import threading
import time
import uuid
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.support.servers import Daphne, Database, manage, prepare_database, server_env

HELD_APP = "tests.support.held_asgi:application"  # Civic, holding each POST a second
POSTERS = 4
WAIT = 120  # generous: the machine may be busy
# The servers copy the test database, so it must exist even when only this module runs.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    from django.conf import settings

    with django_db_blocker.unblock():
        database = Database(template=settings.DATABASES["default"]["TEST"])
    try:
        env = server_env(database.url, os.environ.get("REDIS_URL"))
        ids = prepare_database(env, users=POSTERS, migrated=database.migrated)
        yield SimpleNamespace(env=env, **ids)
    finally:
        database.drop()


@contextlib.contextmanager
def started(server: Daphne):
    server.start(wait=False)
    try:
        try:
            server.wait()
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"server did not start: {exc}\n{server.output()[-3000:]}") from exc
        yield server
    finally:
        server.stop()


@dataclass
class Outcome:
    body: str
    kind: str  # "answered", "refused" (connection refused: the port was closed) or "broken"
    status: int | None = None
    written_at: float | None = None
    answered_at: float | None = None
    error: str = ""


class Poster(threading.Thread):
    """A signed-in resident posting comments through the HTML form, one connection per request
    (as the README's nginx does), until the server refuses the connection."""

    def __init__(self, server, site, number, tag, in_flight):
        super().__init__(daemon=True)
        self.server, self.site, self.number, self.tag = server, site, number, tag
        self.in_flight = in_flight
        self.outcomes: list[Outcome] = []
        self.session = site.sessions[number]

    def connection(self):
        return http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=WAIT)

    def csrf(self) -> tuple[str, str]:
        conn = self.connection()
        conn.request("GET", self.site.proposal_url, headers=self.headers())
        response = conn.getresponse()
        page = response.read().decode()
        conn.close()
        assert response.status == 200, response.status
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        field = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert cookie and field, "the proposal page has no comment form with a CSRF token"
        return cookie.group(1), field.group(1)

    def headers(self, csrf_cookie: str = "") -> dict:
        cookie = f"sessionid={self.session}" + (f"; csrftoken={csrf_cookie}" if csrf_cookie else "")
        return {"Host": "127.0.0.1", "Cookie": cookie, "Connection": "close"}

    def run(self):
        cookie, token = self.csrf()
        for n in range(500):
            body = f"{self.tag} resident {self.number} comment {n}"
            form = urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "body": body,
                    "stance": "support",
                    "client_token": str(uuid.uuid4()),
                }
            )
            conn = self.connection()
            try:
                conn.connect()
            except ConnectionRefusedError:
                self.outcomes.append(Outcome(body, "refused"))
                return
            outcome = Outcome(body, "broken")
            try:
                conn.request(
                    "POST",
                    f"/consultations/{self.site.proposal}/comment/",
                    body=form,
                    headers={
                        **self.headers(cookie),
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                )
                outcome.written_at = time.monotonic()
                self.in_flight.add(1)
                try:
                    response = conn.getresponse()
                    response.read()
                finally:
                    self.in_flight.add(-1)
                outcome.kind, outcome.status = "answered", response.status
                outcome.answered_at = time.monotonic()
            except (OSError, http.client.HTTPException) as exc:
                outcome.error = repr(exc)
            finally:
                conn.close()
                self.outcomes.append(outcome)
            if outcome.kind == "broken":
                return


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def add(self, amount):
        with self.lock:
            self.value += amount


class Viewer(threading.Thread):
    """Someone watching the consultation live; records how the server closed the socket."""

    def __init__(self, server, consultation):
        super().__init__(daemon=True)
        self.url = server.ws_url(consultation)
        self.origin = server.base
        self.ready = threading.Event()
        self.close_code = None
        self.error = None

    def run(self):
        asyncio.run(self.watch())

    async def watch(self):
        try:
            async with connect(self.url, additional_headers={"Origin": self.origin}) as socket:
                async with asyncio.timeout(WAIT):
                    while json.loads(await socket.recv())["type"] != "hello":
                        pass
                self.ready.set()
                try:
                    async with asyncio.timeout(WAIT * 2):
                        while True:
                            await socket.recv()
                except ConnectionClosed:
                    pass
                self.close_code = socket.close_code
        except Exception as exc:  # reported by the test
            self.error = repr(exc)
        finally:
            self.ready.set()


def wait_until(condition, what, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def stored_comments(env, tag) -> set[str]:
    script = (
        "import json; from consultations.models import Comment; "
        f"print('BODIES' + json.dumps(list(Comment.objects.filter(body__startswith={tag!r})"
        ".values_list('body', flat=True))))"
    )
    out = manage(env, "shell", "-c", script)
    return set(json.loads(next(line[6:] for line in out.splitlines() if line.startswith("BODIES"))))


def test_sigterm_while_residents_post_answers_every_accepted_comment_and_exits_0(site):
    tag = f"drain-{uuid.uuid4().hex[:8]}"
    in_flight = Counter()
    with started(Daphne(site.env, app=HELD_APP)) as server:
        viewer = Viewer(server, site.consultation)
        viewer.start()
        assert viewer.ready.wait(WAIT) and viewer.error is None, viewer.error
        posters = [Poster(server, site, number, tag, in_flight) for number in range(POSTERS)]
        for poster in posters:
            poster.start()

        def answered():
            return sum(o.kind == "answered" for p in posters for o in p.outcomes)

        wait_until(lambda: answered() >= 2 * POSTERS, "comments to be posted before the signal")
        # Several requests are sent and held by the server for a second: stop it now.
        wait_until(lambda: in_flight.value >= 2, "requests in flight")
        signalled_at = time.monotonic()
        os.killpg(server.process.pid, signal.SIGTERM)

        for poster in posters:
            poster.join(WAIT)
        viewer.join(WAIT)
        exit_code = server.process.wait(WAIT)
        log = server.output()

    outcomes = [o for p in posters for o in p.outcomes]
    assert not any(p.is_alive() for p in posters), "a resident never got an answer"
    broken = [o for o in outcomes if o.kind == "broken"]
    assert broken == [], f"connections reset or closed unanswered: {broken[:3]}\n{log[-3000:]}"
    assert all(o.status in (302, 303) for o in outcomes if o.kind == "answered"), outcomes
    # Every resident went on posting until the closed port refused them, and nothing else did.
    assert [p.outcomes[-1].kind for p in posters] == ["refused"] * POSTERS
    answered = {o.body for o in outcomes if o.kind == "answered"}
    drained = [o for o in outcomes if o.kind == "answered" and o.written_at < signalled_at < o.answered_at]
    assert drained, "no request in flight at the signal was answered after it"
    assert exit_code == 0, log[-3000:]
    assert "Exception inside application" not in log, log[-3000:]
    assert "Killed 0 pending application instances" in log, log[-3000:]  # all finished, none cut
    assert viewer.error is None and viewer.close_code == 1001, (viewer.error, viewer.close_code)
    # Every answered comment is stored, and every stored comment was answered.
    assert stored_comments(site.env, tag) == answered


def test_idle_connections_do_not_hold_a_stopping_server(site):
    drain_timeout = 120
    with started(Daphne(site.env, options=("--drain-timeout", str(drain_timeout)))) as server:
        viewer = Viewer(server, site.consultation)
        viewer.start()
        assert viewer.ready.wait(WAIT) and viewer.error is None, viewer.error
        idle = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
        idle.request("GET", "/", headers={"Host": "127.0.0.1"})  # keep-alive, then left idle
        response = idle.getresponse()
        response.read()
        assert response.status == 200
        signalled_at = time.monotonic()
        os.killpg(server.process.pid, signal.SIGTERM)
        exit_code = server.process.wait(WAIT)
        took = time.monotonic() - signalled_at
        viewer.join(WAIT)
        log = server.output()
    assert exit_code == 0, log[-3000:]
    assert took < drain_timeout / 2, f"waited {took:.0f}s for idle connections"
    assert idle.sock.recv(1) == b"", "the idle keep-alive connection was left open"
    assert viewer.close_code == 1001


def test_drain_timeout_bounds_a_request_that_does_not_finish(site):
    env = {**site.env, "CIVIC_TEST_POST_HOLD": "600"}  # a POST that would take ten minutes
    with started(Daphne(env, app=HELD_APP, options=("--drain-timeout", "2"))) as server:
        stuck = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
        stuck.request("POST", "/search/", body="", headers={"Host": "127.0.0.1"})
        time.sleep(0.5)  # only so the request is in the server before the signal; any delay passes
        signalled_at = time.monotonic()
        os.killpg(server.process.pid, signal.SIGTERM)
        exit_code = server.process.wait(WAIT)
        took = time.monotonic() - signalled_at
        log = server.output()
    assert exit_code == 0, log[-3000:]
    assert took < 60, f"the drain timeout of 2s took {took:.0f}s"
    assert "Drain timeout" in log
    with pytest.raises((OSError, http.client.HTTPException)):
        stuck.getresponse()  # cut off: closed without an answer


def test_a_second_signal_stops_at_once(site):
    env = {**site.env, "CIVIC_TEST_POST_HOLD": "600"}
    with started(Daphne(env, app=HELD_APP, options=("--drain-timeout", "600"))) as server:
        stuck = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
        stuck.request("POST", "/search/", body="", headers={"Host": "127.0.0.1"})
        os.killpg(server.process.pid, signal.SIGTERM)
        wait_until(lambda: "Shutting down" in server.output(), "the drain to start")
        signalled_at = time.monotonic()
        os.killpg(server.process.pid, signal.SIGTERM)
        exit_code = server.process.wait(WAIT)
        took = time.monotonic() - signalled_at
        log = server.output()
    assert exit_code == 0, log[-3000:]
    assert took < 60, f"the second signal took {took:.0f}s"
    assert "Second signal" in log
