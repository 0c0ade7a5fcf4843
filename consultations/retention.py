"""What consultations keep for a limited time, registered with the core's retention command."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from civic import retention

from . import live
from .models import Comment, ConsultationPage, SurveyPage, SurveyResponse


def assisted_details_due(now: datetime):
    """Responses typed in by officers whose consultation closed ASSISTED_DETAILS_RETENTION_DAYS
    ago and that still hold the respondent's name or postcode."""
    cutoff = now - timedelta(days=settings.ASSISTED_DETAILS_RETENTION_DAYS)
    return Comment.objects.filter(consultation__closes_at__lt=cutoff).exclude(
        Q(respondent_name="") & Q(respondent_postcode="")
    )


def clear_assisted_details(now: datetime, dry_run: bool) -> int:
    """Blank the names and postcodes (the response, its channel and consent stay counted)."""
    due = assisted_details_due(now)
    if dry_run:
        return due.count()
    with transaction.atomic():
        return due.update(respondent_name="", respondent_postcode="")


def clear_assisted_survey_details(now: datetime, dry_run: bool) -> int:
    """The same for survey answers typed in by officers (the answers and channel stay counted)."""
    cutoff = now - timedelta(days=settings.ASSISTED_DETAILS_RETENTION_DAYS)
    due = SurveyResponse.objects.exclude(Q(respondent_name="") & Q(respondent_postcode=""))
    closed = set(ConsultationPage.objects.filter(closes_at__lt=cutoff).values_list("path", flat=True))
    surveys = SurveyPage.objects.filter(pk__in=due.values("survey_id")).values_list("pk", "path")
    # A survey is a child of its consultation: its parent's tree path is its own, one level shorter.
    due = due.filter(survey_id__in=[pk for pk, path in surveys if path[: -Page.steplen] in closed])
    if dry_run:
        return due.count()
    with transaction.atomic():
        return due.update(respondent_name="", respondent_postcode="")


def clear_unconfirmed_survey_emails(now: datetime, dry_run: bool) -> int:
    """Email addresses survey answers without an account were sent to, once their link has expired
    unused: never confirmed, so never needed again (sending the answers again asks afresh)."""
    cutoff = now - timedelta(hours=settings.SURVEY_CONFIRMATION_HOURS)
    due = SurveyResponse.objects.filter(awaiting_confirmation=True, updated_at__lt=cutoff).exclude(
        contact_email=""
    )
    if dry_run:
        return due.count()
    with transaction.atomic():
        return due.update(contact_email="")


def prune_live_events(now: datetime, dry_run: bool) -> int:
    """Stored live events past LIVE_EVENT_RETENTION_DAYS (the same prune as prune_live_events)."""
    with transaction.atomic():
        return live.prune(dry_run=dry_run, now=now)


def register_steps() -> None:
    retention.register(
        "assisted_details", clear_assisted_details, title="Names and postcodes of responses entered by staff"
    )
    retention.register(
        "assisted_survey_details",
        clear_assisted_survey_details,
        title="Names and postcodes of survey responses entered by staff",
    )
    retention.register(
        "unconfirmed_survey_emails",
        clear_unconfirmed_survey_emails,
        title="Email addresses of survey answers never confirmed",
    )
    retention.register("live_events", prune_live_events, title="Stored live events")
