"""Consultations' retention steps: assisted-digital names and postcodes, and stored live events."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from consultations import live
from consultations.models import Comment, LiveEvent
from tests.consultations.factories import CommentFactory, make_consultation


def assisted(consultation, **fields) -> Comment:
    defaults = {
        "channel": "paper",
        "author": None,
        "respondent_name": "Mrs Paper",
        "respondent_postcode": "NB1 2AA",
        "consent_recorded": True,
    }
    return CommentFactory(consultation=consultation, **{**defaults, **fields})


def run(*args: str) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_names_and_postcodes_go_once_the_consultation_closed_the_period_ago(index, organisation, settings):
    settings.ASSISTED_DETAILS_RETENTION_DAYS = 90
    now = timezone.now()
    long_closed = make_consultation(
        index,
        "closed",
        lead_organisation=organisation,
        opens_at=now - timedelta(days=200),
        closes_at=now - timedelta(days=91),
    )
    just_closed = make_consultation(
        index,
        "closed",
        lead_organisation=organisation,
        opens_at=now - timedelta(days=200),
        closes_at=now - timedelta(days=89),
    )
    still_open = make_consultation(index, "open", lead_organisation=organisation)
    due = assisted(long_closed, body="Please keep the library open.")
    postcode_only = assisted(long_closed, respondent_name="")
    kept = [assisted(just_closed), assisted(still_open)]

    assert "Names and postcodes of responses entered by staff: 2 due" in run("--dry-run")
    assert Comment.objects.filter(respondent_name="Mrs Paper").count() == 3  # dry run changed nothing

    assert "Names and postcodes of responses entered by staff: 2 removed" in run()
    due.refresh_from_db()
    postcode_only.refresh_from_db()
    assert (due.respondent_name, due.respondent_postcode) == ("", "")
    assert postcode_only.respondent_postcode == ""
    assert due.body == "Please keep the library open." and due.channel == "paper" and due.consent_recorded
    for comment in kept:
        comment.refresh_from_db()
        assert (comment.respondent_name, comment.respondent_postcode) == ("Mrs Paper", "NB1 2AA")


def test_old_live_events_go_through_the_same_prune_keeping_the_newest(consultation, settings):
    settings.LIVE_EVENT_RETENTION_DAYS = 7
    for _ in range(4):
        live.record(consultation.pk, live.COMMENT_POSTED)
    LiveEvent.objects.filter(seq__lte=2).update(created_at=timezone.now() - timedelta(days=8))
    LiveEvent.objects.filter(seq=4).update(created_at=timezone.now() - timedelta(days=30))

    assert "Stored live events: 2 due" in run("--dry-run")
    assert LiveEvent.objects.count() == 4
    assert "Stored live events: 2 removed" in run()
    assert sorted(LiveEvent.objects.values_list("seq", flat=True)) == [3, 4]  # recent and newest stay
