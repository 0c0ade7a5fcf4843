"""The one write path for issue reports: web forms, Open311, commands and tests call these."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic import clientip, geo, places, ratelimit
from civic.errors import CivicError
from civic.models import Organisation, User
from civic.permissions import may_take_part
from civic.text import plain_text
from civic.types import Account, signed_in
from search import indexing as search_indexing

from . import exports, notifications, permissions, photos
from .models import REPORTED_NOTE, IssueCategory, IssueReport, PartnerApiKey, Status, StatusChange
from .tasks import send_confirmation_email, send_status_emails

NEARBY_METRES = 150
Coordinate = str | float | None  # as typed in a form or sent over Open311: places.locate checks it
TITLE_MAX = 120
DESCRIPTION_MAX = 2000
NOTE_MAX = 2000
CONTACT_NAME_MAX = 100
CONFIRM_SALT = "mapping.confirm-report"


@dataclass(frozen=True)
class Contact:
    """Who sent a report without an account: name and email (never public) and the client address."""

    name: str
    email: str
    address: str


class ReportError(CivicError):
    """A report or an officer action was refused; the message is safe to show."""


TEXT_ERRORS = {  # field: (when empty, when too long)
    "title": (
        gettext_lazy("Enter a short title."),
        gettext_lazy("A short title must be %(max)s characters or fewer."),
    ),
    "description": (
        gettext_lazy("Enter a description."),
        gettext_lazy("A description must be %(max)s characters or fewer."),
    ),
    "name": (
        gettext_lazy("Enter your name."),
        gettext_lazy("Your name must be %(max)s characters or fewer."),
    ),
}


def _text(value: str, *, field: str, low: int, high: int) -> str:
    text = plain_text(value or "")
    empty, too_long = TEXT_ERRORS[field]
    if len(text) < low:
        raise ReportError(str(empty), code="empty", field=field)
    if len(text) > high:
        raise ReportError(str(too_long) % {"max": f"{high:,}"}, code="too_long", field=field)
    return text


def clean_location(latitude: Coordinate, longitude: Coordinate) -> places.Located:
    try:
        return places.locate(latitude, longitude)
    except places.LocationError as exc:
        raise ReportError(exc.message, code="bad_location", field=exc.field) from exc


def category_for(value: IssueCategory | str | None) -> IssueCategory:
    """An active category from an instance, slug or service code."""
    if isinstance(value, IssueCategory):
        category = value if value.active else None
    else:
        category = (
            IssueCategory.objects.filter(active=True, slug=str(value or "")).first()
            or IssueCategory.objects.filter(active=True, service_code=str(value or "")).first()
        )
    if category is None:
        raise ReportError(_("Choose a category from the list."), code="unknown_category", field="category")
    return category


def nearby_open(
    category: IssueCategory, latitude: float, longitude: float, metres: float = NEARBY_METRES, limit: int = 5
) -> list[IssueReport]:
    """Open reports of the same category close to a point, nearest first."""
    candidates = (
        IssueReport.objects.visible()
        .unresolved()
        .filter(category=category, duplicate_of__isnull=True)
        .near(latitude, longitude, metres)
        .select_related("category", "ward")[:50]
    )
    scored: list[IssueReport] = []
    for report in candidates:
        distance = geo.distance_m(latitude, longitude, report.latitude, report.longitude)
        if distance <= metres:
            report.distance_m = round(distance)
            scored.append(report)
    scored.sort(key=lambda r: r.distance_m)
    return scored[:limit]


def create_report(
    *,
    reporter: User | None,
    category: IssueCategory | str | None,
    title: str,
    description: str,
    latitude: Coordinate,
    longitude: Coordinate,
    location_text: str = "",
    photo: "File[bytes] | None" = None,
    source: str = IssueReport.Source.WEB,
    partner: PartnerApiKey | None = None,
    contact_email: str = "",
    contact: Contact | None = None,
) -> IssueReport:
    """Check everything first, then save the report, its first history row and its follower.

    With a contact and no reporter (reporting without an account) the report waits unpublished
    until its emailed link is confirmed (confirm_report)."""
    anonymous = contact is not None and reporter is None and partner is None
    contact_name = ""
    if anonymous:
        assert contact is not None
        contact_name, contact_email = _clean_contact(contact)
    elif partner is None:
        decision = permissions.can_report(reporter)
        if not decision:
            raise ReportError(decision.reason, code="forbidden")
    category = category_for(category)
    located = clean_location(latitude, longitude)
    title = _text(title, field="title", low=3, high=TITLE_MAX)
    description = _text(description, field="description", low=3, high=DESCRIPTION_MAX)
    location_text = plain_text(location_text or "")[:200]
    clean = None
    if photo:
        try:
            photos.check_upload(photo)  # size and header only, before the rate limit counts
        except photos.PhotoError as exc:
            raise ReportError(str(exc), code="bad_photo", field="photo") from exc
    limits: list[tuple[str, str, str | None]]
    if anonymous:
        assert contact is not None
        limits = [
            (
                "report-anon-address",
                clientip.limit_key(contact.address),
                settings.ANONYMOUS_REPORT_RATE_LIMIT,
            ),
            ("report-anon-email", contact_email.lower(), settings.ANONYMOUS_REPORT_RATE_LIMIT),
        ]
    elif reporter is not None:
        limits = [("report", f"user:{reporter.pk}", None)]
    elif partner is not None:
        limits = [("report", f"partner:{partner.pk}", None)]
    else:
        raise ReportError(_("Sign in to report a problem."), code="forbidden")
    try:  # before any pixel is decoded: a flood of photos costs one counter each
        for scope, key, rate in limits:
            ratelimit.hit(scope, key, rate)
    except ratelimit.RateLimited as exc:
        raise ReportError(str(exc), code="rate_limited") from exc
    if photo:
        try:
            clean = photos.clean_photo(photo)
        except photos.PhotoError as exc:
            raise ReportError(str(exc), code="bad_photo", field="photo") from exc
    with transaction.atomic():
        report = IssueReport(
            category=category,
            organisation_id=category.organisation_id,
            title=title,
            description=description,
            latitude=located.latitude,
            longitude=located.longitude,
            location_text=location_text,
            ward=located.ward,
            reporter=reporter,
            contact_email=contact_email,
            contact_name=contact_name,
            awaiting_confirmation=anonymous,
            source=source,
            partner=partner,
        )
        if clean is not None:
            report.photo.save(clean.name or "photo", clean, save=False)
        report.save()
        StatusChange.objects.create(report=report, to_status=Status.OPEN, note=REPORTED_NOTE)
        if reporter is not None and reporter.auto_follow:  # reporting follows unless switched off
            report.followers.add(reporter)
        if anonymous:
            report_id = report.pk
            transaction.on_commit(lambda: send_confirmation_email.enqueue(report_id))
        else:
            search_indexing.schedule(report)
            transaction.on_commit(exports.forget_pins)
    return report


def _clean_contact(contact: Contact) -> tuple[str, str]:
    name = _text(contact.name, field="name", low=1, high=CONTACT_NAME_MAX)
    email = plain_text(contact.email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    if not email or len(email) > 254:
        raise ReportError(
            _("Enter an email address in the correct format, like name@example.com."),
            code="invalid",
            field="email",
        )
    return name, email


def confirmation_token(report: IssueReport) -> str:
    """The signed value in a report's confirmation link (its age is checked when it comes back)."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(report.pk))


def report_for_token(token: str) -> IssueReport:
    """The unconfirmed report a link confirms; refuses a link that is forged, used or expired."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        report_id = int(signer.unsign(token))
    except (signing.BadSignature, ValueError):
        raise ReportError(_("This link is not a valid confirmation link."), code="invalid") from None
    report = IssueReport.objects.select_related("category", "organisation").filter(pk=report_id).first()
    if report is None:
        raise ReportError(_("This report no longer exists."), code="not_found")
    if not report.awaiting_confirmation:
        raise ReportError(_("This link has already been used: the report was confirmed."), code="used")
    try:
        signer.unsign(token, max_age=settings.REPORT_CONFIRMATION_HOURS * 3600)
    except signing.SignatureExpired:
        raise ReportError(
            _("This link has expired, so the report was not published."), code="expired"
        ) from None
    return report


def _publish(report: IssueReport) -> None:
    report.awaiting_confirmation = False
    report.updated_at = timezone.now()
    report.save(
        update_fields=["awaiting_confirmation", "updated_at", "reporter", "contact_name", "contact_email"]
    )
    search_indexing.schedule(report)
    transaction.on_commit(exports.forget_pins)


def confirm_report(*, token: str) -> IssueReport:
    """Publish a report sent without an account, once, from its emailed link before it expires."""
    with transaction.atomic():
        report = report_for_token(token)
        # Locked and checked again: two clicks at once publish it once.
        locked = IssueReport.objects.select_for_update().filter(pk=report.pk, awaiting_confirmation=True)
        if not locked.exists():
            raise ReportError(_("This link has already been used: the report was confirmed."), code="used")
        _publish(report)
    return report


def claim_on_email_verified(sender: object, user_id: int, email: str, **kwargs: object) -> None:
    """civic.signals.email_verified: the reports that address sent become the account's."""
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        claim_reports(user=user, email=email)


def claim_reports(*, user: User, email: str) -> int:
    """Reports sent without an account from an email address this account has now verified
    become its own; unconfirmed ones are published, as their link would have. Returns how many."""
    email = (email or "").strip()
    if not email:
        return 0
    publish = bool(may_take_part(user))
    with transaction.atomic():
        reports = list(
            IssueReport.objects.select_for_update().filter(
                reporter__isnull=True,
                partner__isnull=True,
                source=IssueReport.Source.WEB,
                contact_email__iexact=email,
            )
        )
        for report in reports:
            report.reporter = user
            report.contact_name = ""  # the account holds them now; erasure then removes them
            report.contact_email = ""
            if user.auto_follow:
                report.followers.add(user)
            if report.awaiting_confirmation and publish:
                _publish(report)
            else:
                report.save(update_fields=["reporter", "contact_name", "contact_email"])
                search_indexing.schedule(report)
    return len(reports)


def add_voice(*, user: Account, report: IssueReport) -> bool:
    """Follow an open report instead of duplicating it; returns True when newly added."""
    decision = permissions.can_add_voice(user, report)
    account = signed_in(user)
    if not decision or account is None:
        raise ReportError(decision.reason, code="forbidden")
    _count_follow(account)
    with transaction.atomic():
        if report.followers.filter(pk=account.pk).exists():
            return False
        report.followers.add(account)
        transaction.on_commit(exports.forget_pins)  # the report's page counts the people affected
    return True


def unfollow_report(*, user: Account, report: IssueReport) -> bool:
    """Stop following a report (its reporter too); returns False if not following."""
    decision = permissions.can_unfollow_report(user)
    account = signed_in(user)
    if not decision or account is None:
        raise ReportError(decision.reason, code="forbidden")
    _count_follow(account)
    with transaction.atomic():
        following = report.followers.filter(pk=account.pk).exists()
        report.followers.remove(account)
        transaction.on_commit(exports.forget_pins)  # the report's page counts the people affected
    return following


def _count_follow(account: User) -> None:
    """Following and unfollowing are writes: a script cannot flip them thousands of times."""
    try:
        ratelimit.hit(ratelimit.FOLLOW, str(account.pk))
    except ratelimit.RateLimited as exc:
        raise ReportError(str(exc), code="rate_limited") from exc


def _record(report: IssueReport, *, officer: Account, to_status: str, note: str) -> StatusChange:
    change = StatusChange.objects.create(
        report=report, from_status=report.status, to_status=to_status, note=note, officer=signed_in(officer)
    )
    report.status = to_status
    report.updated_at = timezone.now()
    report.save(update_fields=["status", "updated_at", "duplicate_of", "category", "organisation"])
    search_indexing.schedule(report)
    notifications.status_changed(change)  # followers with an account, as they chose
    if report.contact_email:  # a reporter without an account has no choices: one email each time
        transaction.on_commit(lambda: send_status_emails.enqueue(change.pk))
    transaction.on_commit(exports.forget_pins)
    return change


def change_status(*, officer: Account, report: IssueReport, status: str, note: str = "") -> StatusChange:
    """Move a report to a new status with a public note; followers get an email."""
    if not permissions.can_manage_report(officer, report):
        raise ReportError(
            _("Only officers of the responsible organisation can update this report."), code="forbidden"
        )
    if status not in Status.values or status == Status.DUPLICATE:
        raise ReportError(_("Choose a status from the list."), code="invalid_status", field="status")
    note = plain_text(note or "")
    if len(note) > NOTE_MAX:
        raise ReportError(
            _("The note must be %(max)s characters or fewer.") % {"max": f"{NOTE_MAX:,}"},
            code="too_long",
            field="note",
        )
    if status == report.status and not note:
        raise ReportError(
            _("The report already has that status. Add a note or choose another."), field="status"
        )
    with transaction.atomic():
        report = IssueReport.objects.select_for_update().get(pk=report.pk)
        if status != Status.DUPLICATE:
            report.duplicate_of = None
        return _record(report, officer=officer, to_status=status, note=note)


def merge_duplicate(
    *, officer: Account, report: IssueReport, into: IssueReport, note: str = ""
) -> StatusChange:
    """Mark a report as a duplicate of another and move its followers across."""
    note = plain_text(note or "") or _("This is the same problem as report #%(number)s.") % {
        "number": into.pk
    }
    with transaction.atomic():
        locked = IssueReport.objects.select_for_update().in_bulk([report.pk, into.pk])
        report, into = locked[report.pk], locked.get(into.pk, into)  # decide on the rows as they are now
        decision = permissions.can_merge(officer, report, into)
        if not decision:
            theirs = permissions.can_manage_report(officer, report) and permissions.can_manage_report(
                officer, into
            )
            raise ReportError(decision.reason, code="invalid" if theirs else "forbidden")
        followers = list(report.followers.values_list("pk", flat=True))
        if report.reporter_id:
            followers.append(report.reporter_id)
        into.followers.add(*followers)
        report.duplicate_of = into
        return _record(report, officer=officer, to_status=Status.DUPLICATE, note=note[:NOTE_MAX])


def set_hidden(*, officer: Account, report: IssueReport, hidden: bool) -> IssueReport:
    """Hide a report (abuse, personal details) from every public list, map, feed and export, or show
    it again. Followers get no email: nothing about the problem changed."""
    if not permissions.can_manage_report(officer, report):
        raise ReportError(
            _("Only officers of the responsible organisation can hide this report."), code="forbidden"
        )
    with transaction.atomic():
        report = IssueReport.objects.select_for_update().get(pk=report.pk)
        if (report.hidden_at is not None) == hidden:
            return report
        report.hidden_at = timezone.now() if hidden else None
        report.save(update_fields=["hidden_at"])
        search_indexing.schedule(report)  # hidden: its text leaves the index
        transaction.on_commit(exports.forget_pins)
    return report


def reassign(
    *,
    officer: Account,
    report: IssueReport,
    category: IssueCategory | None = None,
    organisation: Organisation | None = None,
    note: str = "",
) -> StatusChange:
    """Give a report another category or responsible organisation, with a public note."""
    if not permissions.can_manage_report(officer, report):
        raise ReportError(
            _("Only officers of the responsible organisation can reassign this report."), code="forbidden"
        )
    if category is None and organisation is None:
        raise ReportError(_("Choose a new category or organisation."), field="category")
    with transaction.atomic():
        report = IssueReport.objects.select_for_update().get(pk=report.pk)
        changes = []
        if category is not None and category.pk != report.category_id:
            report.category = category_for(category)
            report.organisation_id = category.organisation_id
            changes.append(_("category %(name)s") % {"name": category.name})
        if organisation is not None and organisation.pk != report.organisation_id:
            report.organisation = organisation
            changes.append(_("passed to %(name)s") % {"name": organisation.name})
        if not changes:
            raise ReportError(_("The report already has that category and organisation."), field="category")
        text = plain_text(note or "") or _("Reassigned: %(changes)s.") % {"changes": ", ".join(changes)}
        return _record(report, officer=officer, to_status=report.status, note=text[:NOTE_MAX])


def issue_partner_key(*, organisation: Organisation, name: str) -> tuple[PartnerApiKey, str]:
    """A new Open311 api_key for a partner: only its hash is stored, so the raw value is shown once."""
    raw = secrets.token_urlsafe(32)
    key = PartnerApiKey.objects.create(organisation=organisation, name=name, key_hash=PartnerApiKey.hash(raw))
    return key, raw
