"""What issue reports hold about a person: 'download my data' and 'delete my account' (apps.py).

The export has their reports with photo addresses and public progress (never which officer
changed it or who follows them, only how many), and the reports they follow. Erasure keeps their
reports and photos (already stripped of camera and location details when uploaded), unlinked."""

from django.db.models import Count
from django.urls import reverse

from civic.links import absolute
from civic.models import User
from civic.personal_data import register, register_eraser, when
from search import indexing as search_indexing

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
                else ("Kept, not shown while the report is not public" if report.photo else None)
            ),
            "address": absolute(report.get_absolute_url()) if report.is_visible else None,
            "progress": history[report.pk],
        }
        for report in rows
    ]


def followed_reports(user: User) -> list[dict]:
    """Reports they follow for updates; a report no longer public is named by number only."""
    rows = IssueReport.objects.filter(followers=user).order_by("created_at", "id")
    return [
        {
            "id": report.pk,
            "title": report.title if report.is_visible else None,
            "status": report.get_status_display() if report.is_visible else "No longer public",
            "address": absolute(report.get_absolute_url()) if report.is_visible else None,
        }
        for report in rows
    ]


def erase(user: User) -> None:
    """Reports stay on the map as "Former participant"'s; the person stops following anything."""
    reports = list(IssueReport.objects.filter(reporter=user))
    IssueReport.objects.filter(pk__in=[report.pk for report in reports]).update(
        reporter=None, contact_email="", contact_name=""
    )
    user.followed_reports.clear()
    search_indexing.schedule(*reports)


def register_collectors() -> None:
    register(
        "issue_reports",
        reports,
        title="Local issues you reported",
        size=lambda user: IssueReport.objects.filter(reporter=user).count(),
    )
    register(
        "followed_reports",
        followed_reports,
        title="Local issues you follow",
        size=lambda user: IssueReport.objects.filter(followers=user).count(),
    )
    register_eraser("mapping", erase)
