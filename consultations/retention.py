"""What consultations keep for a limited time, registered with the core's retention command."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from civic import retention

from . import live
from .models import Comment


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


def prune_live_events(now: datetime, dry_run: bool) -> int:
    """Stored live events past LIVE_EVENT_RETENTION_DAYS (the same prune as prune_live_events)."""
    with transaction.atomic():
        return live.prune(dry_run=dry_run, now=now)


def register_steps() -> None:
    retention.register(
        "assisted_details", clear_assisted_details, title="Names and postcodes of responses entered by staff"
    )
    retention.register("live_events", prune_live_events, title="Stored live events")
