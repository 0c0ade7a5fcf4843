import pytest
from channels.testing import HttpCommunicator, WebsocketCommunicator

from civic.asgi import application


@pytest.mark.django_db
async def test_asgi_app_serves_http_pages():
    response = await HttpCommunicator(
        application, "GET", "/", headers=[(b"host", b"localhost")]
    ).get_response(timeout=10)
    assert response["status"] == 200
    assert b"<h1" in response["body"]
    headers = {name.lower(): value for name, value in response["headers"]}
    assert b"script-src 'self'" in headers[b"content-security-policy"]


async def test_asgi_app_refuses_websocket_from_foreign_origin():
    communicator = WebsocketCommunicator(
        application,
        "/ws/consultations/1/",
        headers=[(b"origin", b"http://evil.example"), (b"host", b"localhost")],
    )
    connected, _ = await communicator.connect(timeout=5)
    assert not connected
    await communicator.disconnect()
