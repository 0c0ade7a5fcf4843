"""A person's data across Civic: 'download my data' (collectors) and 'delete my account' (erasers).

The core knows accounts, profiles and equality details; each feature registers a collector for
what it keeps (comments, votes, reports...) and an eraser that unlinks it, from its
AppConfig.ready(), so the core imports none. A collector returns JSON-ready data about that person
only: never another person's name, email, words or identity (not who replied to them, flagged
them or moderated them). An eraser runs inside civic.services.erase_account's transaction, before
the account row is deleted, and schedules its own reindexing and cache work after commit."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop, ngettext

from civic.types import Label

from . import ratelimit
from .errors import CivicError
from .models import Notification, NotificationKind, ParticipantProfile, User
from .notifications import preferences_for
from .roles import account_role_names

type Data = dict[str, Any] | list[Any] | None
Collector = Callable[[User], Data]
Sizer = Callable[[User], int]  # how many items a section will hold, counted cheaply
Eraser = Callable[[User], None]

FORMAT = "civic-personal-data"
VERSION = 1
RATE_SCOPE = "personal-data-export"


@dataclass(frozen=True)
class Section:
    name: str  # the key in the JSON export
    title: Label  # the heading in the readable export (in the reader's language)
    collector: Collector
    size: Sizer | None = None


_sections: dict[str, Section] = {}
_erasers: dict[str, Eraser] = {}


def register(name: str, collector: Collector, *, title: Label, size: Sizer | None = None) -> None:
    """Add a kind of personal data to every export (once per name, however often ready() runs).

    `size` counts the section's items (rows) cheaply, for sections that can grow long: the total
    decides whether the export is built at once or in the background (civic.data_exports)."""
    _sections[name] = Section(name=name, title=title, collector=collector, size=size)


@dataclass(frozen=True)
class Rows:
    """A section with one entry per row of the person's query: a collector whose size is that
    query counted, so the two can never disagree about what the section holds."""

    query: Callable[[User], QuerySet[Any]]
    entry: Callable[[Any], dict[str, Any]]

    def __call__(self, user: User) -> list[dict[str, Any]]:
        return [self.entry(row) for row in self.query(user)]

    def size(self, user: User) -> int:
        return self.query(user).count()


def register_rows(name: str, rows: Rows, *, title: Label) -> None:
    """Register a section built from the person's rows (see Rows), with its size."""
    register(name, rows, title=title, size=rows.size)


def sections() -> list[Section]:
    return list(_sections.values())


def register_eraser(name: str, eraser: Eraser) -> None:
    """Add a feature's part of erasing an account (once per name, however often ready() runs)."""
    _erasers[name] = eraser


def erasers() -> list[Eraser]:
    return list(_erasers.values())


def when(value: datetime | date | None) -> str | None:
    """Dates and times as ISO 8601 (in UTC for times), the one form every export uses."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()


def account(user: User) -> Data:
    """The account itself: sign-in details (never the password or authenticator secrets) and roles."""
    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    authenticators = Authenticator.objects.filter(user=user).order_by("created_at")
    return {
        "display_name": user.display_name,
        "public_name": user.public_name,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email_addresses": [
            {"email": email.email, "primary": email.primary, "confirmed": email.verified} for email in emails
        ],
        "joined": when(user.date_joined),
        "last_signed_in": when(user.last_login),
        "active": user.is_active,
        "roles": sorted(account_role_names(user)) or ["Residents"],
        "administrator": user.is_superuser,
        "organisation": user.organisation.name if user.organisation_id and user.organisation else None,
        "suspended_until": when(user.suspended_until),
        "suspension_reason": user.suspension_reason or None,
        "commenting_follows_the_page": user.auto_follow,
        "two_factor_methods": [
            {"type": item.get_type_display(), "added": when(item.created_at)} for item in authenticators
        ],
    }


def about_you(user: User) -> Data:
    """Equality details shared with consent (none are kept without it)."""
    profile = ParticipantProfile.objects.filter(user=user).select_related("ward").first()
    if profile is None or not profile.has_consented:
        return {"shared": False}
    return {
        "shared": True,
        "consented": when(profile.consented_at),
        "age_band": profile.get_age_band_display() or None,
        "ward": profile.ward.name if profile.ward else None,
        "disability": profile.get_disability_display() or None,
        "ethnic_group": profile.get_ethnicity_display() or None,
        "updated": when(profile.updated_at),
    }


def notifications(user: User) -> Data:
    """What we told the person and how they chose to be emailed (the notifications carry no one
    else's words or name)."""
    rows = Notification.objects.filter(recipient=user).order_by("created_at", "pk")
    return {
        "email_choices": {
            str(kind.label): preferences_for([user.pk], kind.value)[user.pk] for kind in NotificationKind
        },
        "notifications": [
            {
                "title": row.title,
                "text": row.body or None,
                "address": row.url or None,
                "created": when(row.created_at),
                "read": when(row.read_at),
                "emailed": when(row.emailed_at),
            }
            for row in rows.iterator(chunk_size=500)
        ],
    }


def notification_count(user: User) -> int:
    return Notification.objects.filter(recipient=user).count()


def register_core() -> None:
    """The core's own sections, first in every export (CivicConfig.ready runs before the features')."""
    register("account", account, title=gettext_lazy("Your account"))
    register("about_you", about_you, title=gettext_lazy("About you (equality details)"))
    register(
        "notifications",
        notifications,
        title=gettext_lazy("Notifications and email choices"),
        size=notification_count,
    )


def size(user: User) -> int:
    """How many items the person's export holds, counted without building it (one count a section)."""
    return sum(section.size(user) for section in sections() if section.size is not None)


def collect(user: User) -> dict[str, Any]:
    """The whole export: the core's sections, then every feature's, in the order they registered."""
    export: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "site": settings.WAGTAIL_SITE_NAME,
        "site_address": settings.WAGTAILADMIN_BASE_URL,
        "generated": when(timezone.now()),
    }
    for section in sections():
        data = section.collector(user)
        if data is not None:
            export[section.name] = data
    return export


def count_request(user: User) -> None:
    """Count one export request against the person's limit, whichever way it is then built (the
    limiter counts in process memory when the shared cache is down: it never lets requests through)."""
    try:
        ratelimit.hit(RATE_SCOPE, str(user.pk), settings.DATA_EXPORT_RATE_LIMIT)
    except ratelimit.RateLimited as exc:
        minutes = max(1, round(exc.retry_after / 60))
        raise CivicError(
            ngettext(
                "You have asked for your data several times recently. Try again in %(count)s minute.",
                "You have asked for your data several times recently. Try again in %(count)s minutes.",
                minutes,
            )
            % {"count": minutes},
            code="rate_limited",
        ) from exc


def request_export(user: User) -> dict[str, Any]:
    """Count one export against the person's limit (a heavy read), then build it."""
    count_request(user)
    return collect(user)


# The readable export: the same data as nested headings, tables and lists.


# The readable export's headings for the core's keys, for the translation catalogue (label() looks them up).
LABELS = (
    gettext_noop("Display name"), gettext_noop("Public name"), gettext_noop("Username"),
    gettext_noop("First name"), gettext_noop("Last name"), gettext_noop("Email addresses"),
    gettext_noop("Email"), gettext_noop("Primary"), gettext_noop("Confirmed"), gettext_noop("Joined"),
    gettext_noop("Last signed in"), gettext_noop("Active"), gettext_noop("Roles"),
    gettext_noop("Administrator"), gettext_noop("Organisation"), gettext_noop("Suspended until"),
    gettext_noop("Suspension reason"), gettext_noop("Commenting follows the page"),
    gettext_noop("Two factor methods"), gettext_noop("Type"), gettext_noop("Added"), gettext_noop("Shared"),
    gettext_noop("Consented"), gettext_noop("Age band"), gettext_noop("Ward"), gettext_noop("Disability"),
    gettext_noop("Ethnic group"), gettext_noop("Updated"), gettext_noop("Email choices"),
    gettext_noop("Notifications"), gettext_noop("Title"), gettext_noop("Text"), gettext_noop("Address"),
    gettext_noop("Created"), gettext_noop("Read"), gettext_noop("Emailed"),
)  # fmt: skip


def label(key: str) -> str:
    """'last_signed_in' -> 'Last signed in'."""
    text = key.replace("_", " ").strip()
    return gettext(text[:1].upper() + text[1:])  # the core's labels are in LABELS; others stay as they are


def _text(value: Any) -> str:
    if value is None:
        return gettext("None")
    if value is True:
        return gettext("Yes")
    if value is False:
        return gettext("No")
    return str(value)


def readable(value: Any) -> dict[str, Any]:
    """A node the HTML template draws: fields (dict), table (list of dicts), list, or text."""
    if isinstance(value, dict):
        return {"kind": "fields", "items": [(label(str(k)), readable(v)) for k, v in value.items()]}
    if isinstance(value, list):
        if not value:
            return {"kind": "text", "value": gettext("None")}
        if all(isinstance(item, dict) for item in value):
            columns: list[str] = []
            for item in value:
                columns += [str(key) for key in item if str(key) not in columns]
            return {
                "kind": "table",
                "columns": [label(column) for column in columns],
                "rows": [[readable(item.get(column)) for column in columns] for item in value],
            }
        return {"kind": "list", "items": [readable(item) for item in value]}
    return {"kind": "text", "value": _text(value)}


def readable_sections(export: dict[str, Any]) -> list[tuple[Label, dict[str, Any]]]:
    """The export's sections with their headings, in order, for the readable page."""
    return [
        (section.title, readable(export[section.name])) for section in sections() if section.name in export
    ]
