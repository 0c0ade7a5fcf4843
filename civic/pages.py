"""Which Wagtail pages the public may see: live, unrestricted, and under live pages only.

Wagtail's `live()` looks at the page alone: a published proposal under an unpublished consultation
is still `live`. Every public list, map, feed and search of pages goes through public_pages()."""

from typing import Any

from django.db.models import Q
from wagtail.models import Page

# Wagtail has no type information: a PageQuerySet and a Page are Any here.
PageQuerySet = Any


def unpublished_paths() -> list[str]:
    """Tree paths of pages that are not live (drafts are few, so this list stays short)."""
    return list(Page.objects.filter(live=False).values_list("path", flat=True))


def public_pages(queryset: PageQuerySet) -> PageQuerySet:
    """Pages that are live, not under a view restriction, and whose every ancestor is live."""
    queryset = queryset.live().public()
    hidden = unpublished_paths()
    if hidden:
        under_draft = Q()
        for path in hidden:
            under_draft |= Q(path__startswith=path)
        queryset = queryset.exclude(under_draft)
    return queryset


def is_public(page: Any) -> bool:
    """A single page: live, unrestricted, and every ancestor live."""
    if not page.live:
        return False
    return bool(public_pages(Page.objects.filter(pk=page.pk)).exists())
