"""Every email Civic sends: the council's sender and subject prefix, a plain-text part and an HTML
part drawn from it in the council's colours, and links at the one configured site address."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

from . import brand, languages
from .links import absolute


def site_address() -> str:
    """The address people are sent to (BASE_URL), the same for allauth's emails and the platform's."""
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def at_site_address(url: str) -> str:
    """A link built from a request's host, moved to the configured site address."""
    parts = urlsplit(url)
    return absolute(
        parts.path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def subject(text: str, request: HttpRequest | None = None) -> str:
    return f"[{brand.for_request(request).site_name}] {text}"[:200]


def html_part(text: str, title: str, request: HttpRequest | None = None) -> str:
    """The HTML part: the text part's own words, escaped, its links clickable, under the brand."""
    council = brand.for_request(request)
    # The text part was rendered with autoescape off (a SafeString): make it plain text again, so
    # the HTML template escapes every word in it, residents' included.
    text = "".join([str(text)])
    logo = absolute(council.logo.url) if council.logo and council.logo.url.startswith("/") else None
    return render_to_string(
        "civic/email/base.html",
        {"brand": council, "title": title, "text": text, "logo_url": logo, "site_address": site_address()},
    )


def add_html_part(message: EmailMessage, request: HttpRequest | None = None) -> EmailMultiAlternatives:
    """Give a plain-text message its HTML twin (messages that already have one are left alone)."""
    if isinstance(message, EmailMultiAlternatives) and message.alternatives:
        return message
    twin = EmailMultiAlternatives(
        message.subject,
        message.body,
        message.from_email,
        message.to,
        bcc=message.bcc,
        cc=message.cc,
        reply_to=message.reply_to,
        headers=message.extra_headers,
    )
    twin.attach_alternative(html_part(str(message.body), str(message.subject), request), "text/html")
    return twin


def build(
    title: str,
    text: str,
    to: list[str],
    *,
    headers: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> EmailMultiAlternatives:
    """One email from the council: '[Council] title', its sender name, text and HTML parts."""
    council = brand.for_request(request)
    message = EmailMultiAlternatives(subject(title, request), text, council.from_email, to, headers=headers)
    message.attach_alternative(html_part(text, str(message.subject), request), "text/html")
    return message


def language_of(recipient: Any = None, language: str | None = None) -> str:
    """The language an email is written in: a person's profile choice (the site's default when they
    have made none); for an address without an account, the language recorded when they wrote to us,
    else the language of the request they are writing in."""
    chosen = languages.supported(getattr(recipient, "language", "") or "") or languages.supported(language)
    if chosen:
        return chosen
    return languages.default() if recipient is not None else languages.active()


def in_language(recipient: Any = None, language: str | None = None) -> translation.override:
    """Render an email's subject and body inside this: `with emails.in_language(user): ...`."""
    return translation.override(language_of(recipient, language))
