"""Civic's glue for allauth: rate limits count the real client address; people are named by display name."""

from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.utils.encoding import force_str
from django.utils.translation import gettext

from . import brand, clientip, emails


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

    def send_mail(self, template_prefix: str, email: str, context_data: dict[str, Any]) -> None:
        """allauth's emails in the council's name, greeting the person by display name, with links
        at the configured site address (BASE_URL) rather than whichever host the request used."""
        council = brand.for_request(context.request)
        address = emails.site_address()
        user = context_data.get("user")
        extra: dict[str, Any] = {
            "current_site": SimpleNamespace(name=council.site_name, domain=urlsplit(address).netloc),
            "site_name": council.site_name,
            "site_address": address,
            "recipient_name": getattr(user, "public_name", "") or "",
        }
        for key, value in context_data.items():
            if key.endswith("_url") and isinstance(value, str) and value.startswith(("http://", "https://")):
                extra[key] = emails.at_site_address(value)
        # A person who chose a language gets it; sign-up and password emails otherwise follow the page.
        with emails.in_language(user if getattr(user, "language", "") else None):
            super().send_mail(template_prefix, email, {**context_data, **extra})

    def render_mail(
        self,
        template_prefix: str,
        email: str | list[str],
        context_data: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> EmailMessage:
        """Every allauth email also has an HTML part (drawn from its text, in the council's colours)."""
        message = super().render_mail(template_prefix, email, context_data, headers=headers)
        return emails.add_html_part(message, context.request)


def user_display(user: Any) -> str:
    """allauth's name for an account ("Signed in as ..."): the public name, never the username."""
    public_name = getattr(user, "public_name", None)
    return str(public_name) if public_name else gettext("you")
