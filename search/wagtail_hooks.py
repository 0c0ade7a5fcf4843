"""A link to contribution search in the Wagtail admin menu, for the staff who may use it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from civic.admin_menu import PermittedMenuItem

from .permissions import can_use_officer_search


@hooks.register("register_admin_menu_item")
def contribution_search_menu_item():
    return PermittedMenuItem(
        gettext_lazy("Contribution search"),
        reverse("search:officer"),
        shown_to=can_use_officer_search,
        icon_name="search",
        order=250,
    )
