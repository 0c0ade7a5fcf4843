"""A link to contribution search in the Wagtail admin menu, for the staff who may use it."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import can_use_officer_search


class ContributionSearchMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_officer_search(request.user)


@hooks.register("register_admin_menu_item")
def contribution_search_menu_item():
    return ContributionSearchMenuItem(
        "Contribution search", reverse("search:officer"), icon_name="search", order=250
    )
