"""The ASGI application serves HTTP and routes websockets (run through async_to_sync so the tests
work whatever event loop other tests, such as the browser tests, leave in this thread)."""

import pytest
from asgiref.sync import async_to_sync
from channels.testing import HttpCommunicator, WebsocketCommunicator

from project.asgi import application


@pytest.mark.django_db
def test_asgi_app_serves_http_pages():
    async def scenario():
        communicator = HttpCommunicator(application, "GET", "/", headers=[(b"host", b"localhost")])
        return await communicator.get_response(timeout=10)

    response = async_to_sync(scenario)()
    assert response["status"] == 200
    assert b"<h1" in response["body"]
    headers = {name.lower(): value for name, value in response["headers"]}
    assert b"script-src 'self'" in headers[b"content-security-policy"]


@pytest.mark.django_db
def test_asgi_app_refuses_websocket_from_foreign_origin():
    async def scenario():
        communicator = WebsocketCommunicator(
            application,
            "/ws/consultations/1/",
            headers=[(b"origin", b"http://evil.example"), (b"host", b"localhost")],
        )
        connected, _ = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return connected

    assert async_to_sync(scenario)() is False
