"""Absolute addresses for emails, PDFs and exports, which have no request to build them from."""

from django.conf import settings


def absolute(path: str) -> str:
    """The site's configured address (WAGTAILADMIN_BASE_URL) joined to a path from reverse()."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")
