"""Refusals every app's plain-form views share."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def too_often(request: HttpRequest, message: str, *, back_url: str, back_label: str) -> HttpResponse:
    """A rate-limited write: a 429 page saying so, with a way back (no JavaScript needed)."""
    context = {"error": message, "back_url": back_url, "back_label": back_label}
    return render(request, "civic/too_often.html", context, status=429)
