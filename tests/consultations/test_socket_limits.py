"""Caps on open live sockets per client address and per account: refused with an error and close
code 4429 past the cap, counted across processes in Redis, and per process (never unlimited)
while Redis is down."""

import json
import shutil

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from consultations import socket_limits
from tests.consultations.live_helpers import communicator, session_cookie
from tests.support.servers import RedisServer


@pytest.fixture(autouse=True)
def _keep_test_connection(monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def run(scenario):
    async_to_sync(scenario)()


async def open_socket(page, address, cookie=None):
    comm = communicator(page.pk, since=0, cookie=cookie)
    comm.scope["client"] = (address, 40000)
    connected, code = await comm.connect(timeout=5)
    assert connected  # accepted first, so the refusal can say why
    return comm


async def accepted(comm) -> bool:
    """True for a socket that said hello; False for one refused as one too many (checked fully)."""
    while True:
        output = await comm.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            return False
        message = json.loads(output["text"])
        if message["type"] == "hello":
            return True
        if message["type"] == "error":
            assert message["data"]["code"] == "too_many_sockets"
            assert await comm.receive_output(timeout=3) == {"type": "websocket.close", "code": 4429}
            return False


def test_sockets_per_address_are_capped(consultation, settings):
    settings.LIVE_MAX_SOCKETS_PER_ADDRESS = 2

    async def scenario():
        first = await open_socket(consultation, "203.0.113.7")
        second = await open_socket(consultation, "203.0.113.7")
        assert await accepted(first) and await accepted(second)
        assert not await accepted(await open_socket(consultation, "203.0.113.7"))
        elsewhere = await open_socket(consultation, "198.51.100.1")
        assert await accepted(elsewhere)  # another address has its own allowance
        await first.disconnect()
        again = await open_socket(consultation, "203.0.113.7")
        assert await accepted(again)  # a closed socket gives its slot back
        for comm in (second, elsewhere, again):
            await comm.disconnect()

    run(scenario)


def test_sockets_per_account_are_capped_whatever_the_address(resident, make_user, consultation, settings):
    settings.LIVE_MAX_SOCKETS_PER_USER = 2
    neighbour = make_user()

    async def scenario():
        cookie = await database_sync_to_async(session_cookie)(resident)
        sockets = [await open_socket(consultation, f"192.0.2.{n}", cookie) for n in (1, 2)]
        assert all([await accepted(comm) for comm in sockets])
        assert not await accepted(await open_socket(consultation, "192.0.2.3", cookie))
        other_cookie = await database_sync_to_async(session_cookie)(neighbour)
        other = await open_socket(consultation, "192.0.2.3", other_cookie)
        assert await accepted(other)
        for comm in [*sockets, other]:
            await comm.disconnect()

    run(scenario)


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_leases_are_shared_through_redis_and_counted_locally_while_it_is_down(settings, resident):
    redis = RedisServer()
    redis.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "civic.cache.ResilientRedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    settings.LIVE_MAX_SOCKETS_PER_ADDRESS = 2
    scope = {"client": ("203.0.113.9", 1)}
    try:
        held = [socket_limits.acquire(scope, None) for _ in range(2)]
        socket_limits._local.clear()  # what another process sees: nothing of its own, all in Redis
        with pytest.raises(socket_limits.TooManySockets):
            socket_limits.acquire(scope, None)
        socket_limits.release(held.pop(0))
        held.append(socket_limits.acquire(scope, None))  # a released slot is free for everyone

        redis.stop()
        socket_limits._local.clear()
        local = [socket_limits.acquire(scope, None) for _ in range(2)]  # per process now...
        with pytest.raises(socket_limits.TooManySockets):  # ...but still capped
            socket_limits.acquire(scope, None)
        for slots in local:
            socket_limits.release(slots)
    finally:
        redis.stop()
        socket_limits._down_until = 0.0
