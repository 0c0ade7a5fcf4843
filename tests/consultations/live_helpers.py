"""Helpers for driving live updates in tests on the ordinary (transaction-wrapped) test database.

Tests run their async scenario through async_to_sync, so the consumer's database work runs in
the test's own thread and sees the test's data; `commit()` then runs the on-commit callbacks that
a real commit would (publishing events to the channel layer)."""

import json

from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import connection

from project.asgi import application
from tests.support.auth import sign_in


def run_on_commit() -> None:
    """Do what COMMIT would do for callbacks registered so far (the test transaction stays open)."""
    while connection.run_on_commit:
        callbacks = list(connection.run_on_commit)
        connection.run_on_commit.clear()
        for _savepoints, callback, _robust in callbacks:
            callback()


async def commit():
    await database_sync_to_async(run_on_commit)()


def session_cookie(user) -> bytes:
    """A real session cookie for user, so the socket authenticates as a browser would."""
    from django.test import Client

    client = Client()
    sign_in(client, user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def communicator(page_id, since=None, cookie=None, origin=b"http://localhost", raw_since=None):
    query = f"?since={since}" if since is not None else ""
    if raw_since is not None:
        query = f"?since={raw_since}"
    headers = [(b"origin", origin), (b"host", b"localhost")]
    if cookie is not None:
        headers.append((b"cookie", cookie))
    return WebsocketCommunicator(application, f"/ws/consultations/{page_id}/{query}", headers=headers)


async def receive(comm, timeout=3):
    return json.loads(await comm.receive_from(timeout=timeout))


async def receive_until(comm, type_, timeout=3):
    """Skip presence/hello messages until one of the given type arrives."""
    while True:
        message = await receive(comm, timeout)
        if message["type"] == type_:
            return message
