"""Values every template may use."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .information import links_for
from .roles import COUNCILLOR, has_role, is_staff_member


def platform(request: HttpRequest) -> dict[str, Any]:
    """Site name, staff links and information pages; the pages cost one query, only once read."""
    user = getattr(request, "user", None)
    staff = bool(user and is_staff_member(user))
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "show_admin_link": staff,
        "show_summaries_link": staff or has_role(user, COUNCILLOR),
        "information_pages": links_for(request),
    }
