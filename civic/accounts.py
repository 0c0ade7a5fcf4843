"""Civic's glue for allauth: rate limits count the real client address; people are named by display name."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from . import clientip


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth has no type information
    def get_client_ip(self, request: HttpRequest) -> str:
        """The address behind TRUSTED_PROXY_COUNT proxies, so one address's failures lock only it."""
        return clientip.for_request(request)


def user_display(user: Any) -> str:
    """allauth's name for an account ("Signed in as ..."): the public name, never the username."""
    public_name = getattr(user, "public_name", None)
    return str(public_name) if public_name else "you"
