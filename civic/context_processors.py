"""Values every template may use."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .roles import is_staff_member


def platform(request: HttpRequest) -> dict[str, Any]:
    """Site name and whether to show staff links; nothing that costs a query for anonymous users."""
    user = getattr(request, "user", None)
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "show_admin_link": bool(user and is_staff_member(user)),
    }
