"""Websocket routes for consultations (live updates arrive with the live participation work)."""

websocket_urlpatterns: list = []
