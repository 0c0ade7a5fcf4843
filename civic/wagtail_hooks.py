"""Organisations are managed as Wagtail snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):  # type: ignore[misc]  # Wagtail has no type information
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    list_display = ["name", "kind"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)
