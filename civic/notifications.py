"""Notifications: services create them where things happen; a background task emails them in batches.

notify() writes one row per recipient inside the caller's transaction (a dedupe key makes a
repeated event a no-op) and queues the email task after commit. The task claims a batch at a
time before sending, so a worker that restarts mid-batch never sends anyone the same email twice.
Every email carries a signed one-click unsubscribe link (RFC 8058) for its kind."""

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import QuerySet
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import brand, emails, languages, ratelimit
from .errors import CivicError
from .links import absolute
from .models import Frequency, Notification, NotificationKind, NotificationPreference, User
from .text import plain_text

logger = logging.getLogger(__name__)

# Replies and official responses answer the person: at once. Results and dates of what they
# chose to follow too. Marketing-like alerts (new consultations in a ward or on a topic) are off
# until the person opts in.
DEFAULTS: dict[str, str] = {
    NotificationKind.REPLY: Frequency.IMMEDIATELY,
    NotificationKind.OFFICIAL_RESPONSE: Frequency.IMMEDIATELY,
    NotificationKind.RESULTS: Frequency.IMMEDIATELY,
    NotificationKind.CONSULTATION_DATES: Frequency.IMMEDIATELY,
    NotificationKind.NEW_CONSULTATION: Frequency.NEVER,
    NotificationKind.REPORT_STATUS: Frequency.IMMEDIATELY,
}
EMAIL_FOR_FREQUENCY = {
    Frequency.IMMEDIATELY: Notification.Email.IMMEDIATELY,
    Frequency.DAILY: Notification.Email.DAILY,
    Frequency.WEEKLY: Notification.Email.WEEKLY,
    Frequency.NEVER: Notification.Email.NONE,
}
CHUNK = 500  # ids per query and rows per insert: under every database's parameter limit
BATCH = 100  # emails claimed and sent per round of the task
UNSUBSCRIBE_SALT = "civic.notifications.unsubscribe"

# A notification's words: fixed text, or a function called once per recipients' language inside
# translation.override(language), so each person reads it in their own language.
Text = str | Callable[[], str]


def preferences_for(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Each person's frequency for one kind (their choice, or the kind's default)."""
    ids = list(user_ids)
    chosen: dict[int, str] = {}
    for start in range(0, len(ids), CHUNK):
        rows = NotificationPreference.objects.filter(user_id__in=ids[start : start + CHUNK], kind=kind)
        chosen.update(rows.values_list("user_id", "frequency"))
    default = DEFAULTS[kind]
    return {pk: chosen.get(pk, default) for pk in ids}


def opted_in(kind: str) -> "QuerySet[NotificationPreference]":
    """People who chose to hear about a kind (for kinds that are off unless chosen), as a subquery."""
    return NotificationPreference.objects.filter(kind=kind).exclude(frequency=Frequency.NEVER)


def _reachable_accounts(ids: list[int]) -> dict[int, str]:
    """Active, unsuspended accounts among these ids (nobody else hears from us), each with the
    language they read Civic in."""
    now = timezone.now()
    found: dict[int, str] = {}
    for start in range(0, len(ids), CHUNK):
        rows = (
            User.objects.filter(pk__in=ids[start : start + CHUNK], is_active=True)
            .exclude(suspended_until__gt=now)
            .values_list("pk", "language")
        )
        found.update((pk, languages.supported(language) or languages.default()) for pk, language in rows)
    return found


def _words(title: Text, body: Text, url: Text, language: str) -> tuple[str, str, str]:
    """A notification's title (one line: it becomes the email's subject), body and link in one language."""
    with translation.override(language):
        title, body, url = (value() if callable(value) else value for value in (title, body, url))
    return " ".join(plain_text(title).split())[:200], plain_text(body), (url or "")[:500]


def notify(
    recipients: Iterable[int | User],
    kind: str,
    *,
    title: Text,
    dedupe_key: str,
    body: Text = "",
    url: Text = "",
    actor: User | int | None = None,
    email_skip: Iterable[int] = (),
) -> int:
    """Tell these people about one event; returns how many new notifications were created.

    Never the actor, inactive or suspended accounts, or people who turned this kind off. Rows are
    written in the caller's transaction; the email task is queued once it commits. `email_skip`
    names people who hear about this event by another email: they get the notification on their
    account page only. Functions given as title, body or url are called once per language among
    the recipients, so each person's notification (and email, and digest) is in their language."""
    if kind not in DEFAULTS:
        raise CivicError(f"Unknown kind of notification: {kind}", code="invalid")
    actor_id = actor.pk if isinstance(actor, User) else actor
    wanted = {r.pk if isinstance(r, User) else int(r) for r in recipients}
    if actor_id is not None:
        wanted.discard(actor_id)
    reachable = _reachable_accounts(sorted(wanted))
    frequencies = preferences_for(list(reachable), kind)
    skip = set(email_skip)
    now = timezone.now()
    told = [pk for pk, frequency in frequencies.items() if frequency != Frequency.NEVER]
    words = {language: _words(title, body, url, language) for language in {reachable[pk] for pk in told}}
    rows = [
        Notification(
            recipient_id=pk,
            kind=kind,
            title=words[reachable[pk]][0],
            body=words[reachable[pk]][1],
            url=words[reachable[pk]][2],
            dedupe_key=dedupe_key,
            email=Notification.Email.NONE if pk in skip else EMAIL_FOR_FREQUENCY[Frequency(frequencies[pk])],
            created_at=now,
        )
        for pk in told
    ]
    if not rows:
        return 0
    with transaction.atomic():
        before = Notification.objects.filter(dedupe_key=dedupe_key).count()
        # A retried caller (or task) meets the unique key and adds nothing.
        Notification.objects.bulk_create(rows, batch_size=CHUNK, ignore_conflicts=True)
        created = Notification.objects.filter(dedupe_key=dedupe_key).count() - before
        if any(row.email == Notification.Email.IMMEDIATELY for row in rows):
            transaction.on_commit(lambda: _enqueue(dedupe_key))
    return created


def _enqueue(dedupe_key: str) -> None:
    try:
        send_notification_emails.enqueue(dedupe_key)
    except Exception:  # noqa: BLE001 - a queue outage must not undo the write that caused the event
        logger.warning("notifications: could not queue emails for %s", dedupe_key, exc_info=True)


# Unsubscribing -------------------------------------------------------------------------------


def unsubscribe_token(user_id: int, *kinds: str) -> str:
    """A signed token naming one person and the kinds an email was about: it cannot be guessed or
    altered (a digest may cover several kinds)."""
    return signing.dumps({"u": user_id, "k": sorted(set(kinds))}, salt=UNSUBSCRIBE_SALT, compress=False)


def read_unsubscribe_token(token: str) -> tuple[User, list[str]] | None:
    """The person and kinds a token names, or None for a tampered or unknown one."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    kinds = data.get("k")
    if not isinstance(kinds, list) or not kinds or any(kind not in DEFAULTS for kind in kinds):
        return None
    user = User.objects.filter(pk=data["u"]).first()
    return (user, kinds) if user is not None else None


def unsubscribe_url(user_id: int, *kinds: str) -> str:
    return absolute(reverse("notifications_unsubscribe", args=[unsubscribe_token(user_id, *kinds)]))


def count_settings_change(user: User) -> None:
    """Changing what email one gets is a write: a script holding a link cannot flip it endlessly."""
    try:
        ratelimit.hit(ratelimit.NOTIFICATION_SETTINGS, str(user.pk))
    except ratelimit.RateLimited as exc:
        raise CivicError(str(exc), code="rate_limited") from exc


def unsubscribe(user: User, kinds: Iterable[str]) -> None:
    """Stop emails of these kinds (the one-click link): they stay on the account page."""
    count_settings_change(user)
    with transaction.atomic():
        for kind in kinds:
            set_preference(user, kind, Frequency.NEVER)


def set_preference(user: User, kind: str, frequency: str) -> NotificationPreference:
    """Record how this person wants one kind of notification (unsubscribing sets it to never)."""
    if kind not in DEFAULTS:
        raise CivicError(_("Choose a kind of notification from the list."), code="invalid", field="kind")
    if frequency not in Frequency.values:
        raise CivicError(_("Choose how often to be emailed."), code="invalid", field=kind)
    with transaction.atomic():
        preference, _created = NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"frequency": frequency}
        )
    return preference


def save_settings(user: User, *, auto_follow: bool, choices: Mapping[str, str]) -> None:
    """Save the account page's email form at once: every kind's choice, and whether commenting
    follows the page (on unless the person switches it off)."""
    count_settings_change(user)
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(auto_follow=auto_follow)
        for kind, frequency in choices.items():
            set_preference(user, kind, frequency)
    user.auto_follow = auto_follow


# Reading -------------------------------------------------------------------------------------


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user).unread().count()


def open_notification(user: User, notification_id: int) -> Notification | None:
    """The person's own notification, marked read now that they opened it (None if not theirs)."""
    notification = Notification.objects.filter(pk=notification_id, recipient=user).first()
    if notification is not None and notification.read_at is None:
        with transaction.atomic():
            notification.read_at = timezone.now()
            notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user: User) -> int:
    """Mark every unread notification read; counted as a settings change so it cannot be hammered."""
    count_settings_change(user)
    with transaction.atomic():
        return Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())


# Sending -------------------------------------------------------------------------------------


def _profile_link() -> str:
    return absolute(reverse("profile")) + "#notification-settings-heading"


def _email_for(notification: Notification, address: str) -> EmailMultiAlternatives:
    with emails.in_language(notification.recipient):  # the recipient's language, not the sender's
        return _email_in_language(notification, address)


def _email_in_language(notification: Notification, address: str) -> EmailMultiAlternatives:
    council = brand.for_default_site()
    unsubscribe = unsubscribe_url(notification.recipient_id, notification.kind)
    context: dict[str, Any] = {
        "notification": notification,
        "name": notification.recipient.public_name,
        "link": absolute(notification.url) if notification.url else "",
        "profile_link": _profile_link(),
        "unsubscribe_link": unsubscribe,
        "kind_label": NotificationKind(notification.kind).label,
        "site_name": council.site_name,
    }
    return emails.build(
        notification.title,
        render_to_string("civic/email/notification.txt", context),
        [address],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


class ClaimedElsewhere(Exception):
    """Another worker claimed some of these rows first (a database without SKIP LOCKED)."""


def _mark_claimed(ids: list[int], now: Any) -> None:
    """Mark rows as emailed, and only if nobody else did meanwhile: otherwise undo the whole claim."""
    claimed = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).update(emailed_at=now)
    if claimed != len(ids):
        raise ClaimedElsewhere


def _claim_batch(dedupe_key: str) -> tuple[bool, list[Notification]]:
    """Take the next batch to email and mark it sent before sending: a restart never repeats one."""
    with transaction.atomic():
        batch = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(dedupe_key=dedupe_key, email=Notification.Email.IMMEDIATELY, emailed_at__isnull=True)
            .select_related("recipient")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            return False, []
        ids = [n.recipient_id for n in batch]
        now = timezone.now()
        # Preferences and accounts as they are now: someone may have unsubscribed since.
        frequencies = preferences_for(ids, batch[0].kind)
        addresses = dict(
            EmailAddress.objects.filter(user_id__in=ids, primary=True, verified=True).values_list(
                "user_id", "email"
            )
        )
        sendable = [
            n
            for n in batch
            if frequencies[n.recipient_id] == Frequency.IMMEDIATELY
            and n.recipient_id in addresses
            and n.recipient.is_active
            and not n.recipient.is_suspended
        ]
        dropped = [n.pk for n in batch if n not in sendable]
        Notification.objects.filter(pk__in=dropped).update(email=Notification.Email.NONE)
        _mark_claimed([n.pk for n in sendable], now)
        for n in sendable:
            n._civic_address = addresses[n.recipient_id]  # type: ignore[attr-defined]
    return True, sendable


@task()
def send_notification_emails(dedupe_key: str) -> int:
    """Email one event's notifications to those who want them at once; returns how many were sent."""
    sent = 0
    while True:
        try:
            found, batch = _claim_batch(dedupe_key)
        except ClaimedElsewhere:
            continue
        if not found:
            return sent
        if not batch:
            continue
        connection = mailers.default
        with connection:
            for position, notification in enumerate(batch):
                try:
                    connection.send_messages([_email_for(notification, notification._civic_address)])  # type: ignore[attr-defined]
                except Exception:
                    # Give back what was not sent, so a retry sends those and only those.
                    unsent = [n.pk for n in batch[position:]]
                    Notification.objects.filter(pk__in=unsent).update(emailed_at=None)
                    raise
                sent += 1


# Digests -------------------------------------------------------------------------------------

DIGEST_EMAIL = {Frequency.DAILY: Notification.Email.DAILY, Frequency.WEEKLY: Notification.Email.WEEKLY}


def _current_choices(user_ids: list[int]) -> dict[tuple[int, str], str]:
    rows = NotificationPreference.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "kind", "frequency"
    )
    return {(user_id, kind): frequency for user_id, kind, frequency in rows}


def _claim_digest_batch(email: str, after: int) -> tuple[int | None, list[tuple[str, list[Notification]]]]:
    """The next people with notifications waiting for this digest, their rows marked sent first.

    Returns the last person looked at (None when nobody is left) and (address, rows) per person."""
    with transaction.atomic():
        user_ids = list(
            Notification.objects.filter(email=email, emailed_at__isnull=True, recipient_id__gt=after)
            .order_by("recipient_id")
            .values_list("recipient_id", flat=True)
            .distinct()[:BATCH]
        )
        if not user_ids:
            return None, []
        rows = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(email=email, emailed_at__isnull=True, recipient_id__in=user_ids)
            .select_related("recipient")
            .order_by("recipient_id", "kind", "created_at", "pk")
        )
        choices = _current_choices(user_ids)
        addresses = dict(
            EmailAddress.objects.filter(user_id__in=user_ids, primary=True, verified=True).values_list(
                "user_id", "email"
            )
        )
        groups: dict[int, list[Notification]] = {}
        dropped: list[int] = []
        for row in rows:
            person = row.recipient
            wanted = choices.get((person.pk, row.kind), DEFAULTS[row.kind]) != Frequency.NEVER
            if wanted and person.pk in addresses and person.is_active and not person.is_suspended:
                groups.setdefault(person.pk, []).append(row)
            else:
                dropped.append(row.pk)
        Notification.objects.filter(pk__in=dropped).update(email=Notification.Email.NONE)
        _mark_claimed([row.pk for group in groups.values() for row in group], timezone.now())
    return user_ids[-1], [(addresses[pk], group) for pk, group in groups.items()]


def _digest_for(frequency: str, address: str, rows: list[Notification]) -> EmailMultiAlternatives:
    with emails.in_language(rows[0].recipient):
        return _digest_in_language(frequency, address, rows)


def _digest_in_language(frequency: str, address: str, rows: list[Notification]) -> EmailMultiAlternatives:
    council = brand.for_default_site()
    person = rows[0].recipient
    kinds = sorted({row.kind for row in rows})
    unsubscribe = unsubscribe_url(person.pk, *kinds)
    sections = [(NotificationKind(kind).label, [row for row in rows if row.kind == kind]) for kind in kinds]
    context: dict[str, Any] = {
        "name": person.public_name,
        "period": _("Here is what happened today.")
        if frequency == Frequency.DAILY
        else _("Here is what happened this week."),
        "sections": [
            (label, [(row, absolute(row.url) if row.url else "") for row in group])
            for label, group in sections
        ],
        "profile_link": _profile_link(),
        "unsubscribe_link": unsubscribe,
        "site_name": council.site_name,
    }
    count = len(rows)
    if frequency == Frequency.DAILY:
        title = ngettext(
            "Your daily summary: %(count)s update", "Your daily summary: %(count)s updates", count
        ) % {"count": count}
    else:
        title = ngettext(
            "Your weekly summary: %(count)s update", "Your weekly summary: %(count)s updates", count
        ) % {"count": count}
    return emails.build(
        title,
        render_to_string("civic/email/digest.txt", context),
        [address],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task()
def send_digest(frequency: str) -> int:
    """One email per person gathering what waited for their daily or weekly summary, grouped by kind."""
    email = DIGEST_EMAIL[Frequency(frequency)]
    sent, after = 0, 0
    while True:
        try:
            last, batch = _claim_digest_batch(email, after)
        except ClaimedElsewhere:
            continue
        if last is None:
            return sent
        after = last
        connection = mailers.default
        with connection:
            for position, (address, rows) in enumerate(batch):
                try:
                    connection.send_messages([_digest_for(frequency, address, rows)])
                except Exception:
                    unsent = [row.pk for _address, group in batch[position:] for row in group]
                    Notification.objects.filter(pk__in=unsent).update(emailed_at=None)
                    raise
                sent += 1


def pending_email_keys(older_than_minutes: int = 10) -> list[str]:
    """Events whose immediate emails are still waiting (a task that failed or was never run)."""
    since = timezone.now() - timedelta(minutes=older_than_minutes)
    return list(
        Notification.objects.filter(
            email=Notification.Email.IMMEDIATELY, emailed_at__isnull=True, created_at__lt=since
        )
        .order_by()
        .values_list("dedupe_key", flat=True)
        .distinct()
    )


__all__ = [
    "DEFAULTS",
    "count_settings_change",
    "mark_all_read",
    "notify",
    "opted_in",
    "open_notification",
    "preferences_for",
    "pending_email_keys",
    "read_unsubscribe_token",
    "save_settings",
    "send_digest",
    "send_notification_emails",
    "set_preference",
    "unread_count",
    "unsubscribe",
    "unsubscribe_token",
    "unsubscribe_url",
]
