"""What reports add to the core's pages (registered with civic.sections in apps.py)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from civic.models import User

from .models import IssueReport

FOLLOWS_SHOWN = 50


def profile_context(request: HttpRequest) -> dict[str, Any]:
    """The reports a resident follows, each with a button to stop (the ones the public may see)."""
    if not isinstance(request.user, User):
        return {}
    followed = list(
        IssueReport.objects.visible()
        .filter(followers=request.user)
        .select_related("category")
        .only("id", "title", "status", "category__name")
        .order_by("-created_at", "-id")[:FOLLOWS_SHOWN]
    )
    for report in followed:
        report.unfollow_action = reverse("mapping:follow_report", args=[report.pk])  # type: ignore[attr-defined]
    return {"followed_reports": followed}
