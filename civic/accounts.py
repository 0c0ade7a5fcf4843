"""Civic's glue for allauth: its rate limits and sign-in lockout count the real client address."""

from allauth.account.adapter import DefaultAccountAdapter

from . import clientip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """The address behind TRUSTED_PROXY_COUNT proxies, so one address's failures lock only it."""
        return clientip.for_request(request)
