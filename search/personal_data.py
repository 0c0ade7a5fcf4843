"""Officers' saved searches, for 'download my data' (registered in apps.py)."""

from django.urls import reverse

from civic.links import absolute
from civic.models import User
from civic.personal_data import register, when

from .models import SavedSearch


def saved_searches(user: User) -> list[dict] | None:
    """Staff name searches to run again; residents have none, so their export has no such section."""
    rows = [
        {
            "name": search.name,
            "search": search.query,
            "address": absolute(f"{reverse('search:officer')}?{search.query}"),
            "saved": when(search.created_at),
        }
        for search in SavedSearch.objects.filter(owner=user).order_by("name")
    ]
    return rows or None


def register_collectors() -> None:
    register("saved_searches", saved_searches, title="Your saved searches")
