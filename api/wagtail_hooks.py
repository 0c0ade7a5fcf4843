"""API tokens in the Wagtail admin, for administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from civic.admin_menu import PermittedMenuItem

from . import admin_views, services


@hooks.register("register_admin_urls")
def token_urls():
    return [
        path("api-tokens/", admin_views.token_list, name="api_tokens"),
        path("api-tokens/new/", admin_views.token_new, name="api_token_new"),
        path("api-tokens/<id:token_id>/revoke/", admin_views.token_revoke, name="api_token_revoke"),
    ]


@hooks.register("register_admin_menu_item")
def token_menu_item():
    return PermittedMenuItem(
        gettext_lazy("API tokens"),
        reverse("api_tokens"),
        shown_to=services.can_manage_tokens,
        icon_name="key",
        order=900,
    )


@hooks.register("register_log_actions")
def token_log_actions(actions):
    """Issuing is logged as wagtail.create; revoking has its own entry in the history."""
    actions.register_action(
        "civic.api_token.revoke", gettext_lazy("Revoke API token"), gettext_lazy("API token revoked")
    )
