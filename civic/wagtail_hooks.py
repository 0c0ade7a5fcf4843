"""Organisations are managed as Wagtail snippets; account closures are audited actions; the admin
names people by their display name."""

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.telepath import Adapter, register
from wagtail.admin.ui import sidebar
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import bilingual, erasure_views, permissions
from .admin_menu import PermittedMenuItem
from .models import Organisation


class OrganisationViewSet(SnippetViewSet):  # type: ignore[misc]  # Wagtail has no type information
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    list_display = ["name", "kind"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)
bilingual.accept_translation_editor_forms()


@hooks.register("register_log_actions")  # type: ignore[untyped-decorator]  # Wagtail has no types
def account_log_actions(actions: Any) -> None:
    """Closing accounts is audited: who asked (the owner, or an administrator) and what was done."""
    actions.register_action("civic.erase", "Erase account", "Account erased")
    actions.register_action("civic.deactivate", "Deactivate account", "Account deactivated")


@hooks.register("register_admin_urls")  # type: ignore[untyped-decorator]  # Wagtail has no types
def erasure_urls() -> list[Any]:
    return [
        path("erasure-requests/", erasure_views.find_account, name="civic_erasure_requests"),
        path("erasure-requests/<id:user_id>/", erasure_views.confirm_erasure, name="civic_erasure_confirm"),
    ]


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]  # Wagtail has no types
def erasure_menu_item() -> MenuItem:
    return PermittedMenuItem(
        "Erasure requests",
        reverse("civic_erasure_requests"),
        shown_to=permissions.can_carry_out_erasure_requests,
        icon_name="bin",
        order=900,
    )


class MainMenuAdapter(Adapter):  # type: ignore[misc]  # Wagtail has no type information
    """The sidebar's account menu greets by display name (Wagtail shows the first name or username)."""

    js_constructor = "wagtail.sidebar.MainMenuModule"

    def js_args(self, obj: Any) -> list[Any]:
        args: list[Any] = obj.js_args()
        args[2] = {**args[2], "name": obj.user.public_name}
        return args


register(MainMenuAdapter(), sidebar.MainMenuModule)
