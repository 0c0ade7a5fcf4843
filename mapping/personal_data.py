"""What issue reports hold about a person: 'download my data' and 'delete my account' (apps.py).

The export has their reports with photo addresses and public progress (never which officer
changed it or who follows them, only how many), and the reports they follow. Erasure keeps their
reports and photos (already stripped of camera and location details when uploaded), unlinked."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from civic.links import absolute
from civic.models import User
from civic.personal_data import Rows, register, register_eraser, register_rows, when
from search import indexing as search_indexing

from . import exports
from .models import IssueReport, StatusChange


def reports(user: User) -> list[dict]:
    """Reports they made; a photo's address only while the report is public (it is served then)."""
    rows = list(
        IssueReport.objects.filter(reporter=user)
        .select_related("category", "ward")
        .annotate(follower_count=Count("followers", distinct=True))
        .order_by("created_at", "id")
    )
    history: dict[int, list[dict]] = {report.pk: [] for report in rows}
    changes = StatusChange.objects.filter(report__in=rows).only(
        "report_id", "to_status", "note", "created_at"
    )
    for change in changes.order_by("created_at", "id"):
        history[change.report_id].append(
            {
                "status": change.get_to_status_display(),
                "note": change.note or None,
                "changed": when(change.created_at),
            }
        )
    return [
        {
            "id": report.pk,
            "title": report.title,
            "details": report.description,
            "category": report.category.name,
            "location": report.location_text or None,
            "latitude": report.latitude,
            "longitude": report.longitude,
            "ward": report.ward.name if report.ward else None,
            "status": report.get_status_display(),
            "hidden_by_an_officer": report.hidden_at is not None,
            "merged_into_report": report.duplicate_of_id,
            "contact_email": report.contact_email or None,
            "reported": when(report.created_at),
            "last_changed": when(report.updated_at),
            "followers": report.follower_count,
            "photo": (
                absolute(reverse("mapping:report_photo", args=[report.pk]))
                if report.photo and report.is_visible
                else (gettext("Kept, not shown while the report is not public") if report.photo else None)
            ),
            "address": absolute(report.get_absolute_url()) if report.is_visible else None,
            "progress": history[report.pk],
        }
        for report in rows
    ]


def _followed(report: IssueReport) -> dict:
    """A report they follow for updates; one no longer public is named by number only."""
    return {
        "id": report.pk,
        "title": report.title if report.is_visible else None,
        "status": report.get_status_display() if report.is_visible else gettext("No longer public"),
        "address": absolute(report.get_absolute_url()) if report.is_visible else None,
    }


followed_reports = Rows(
    lambda user: IssueReport.objects.filter(followers=user).order_by("created_at", "id"), _followed
)


REMOVED_TITLE = "Removed at the reporter's request"


def erase(user: User) -> None:
    """Reports stay on the map as "Former participant"'s (ERASURE_CONTRIBUTIONS "keep"), or are
    withdrawn ("remove"); either way the person stops following anything."""
    # Their reports, and those sent without an account from one of their addresses (never claimed).
    addresses = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)} - {""}
    sent_without_account = Q(pk__in=[])
    for address in addresses:
        sent_without_account |= Q(reporter__isnull=True, partner__isnull=True, contact_email__iexact=address)
    reports = list(IssueReport.objects.filter(Q(reporter=user) | sent_without_account))
    ids = [report.pk for report in reports]
    IssueReport.objects.filter(pk__in=ids).update(reporter=None, contact_email="", contact_name="")
    user.followed_reports.clear()
    if settings.ERASURE_CONTRIBUTIONS == "remove":
        _remove(ids, [str(report.photo.name) for report in reports if report.photo])
    search_indexing.schedule(*reports)


def _remove(ids: list[int], photos: list[str]) -> None:
    """The "remove" policy: the report leaves every public list (as an officer's hide does), its
    words and photo go; its place, category and status history stay, so the council's counts and
    work list still add up."""
    now = timezone.now()
    IssueReport.objects.filter(pk__in=ids).update(
        title=REMOVED_TITLE, description="", location_text="", photo="", hidden_at=Coalesce("hidden_at", now)
    )
    storage = IssueReport._meta.get_field("photo").storage

    def delete_photos() -> None:
        for name in photos:
            storage.delete(name)

    transaction.on_commit(delete_photos)
    transaction.on_commit(exports.forget_pins)


def register_collectors() -> None:
    register(
        "issue_reports",
        reports,
        title=gettext_lazy("Local issues you reported"),
        size=lambda user: IssueReport.objects.filter(reporter=user).count(),
    )
    register_rows("followed_reports", followed_reports, title=gettext_lazy("Local issues you follow"))
    register_eraser("mapping", erase)
