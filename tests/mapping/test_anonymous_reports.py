"""Reporting without an account: a name and an email address, a signed single-use link that
publishes the report before it expires, nothing public until then, and claiming by an account."""

import re
import time
from unittest import mock

import pytest
from django.core import mail

from civic.models import User
from mapping import services
from mapping.models import IssueReport
from mapping.search import IssueReportDocument
from tests.civic.factories import UserFactory
from tests.mapping.factories import ReportFactory
from tests.support.auth import sign_in

NAME = "Priya Quietname"
EMAIL = "priya.private@example.org"
DETAILS = {
    "latitude": "52.905",
    "longitude": "-1.545",
    "place": "High Street",
    "category": "potholes",
    "title": "Deep pothole by the bakery",
    "description": "Outside number 12.",
}
PASSWORD = "a-long-unusual-passphrase-2026"


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def link_path(message) -> str:
    url = re.search(r"https?://\S+/reports/confirm/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def send_without_account(client, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/reports/new/confirm/", {**DETAILS, "name": NAME, "email": EMAIL, **extra})


def anonymous(potholes, email=EMAIL, address="192.0.2.1", **kwargs):
    return services.create_report(
        reporter=None,
        category=potholes,
        title="Broken kerb",
        description="By the bus stop.",
        latitude=52.905,
        longitude=-1.545,
        contact=services.Contact(name=NAME, email=email, address=address),
        **kwargs,
    )


def test_confirmation_step_asks_for_name_and_email_without_an_account(client, council, potholes):
    html = client.post("/reports/new/details/", DETAILS).content.decode()
    assert 'name="name"' in html and 'name="email"' in html
    assert "never on the report" in html


def test_signed_in_resident_is_not_asked_for_name_and_email(client, council, potholes, reporter):
    sign_in(client, reporter)
    html = client.post("/reports/new/details/", DETAILS).content.decode()
    assert 'name="email"' not in html and "Check your report" in html


def test_missing_name_and_bad_email_save_nothing_and_are_summarised(client, council, potholes):
    response = client.post("/reports/new/confirm/", {**DETAILS, "name": "", "email": "not-an-email"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter your name." in html and "Enter an email address in the correct format" in html
    assert 'href="#id_name"' in html  # the error summary links to the field
    assert not IssueReport.objects.exists() and not mail.outbox


def test_report_waits_unpublished_until_the_emailed_link_is_confirmed(
    client, council, potholes, django_capture_on_commit_callbacks
):
    sent = send_without_account(client, django_capture_on_commit_callbacks)
    assert sent.status_code == 302 and sent["Location"] == "/reports/new/check-email/"
    assert "Check your email" in client.get(sent["Location"]).content.decode()
    report = IssueReport.objects.get()
    assert report.awaiting_confirmation and report.reporter is None
    assert (report.contact_name, report.contact_email) == (NAME, EMAIL)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [EMAIL]
    path = link_path(mail.outbox[0])
    assert client.get(f"/reports/{report.pk}/").status_code == 404

    page = client.get(path)  # a mail scanner opening the link publishes nothing
    assert page.status_code == 200 and "Publish my report" in page.content.decode()
    assert IssueReport.objects.get().awaiting_confirmation

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(path)
    assert confirmed.status_code == 302 and confirmed["Location"] == f"/reports/{report.pk}/"
    report.refresh_from_db()
    assert not report.awaiting_confirmation and report.is_visible
    detail = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Deep pothole by the bakery" in detail
    assert NAME not in detail and EMAIL not in detail  # never shown publicly
    pins = client.get("/reports/pins.geojson").json()
    assert [f["properties"]["id"] for f in pins["features"]] == [report.pk]


def test_a_used_link_gives_a_clear_page_and_publishes_nothing_twice(
    client, council, potholes, django_capture_on_commit_callbacks
):
    send_without_account(client, django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])
    assert client.post(path).status_code == 302
    for again in (client.get(path), client.post(path)):
        assert again.status_code == 410
        assert "This link has already been used" in again.content.decode()
    assert IssueReport.objects.get().history.count() == 1


def test_an_expired_link_gives_a_clear_page_and_the_report_stays_unpublished(
    client, council, potholes, settings, db
):
    settings.REPORT_CONFIRMATION_HOURS = 72
    report = anonymous(potholes)
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 73 * 3600):
        token = services.confirmation_token(report)
    for response in (client.get(f"/reports/confirm/{token}/"), client.post(f"/reports/confirm/{token}/")):
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
    report.refresh_from_db()
    assert report.awaiting_confirmation
    fresh = services.confirmation_token(report)  # within the window the same report confirms
    assert client.post(f"/reports/confirm/{fresh}/").status_code == 302


def test_a_forged_or_mangled_link_is_refused(client, council, potholes):
    report = anonymous(potholes)
    token = services.confirmation_token(report)
    for bad in (f"{token}x", f"{report.pk}:forged:signature", "not-a-token"):
        response = client.post(f"/reports/confirm/{bad}/")
        assert response.status_code == 404 and "This link does not work" in response.content.decode()
    report.refresh_from_db()
    assert report.awaiting_confirmation


def test_unconfirmed_report_is_absent_from_every_public_path(client, council, potholes, report_officer):
    report = anonymous(potholes)
    ReportFactory(category=potholes, title="A public one")
    assert not IssueReport.objects.visible().filter(pk=report.pk).exists()
    assert not report.is_visible
    assert "Broken kerb" not in client.get("/reports/").content.decode()
    assert "Broken kerb" not in client.get("/reports/list/").content.decode()
    assert "Broken kerb" not in client.get("/reports/pins.geojson").content.decode()
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    assert client.get(f"/reports/{report.pk}/photo").status_code == 404
    assert "Broken kerb" not in client.get("/open311/v2/requests.json").content.decode()
    assert client.get(f"/open311/v2/requests/{report.pk}.json").status_code == 404
    document = IssueReportDocument()
    assert not document.is_indexable(report) and document.public_pks([report.pk]) == set()
    sign_in(client, report_officer)
    csv_text = body(client.get("/reports/manage/export.csv"))
    assert "Broken kerb" not in csv_text and "A public one" in csv_text
    assert "Broken kerb" not in body(client.get("/reports/manage/export.geojson"))


def test_signing_up_and_verifying_the_same_address_claims_and_publishes_the_reports(
    client, council, potholes, django_capture_on_commit_callbacks
):
    waiting = anonymous(potholes, email="Priya.Private@Example.org")  # the address's case differs
    other = anonymous(potholes, email="someone.else@example.org", address="192.0.2.9")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD, "display_name": "PriyaQ"},
        )
    waiting.refresh_from_db()
    assert waiting.reporter is None and waiting.awaiting_confirmation  # an unproven address claims nothing
    confirm = next(m for m in mail.outbox if "/accounts/confirm-email/" in m.body)
    url = re.search(r"https?://\S+/accounts/confirm-email/\S+/", confirm.body)[0]
    path = re.sub(r"^https?://[^/]+", "", url)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    user = User.objects.get(email=EMAIL)
    waiting.refresh_from_db()
    other.refresh_from_db()
    assert waiting.reporter == user and not waiting.awaiting_confirmation
    assert (waiting.contact_name, waiting.contact_email) == ("", "")  # the account holds them now
    assert waiting.followers.filter(pk=user.pk).exists()
    assert waiting.reporter_name == "PriyaQ"
    assert other.reporter is None and other.awaiting_confirmation


def test_claiming_keeps_a_suspended_accounts_reports_unpublished(potholes, council):
    from datetime import timedelta

    from django.utils import timezone

    user = UserFactory(email=EMAIL, suspended_until=timezone.now() + timedelta(days=3))
    report = anonymous(potholes)
    assert services.claim_reports(user=user, email=EMAIL) == 1
    report.refresh_from_db()
    assert report.reporter == user and report.awaiting_confirmation


def test_unconfirmed_reporter_is_attributed_without_their_name(potholes, council):
    report = anonymous(potholes)
    assert report.reporter_name == "Member of the public"
    assert NAME not in report.reporter_name


def test_reports_without_an_account_are_rate_limited_per_address(potholes, council, settings, pinned_clock):
    settings.ANONYMOUS_REPORT_RATE_LIMIT = "2/h"
    anonymous(potholes, email="a@example.org")
    anonymous(potholes, email="b@example.org")
    with pytest.raises(services.ReportError) as refused:
        anonymous(potholes, email="c@example.org")
    assert refused.value.code == "rate_limited"
    anonymous(potholes, email="c@example.org", address="198.51.100.7")  # another address may
    assert IssueReport.objects.count() == 3


def test_reports_without_an_account_are_rate_limited_per_email(potholes, council, settings, pinned_clock):
    settings.ANONYMOUS_REPORT_RATE_LIMIT = "2/h"
    anonymous(potholes, address="192.0.2.1")
    anonymous(potholes, address="192.0.2.2")
    with pytest.raises(services.ReportError) as refused:
        anonymous(potholes, email=EMAIL.upper(), address="192.0.2.3")
    assert refused.value.code == "rate_limited"
    anonymous(potholes, email="other@example.org", address="192.0.2.4")
    assert IssueReport.objects.count() == 3


def test_rate_limited_journey_answers_429_and_sends_nothing(
    client, council, potholes, settings, pinned_clock, django_capture_on_commit_callbacks
):
    settings.ANONYMOUS_REPORT_RATE_LIMIT = "1/h"
    assert send_without_account(client, django_capture_on_commit_callbacks).status_code == 302
    refused = send_without_account(client, django_capture_on_commit_callbacks)
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert IssueReport.objects.count() == 1 and len(mail.outbox) == 1


def test_contact_email_never_reaches_the_search_index(potholes, council):
    report = anonymous(potholes)
    services.confirm_report(token=services.confirmation_token(report))
    report.refresh_from_db()
    fields = IssueReportDocument().fields(report, mock.Mock())
    assert EMAIL not in str(fields) and NAME not in str(fields)


def test_status_emails_reach_an_unproven_address_only_after_confirmation(
    potholes, council, report_officer, django_capture_on_commit_callbacks
):
    report = anonymous(potholes)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(officer=report_officer, report=report, status="acknowledged")
    assert not mail.outbox
    services.confirm_report(token=services.confirmation_token(report))
    report.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(officer=report_officer, report=report, status="in_progress")
    assert [m.to for m in mail.outbox] == [[EMAIL]]
