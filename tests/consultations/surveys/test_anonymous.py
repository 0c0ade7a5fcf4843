"""Answering a survey without an account, where the officer allows it: one response per browser
session (changeable while open), a write limit per client address that holds with the cache down,
and, where the survey asks for it, answers counted only once an emailed link is followed."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultations.models import ConsultationPage, SurveyResponse
from consultations.surveys import confirmation, services
from tests.consultations.surveys.factories import make_survey, valid_post

EMAIL = "quiet.person@example.org"


@pytest.fixture
def survey(consultation):
    return make_survey(consultation, allow_anonymous=True)


@pytest.fixture
def confirmed_survey(consultation):
    return make_survey(consultation, allow_anonymous=True, confirm_by_email=True)


def url(name, survey):
    return reverse(f"consultations:{name}", args=[survey.pk])


def answer(client, survey, post=None, **submit):
    saved = client.post(url("survey_answers", survey), post or valid_post())
    assert saved.status_code == 302, saved.content[:2000]
    return client.post(url("survey_submit", survey), submit)


def link_path(message) -> str:
    found = re.search(r"https?://\S+/consultations/surveys/confirm/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", found)


def test_visitor_without_an_account_sees_the_form_only_where_the_survey_allows_it(client, consultation):
    allowed = make_survey(consultation, allow_anonymous=True)
    closed_door = make_survey(consultation)
    assert 'name="q-colour"' in client.get(allowed.url).content.decode()
    assert "You can answer without an account" in client.get(allowed.url).content.decode()
    html = client.get(closed_door.url).content.decode()
    assert 'name="q-colour"' not in html and "Sign in" in html


def test_survey_without_anonymous_answers_sends_visitors_to_sign_in_and_saves_nothing(client, consultation):
    survey = make_survey(consultation)
    response = client.post(url("survey_answers", survey), valid_post())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(url("survey_submit", survey)).status_code == 302
    assert not SurveyResponse.objects.exists()


def test_visitor_answers_once_per_session_and_can_change_their_answers(client, survey):
    sent = answer(client, survey)
    assert sent.status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.user is None and stored.respondent_token is not None and stored.submitted_at
    assert stored.channel == "online"
    post = valid_post()
    post["q-colour"] = "o3"
    answer(client, survey, post)
    assert SurveyResponse.objects.get().answers["colour"] == "o3"  # the same response, changed
    assert services.results(survey).responses == 1
    assert "You sent your answers on" in client.get(survey.url).content.decode()


def test_each_browser_session_is_one_response(survey):
    for _ in range(2):
        answer(Client(), survey)
    assert SurveyResponse.objects.submitted().count() == 2
    assert SurveyResponse.objects.values("respondent_token").distinct().count() == 2


def test_a_session_cannot_reach_another_sessions_answers(client, survey):
    answer(client, survey)
    other = Client()
    assert other.get(url("survey_check", survey))["Location"] == survey.url  # nothing of theirs to check
    assert other.post(url("survey_submit", survey)).status_code == 302
    assert "You sent your answers on" not in other.get(survey.url).content.decode()


def test_anonymous_answers_are_refused_after_closing_and_nothing_is_saved(client, survey):
    ConsultationPage.objects.filter(pk=survey.consultation.pk).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    response = client.post(url("survey_answers", survey), valid_post())
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_tampered_answers_from_a_visitor_save_nothing(client, survey):
    post = valid_post()
    post["q-colour"] = "o99"
    response = client.post(url("survey_answers", survey), post)
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_writes_from_one_address_are_limited_whatever_the_session(survey, settings, pinned_clock):
    settings.ANONYMOUS_SURVEY_RATE_LIMIT = "4/h"
    answer(Client(REMOTE_ADDR="198.51.100.7"), survey)  # two writes: answers, then send
    answer(Client(REMOTE_ADDR="198.51.100.7"), survey)
    refused = Client(REMOTE_ADDR="198.51.100.7").post(url("survey_answers", survey), valid_post())
    assert refused.status_code == 429
    assert SurveyResponse.objects.count() == 2
    answer(Client(REMOTE_ADDR="203.0.113.9"), survey)  # another address has its own budget
    assert SurveyResponse.objects.submitted().count() == 3


def test_the_address_limit_holds_when_the_cache_fails(survey, settings, pinned_clock, monkeypatch):
    settings.ANONYMOUS_SURVEY_RATE_LIMIT = "2/h"

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "add", broken)
    answer(Client(REMOTE_ADDR="198.51.100.8"), survey)
    refused = Client(REMOTE_ADDR="198.51.100.8").post(url("survey_answers", survey), valid_post())
    assert refused.status_code == 429
    assert SurveyResponse.objects.count() == 1


def test_confirmation_asks_for_an_email_and_refuses_a_bad_one(client, confirmed_survey):
    client.post(url("survey_answers", confirmed_survey), valid_post())
    check = client.get(url("survey_check", confirmed_survey)).content.decode()
    assert 'name="email"' in check
    for bad in ("", "not-an-email"):
        response = client.post(url("survey_submit", confirmed_survey), {"email": bad})
        html = response.content.decode()
        assert response.status_code == 400
        assert "Enter an email address in the correct format" in html and 'href="#survey-email"' in html
    stored = SurveyResponse.objects.get()
    assert stored.submitted_at is None and not stored.awaiting_confirmation and not mail.outbox


def test_answers_count_only_once_the_emailed_link_is_followed(
    client, confirmed_survey, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = answer(client, confirmed_survey, email=EMAIL)
    assert sent["Location"] == url("survey_check_email", confirmed_survey)
    assert "Check your email" in client.get(sent["Location"]).content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.awaiting_confirmation and stored.contact_email == EMAIL
    assert services.results(confirmed_survey).responses == 0
    assert "waiting for you to open the link" in client.get(confirmed_survey.url).content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [EMAIL]
    path = link_path(mail.outbox[0])

    page = client.get(path)  # a mail scanner opening the link counts nothing
    assert page.status_code == 200 and "Confirm my answers" in page.content.decode()
    assert services.results(confirmed_survey).responses == 0

    confirmed = Client().post(path)  # any browser: the link is the proof
    assert confirmed.status_code == 302 and confirmed["Location"] == confirmed_survey.url
    stored.refresh_from_db()
    assert not stored.awaiting_confirmation and stored.contact_email == "" and stored.email_digest
    assert services.results(confirmed_survey).responses == 1
    for again in (client.get(path), client.post(path)):
        assert again.status_code == 410 and "already been used" in again.content.decode()


def test_once_confirmed_the_session_changes_its_answers_without_another_email(
    client, confirmed_survey, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, confirmed_survey, email=EMAIL)
    client.post(link_path(mail.outbox[0]))
    post = valid_post()
    post["q-colour"] = "o1"
    client.post(url("survey_answers", confirmed_survey), post)
    assert 'name="email"' not in client.get(url("survey_check", confirmed_survey)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url("survey_submit", confirmed_survey))
    assert sent.status_code == 302 and len(mail.outbox) == 1
    assert SurveyResponse.objects.submitted().get().answers["colour"] == "o1"


def test_one_address_confirming_from_two_browsers_counts_once(
    confirmed_survey, django_capture_on_commit_callbacks
):
    for colour in ("o1", "o3"):
        browser = Client()
        post = valid_post()
        post["q-colour"] = colour
        with django_capture_on_commit_callbacks(execute=True):
            answer(browser, confirmed_survey, post, email=EMAIL.upper() if colour == "o3" else EMAIL)
        browser.post(link_path(mail.outbox[-1]))
    counted = SurveyResponse.objects.submitted()
    assert counted.count() == 1 and counted.get().answers["colour"] == "o3"  # the latest replaces


def test_a_link_followed_after_closing_counts_nothing(
    client, confirmed_survey, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, confirmed_survey, email=EMAIL)
    ConsultationPage.objects.filter(pk=confirmed_survey.consultation.pk).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    response = client.post(link_path(mail.outbox[0]))
    assert response.status_code == 410 and "The survey has closed" in response.content.decode()
    assert SurveyResponse.objects.get().awaiting_confirmation


def test_expired_and_forged_links_are_refused(
    client, confirmed_survey, settings, django_capture_on_commit_callbacks
):
    settings.SURVEY_CONFIRMATION_HOURS = 72
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, confirmed_survey, email=EMAIL)
    stored = SurveyResponse.objects.get()
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 73 * 3600):
        old = confirmation.confirmation_token(stored)
    expired = client.post(reverse("consultations:survey_confirm", args=[old]))
    assert expired.status_code == 410 and "This link has expired" in expired.content.decode()
    forged = client.post(reverse("consultations:survey_confirm", args=[f"{stored.pk}:forged"]))
    assert forged.status_code == 400 and "not a valid confirmation link" in forged.content.decode()
    stored.refresh_from_db()
    assert stored.awaiting_confirmation


def test_confirmation_emails_to_one_address_are_limited(confirmed_survey, settings, pinned_clock):
    settings.SURVEY_CONFIRMATION_EMAIL_RATE_LIMIT = "1/h"
    answer(Client(REMOTE_ADDR="198.51.100.20"), confirmed_survey, email=EMAIL)
    refused = answer(Client(REMOTE_ADDR="198.51.100.21"), confirmed_survey, email=EMAIL)
    assert refused.status_code == 429
    assert SurveyResponse.objects.filter(awaiting_confirmation=True).count() == 1
