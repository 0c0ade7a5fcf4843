"""Writes to an officer's saved searches, kept out of the views like every other write."""

from civic.models import User

from .models import SavedSearch


def save_search(*, owner: User, name: str, query: str) -> SavedSearch:
    """Save the search under its name; saving again by the same name replaces the query."""
    saved, _created = SavedSearch.objects.update_or_create(owner=owner, name=name, defaults={"query": query})
    return saved


def delete_saved_search(*, owner: User, saved: SavedSearch) -> None:
    """Delete one of the owner's saved searches; another officer's is never touched."""
    SavedSearch.objects.filter(pk=saved.pk, owner=owner).delete()
