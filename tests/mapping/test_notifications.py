"""Status changes on reports reach the people who follow them, as they chose, and no one else."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from civic import notifications
from civic.models import Frequency, Notification, NotificationKind, NotificationPreference
from mapping import services
from tests.civic.factories import UserFactory
from tests.mapping.factories import ReportFactory

KIND = NotificationKind.REPORT_STATUS


def recipients() -> list[int]:
    return sorted(Notification.objects.filter(kind=KIND).values_list("recipient_id", flat=True))


@pytest.fixture
def report(council, potholes):
    report = ReportFactory(category=potholes)
    report.followers.add(report.reporter)
    return report


def change(officer, report, status="in_progress", note="Crew booked."):
    return services.change_status(officer=officer, report=report, status=status, note=note)


def test_followers_hear_of_a_status_change_with_the_note_not_the_report_words(report, report_officer):
    follower = UserFactory()
    report.followers.add(follower)
    change(report_officer, report)
    assert recipients() == sorted([report.reporter.pk, follower.pk])
    notification = Notification.objects.filter(recipient=follower).get()
    assert notification.title == f"Report #{report.pk} is now in progress"
    assert "Crew booked." in notification.body and "Pothole" in notification.body
    assert report.title not in notification.title + notification.body  # the link shows it, while visible
    assert notification.url == f"/reports/{report.pk}/"


def test_the_officer_who_acts_the_opted_out_and_the_suspended_hear_nothing(report, report_officer):
    opted_out, suspended, inactive, fan = UserFactory.create_batch(4)
    suspended.suspended_until = timezone.now() + timedelta(days=3)
    suspended.save(update_fields=["suspended_until"])
    inactive.is_active = False
    inactive.save(update_fields=["is_active"])
    NotificationPreference.objects.create(user=opted_out, kind=KIND, frequency=Frequency.NEVER)
    report.followers.add(report_officer, opted_out, suspended, inactive, fan)
    change(report_officer, report)
    assert recipients() == sorted([report.reporter.pk, fan.pk])


def test_someone_who_does_not_follow_hears_nothing(council, potholes, report_officer):
    report = ReportFactory(category=potholes)  # its reporter stopped following it
    report.followers.add(UserFactory())
    change(report_officer, report)
    assert report.reporter.pk not in recipients() and len(recipients()) == 1


def test_a_hidden_report_tells_nobody(report, report_officer):
    services.set_hidden(officer=report_officer, report=report, hidden=True)
    change(report_officer, report)
    assert recipients() == []


def test_a_note_without_a_new_status_is_an_update(report, report_officer, vehicles):
    services.reassign(officer=report_officer, report=report, category=vehicles)
    notification = Notification.objects.get(recipient=report.reporter)
    assert notification.title == f"Report #{report.pk}: an update from the council"


def test_each_change_is_told_once_with_an_unsubscribe_link(
    report, report_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        made = change(report_officer, report)
    assert [m.to for m in mail.outbox] == [[report.reporter.email]]
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    from mapping import notifications as report_notifications

    assert report_notifications.status_changed(made) == 0  # the same change again: nothing new
    assert Notification.objects.count() == 1


def test_a_digest_choice_holds_the_email_for_the_summary(
    report, report_officer, django_capture_on_commit_callbacks
):
    notifications.set_preference(report.reporter, KIND, Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        change(report_officer, report)
    assert mail.outbox == []
    assert Notification.objects.get().email == Notification.Email.WEEKLY


def test_a_reporter_without_an_account_still_gets_one_email(council, potholes, report_officer,
                                                             django_capture_on_commit_callbacks):  # fmt: skip
    report = ReportFactory(
        category=potholes, reporter=None, contact_email="pat@example.org", contact_name="Pat"
    )
    with django_capture_on_commit_callbacks(execute=True):
        change(report_officer, report)
    assert [m.to for m in mail.outbox] == [["pat@example.org"]]
    assert mail.outbox[0].body.startswith("Hello Pat,") and "Crew booked." in mail.outbox[0].body
    assert recipients() == []


def test_each_follower_hears_in_their_own_language_whoever_acts(report, report_officer):
    from django.utils import translation

    gwen, alice = UserFactory(language="cy"), UserFactory(language="en-gb")
    report.followers.add(gwen, alice)
    with translation.override("cy"):  # the officer works in Welsh
        change(report_officer, report)
    english = Notification.objects.get(recipient=alice)
    assert english.title == f"Report #{report.pk} is now in progress"
    assert english.url == f"/reports/{report.pk}/"
    welsh = Notification.objects.get(recipient=gwen)
    assert welsh.title != english.title and f"#{report.pk}" in welsh.title
    assert "Statws:" in welsh.body and "Crew booked." in welsh.body
    assert welsh.url == f"/cy/reports/{report.pk}/"
