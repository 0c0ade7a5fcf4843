"""Civic's glue for allauth: its rate limits and sign-in lockout count the real client address."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from . import clientip


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth has no type information
    def get_client_ip(self, request: HttpRequest) -> str:
        """The address behind TRUSTED_PROXY_COUNT proxies, so one address's failures lock only it."""
        return clientip.for_request(request)
