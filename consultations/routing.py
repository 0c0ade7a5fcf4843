"""Websocket routes for consultations."""

from django.urls import path

from .consumers import ConsultationConsumer

websocket_urlpatterns = [
    path("ws/consultations/<id:page_id>/", ConsultationConsumer.as_asgi()),
]
