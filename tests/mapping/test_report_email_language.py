"""A report sent without an account from a Welsh page is confirmed by email in Welsh."""

import pytest
from django.core import mail

from tests.mapping.test_anonymous_reports import DETAILS, EMAIL, NAME

pytestmark = pytest.mark.django_db


def test_report_sent_from_welsh_page_is_confirmed_in_welsh(
    client, council, potholes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/cy/reports/new/confirm/", {**DETAILS, "name": NAME, "email": EMAIL})
    assert response.status_code in (200, 302)
    message = mail.outbox[-1]
    assert "Cadarnhewch eich adroddiad i'w gyhoeddi" in message.subject
    assert "/cy/reports/confirm/" in message.body


def test_report_sent_from_english_page_is_confirmed_in_english(
    client, council, potholes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/reports/new/confirm/", {**DETAILS, "name": NAME, "email": EMAIL})
    assert "Confirm your report to publish it" in mail.outbox[-1].subject
