"""Values every template may use."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from . import brand
from .information import links_for
from .models import Notification, User
from .roles import COUNCILLOR, has_role, is_staff_member


def _unread(request: HttpRequest) -> int:
    """The header's unread count: one query, only for a signed-in person, at most once a request."""
    cached: int | None = getattr(request, "_civic_unread", None)
    if cached is None:
        user = getattr(request, "user", None)
        cached = Notification.objects.filter(recipient=user).unread().count() if isinstance(user, User) else 0
        request._civic_unread = cached  # type: ignore[attr-defined]
    return cached


def platform(request: HttpRequest) -> dict[str, Any]:
    """The council's brand (site name, logo, colour, footer links: one cache read), staff links and
    information pages (one query, only once read)."""
    user = getattr(request, "user", None)
    staff = bool(user and is_staff_member(user))
    return {
        **brand.context(request),
        "show_admin_link": staff,
        "show_summaries_link": staff or has_role(user, COUNCILLOR),
        "information_pages": links_for(request),
        # Lazy: counted only when a page's header reads it (signed-in people only).
        "unread_notifications": SimpleLazyObject(lambda: _unread(request)),
    }
