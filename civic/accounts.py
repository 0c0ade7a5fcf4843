"""Civic's glue for allauth: rate limits count the real client address; people are named by display name."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.http import HttpRequest
from django.utils.encoding import force_str

from . import brand, clientip


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth has no type information
    def get_client_ip(self, request: HttpRequest) -> str:
        """The address behind TRUSTED_PROXY_COUNT proxies, so one address's failures lock only it."""
        return clientip.for_request(request)

    def get_from_email(self) -> str:
        """Sign-up, verification and password emails come from the council's sender name."""
        return brand.for_request(context.request).from_email

    def format_email_subject(self, subject: str) -> str:
        """'[Council name] ...', the prefix every Civic email uses."""
        return f"[{brand.for_request(context.request).site_name}] {force_str(subject)}"


def user_display(user: Any) -> str:
    """allauth's name for an account ("Signed in as ..."): the public name, never the username."""
    public_name = getattr(user, "public_name", None)
    return str(public_name) if public_name else "you"
