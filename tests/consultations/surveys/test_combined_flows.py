"""The two halves of surveys together: people without an account in the one-question-per-page flow
and saving for later, email confirmation after the paged check page, the wording kept whichever
way a response arrives, and assisted entry with every question type, sections and conditions."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from consultations.models import SurveyPage, SurveyResponse
from consultations.surveys import assisted, services
from consultations.surveys.services import SurveyAnswersInvalid
from tests.consultations.surveys.factories import make_survey, options, question, valid_post
from tests.consultations.surveys.test_conditions import QUESTIONS, section, shown_if
from tests.support.auth import sign_in

EMAIL = "paged.person@example.org"


def q_url(survey, qid, change=False):
    return reverse("consultations:survey_question", args=[survey.pk, qid]) + ("?change=1" if change else "")


def url(name, survey):
    return reverse(f"consultations:{name}", args=[survey.pk])


def link_path(message) -> str:
    found = re.search(r"https?://\S+/consultations/surveys/confirm/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", found)


@pytest.fixture
def paged(consultation):
    return make_survey(consultation, QUESTIONS, layout=SurveyPage.Layout.PAGED, allow_anonymous=True)


@pytest.fixture
def paged_confirmed(consultation):
    return make_survey(
        consultation,
        QUESTIONS,
        layout=SurveyPage.Layout.PAGED,
        allow_anonymous=True,
        confirm_by_email=True,
    )


def walk(client, survey):
    """Answer the paged survey as someone who drives: three question pages, then the check page."""
    assert client.post(q_url(survey, "drive"), {"q-drive": "o1"})["Location"] == q_url(survey, "miles")
    assert client.post(q_url(survey, "miles"), {"q-miles": "30"})["Location"] == q_url(survey, "why")
    assert client.post(q_url(survey, "why"), {"q-why": ""})["Location"] == url("survey_check", survey)


# People without an account, one question per page -------------------------------------------------


def test_visitor_answers_a_paged_survey_without_an_account_from_start_to_sent(client, paged):
    page = client.get(paged.url).content.decode()
    assert "Start now" in page and f'href="{q_url(paged, "drive")}"' in page
    assert "in this browser only" in page and "You can answer without an account" in page
    question = client.get(q_url(paged, "drive")).content.decode()
    assert question.count("in this browser only") == 1 and "Do you drive?" in question
    walk(client, paged)
    check = client.get(url("survey_check", paged)).content.decode()
    assert "Travel" in check and 'name="email"' not in check
    sent = client.post(url("survey_submit", paged))
    assert sent.status_code == 302 and "survey-status" in sent["Location"]
    stored = SurveyResponse.objects.get()
    assert stored.user is None and stored.respondent_token is not None
    assert stored.answers == {"drive": "o1", "miles": 30} and stored.draft is None
    assert set(stored.wording) == {"drive", "miles"}  # the wording each answered question had
    assert services.results(paged).responses == 1


def test_paged_survey_without_anonymous_answers_sends_visitors_to_sign_in(client, consultation):
    survey = make_survey(consultation, QUESTIONS, layout=SurveyPage.Layout.PAGED)
    shown = client.get(q_url(survey, "drive"))
    posted = client.post(q_url(survey, "drive"), {"q-drive": "o1"})
    for response in (shown, posted):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not SurveyResponse.objects.exists()


def test_a_visitors_paged_draft_belongs_to_their_browser_session_only(client, paged):
    client.post(q_url(paged, "drive"), {"q-drive": "o1"})
    mine = client.get(paged.url).content.decode()
    assert "You have answers saved in this browser" in mine and f'href="{q_url(paged, "miles")}"' in mine
    other = Client()
    theirs = other.get(paged.url).content.decode()
    assert "Start now" in theirs and "You have answers saved" not in theirs
    assert other.get(url("survey_check", paged))["Location"] == paged.url
    # "miles" is only asked of people who drive: the other session has not said so, so it is refused
    assert other.post(q_url(paged, "miles"), {"q-miles": "5"})["Location"] == q_url(paged, "drive")
    assert SurveyResponse.objects.get().draft == {"drive": "o1"}


def test_a_visitor_cannot_answer_a_question_their_answers_do_not_lead_to(client, paged):
    client.post(q_url(paged, "drive"), {"q-drive": "o2"})  # does not drive
    refused = client.post(q_url(paged, "miles"), {"q-miles": "30"})
    assert refused.status_code == 302 and refused["Location"] == q_url(paged, "buses")
    assert SurveyResponse.objects.get().draft == {"drive": "o2"}


def test_question_pages_from_one_address_have_their_own_limit(paged, settings, pinned_clock):
    settings.ANONYMOUS_SURVEY_RATE_LIMIT = "1/h"  # sending: one a hour from this address
    settings.ANONYMOUS_SURVEY_STEP_RATE_LIMIT = "3/h"
    browser = Client(REMOTE_ADDR="198.51.100.30")
    walk(browser, paged)  # three pages do not use up the one send
    assert browser.post(url("survey_submit", paged)).status_code == 302
    assert SurveyResponse.objects.submitted().count() == 1
    refused = Client(REMOTE_ADDR="198.51.100.30").post(q_url(paged, "drive"), {"q-drive": "o1"})
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert SurveyResponse.objects.count() == 1  # the fourth page kept nothing
    assert (
        Client(REMOTE_ADDR="203.0.113.30").post(q_url(paged, "drive"), {"q-drive": "o1"}).status_code == 302
    )


def test_paged_check_page_asks_a_visitor_for_email_and_counts_once_the_link_is_followed(
    client, paged_confirmed, django_capture_on_commit_callbacks
):
    walk(client, paged_confirmed)
    check = client.get(url("survey_check", paged_confirmed)).content.decode()
    assert 'name="email"' in check and "Change" in check
    bad = client.post(url("survey_submit", paged_confirmed), {"email": "not-an-email"})
    html = bad.content.decode()
    assert bad.status_code == 400 and 'href="#survey-email"' in html
    assert f'href="{q_url(paged_confirmed, "miles", change=True)}"' in html.replace("&amp;", "&")
    assert SurveyResponse.objects.get().submitted_at is None and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url("survey_submit", paged_confirmed), {"email": EMAIL})
    assert sent["Location"] == url("survey_check_email", paged_confirmed)
    stored = SurveyResponse.objects.get()
    assert stored.awaiting_confirmation and services.results(paged_confirmed).responses == 0
    wording = dict(stored.wording)
    assert set(wording) == {"drive", "miles"}
    assert Client().post(link_path(mail.outbox[0])).status_code == 302
    stored.refresh_from_db()
    assert not stored.awaiting_confirmation and stored.wording == wording
    assert services.results(paged_confirmed).responses == 1


def test_a_visitor_changing_answers_sent_unconfirmed_is_asked_again_on_the_paged_check_page(
    client, paged_confirmed, django_capture_on_commit_callbacks
):
    walk(client, paged_confirmed)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("survey_submit", paged_confirmed), {"email": EMAIL})
    start = client.get(paged_confirmed.url).content.decode()
    assert "waiting for you to open the link" in start
    client.post(q_url(paged_confirmed, "why", change=True), {"q-why": "Late buses.", "change": "1"})
    check = client.get(url("survey_check", paged_confirmed)).content.decode()
    assert 'name="email"' in check and "Late buses." in check


# Saving for later without an account ----------------------------------------------------------


def test_save_for_later_without_an_account_says_it_is_kept_in_this_browser_only(client, consultation):
    survey = make_survey(consultation, allow_anonymous=True)
    page = client.get(survey.url).content.decode()
    assert 'id="survey-later-hint"' in page and "kept in this browser only" in page
    saved = client.post(url("survey_answers", survey), {"q-colour": "o3", "later": "1"}, follow=True)
    html = saved.content.decode()
    assert "saved in this browser only" in html and "signing in does not bring them with you" in html
    assert 'value="o3" id="q-colour-2" checked' in html  # filled in again in this browser
    assert SurveyResponse.objects.get().draft == {"colour": "o3"}
    elsewhere = Client().get(survey.url).content.decode()
    assert "You have answers saved" not in elsewhere and 'value="o3" id="q-colour-2" checked' not in elsewhere


def test_save_for_later_signed_in_says_to_sign_in_and_come_back(client, resident, consultation):
    survey = make_survey(consultation, allow_anonymous=True)
    sign_in(client, resident)
    assert 'id="survey-later-hint"' not in client.get(survey.url).content.decode()
    html = client.post(url("survey_answers", survey), {"q-colour": "o3", "later": "1"}, follow=True)
    assert "Sign in and come back" in html.content.decode()
    assert "in this browser only" not in html.content.decode()
    assert SurveyResponse.objects.get().user == resident


# Wording versions, whichever way a response arrives -------------------------------------------


def test_every_way_of_sending_answers_keeps_the_wording_seen(
    client, resident, officer, consultation, django_capture_on_commit_callbacks
):
    survey = make_survey(consultation, allow_anonymous=True, confirm_by_email=True)
    expected = {q.id: q.wording for q in survey.question_list()}
    sign_in(client, resident)  # signed in
    client.post(url("survey_answers", survey), valid_post())
    client.post(url("survey_submit", survey))
    visitor = Client()  # without an account, confirmed by email
    visitor.post(url("survey_answers", survey), valid_post())
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(url("survey_submit", survey), {"email": EMAIL})
    visitor.post(link_path(mail.outbox[0]))
    assisted.enter_response(officer=officer, survey=survey, data=valid_post(), channel="phone", consent=True)
    stored = SurveyResponse.objects.submitted()
    assert stored.count() == 3
    assert [r.wording for r in stored] == [expected] * 3


def test_without_email_confirmation_a_visitors_answers_keep_their_wording(client, consultation):
    survey = make_survey(consultation, allow_anonymous=True)
    client.post(url("survey_answers", survey), valid_post())
    client.post(url("survey_submit", survey))
    assert SurveyResponse.objects.get().wording == {q.id: q.wording for q in survey.question_list()}


# Assisted entry with every question type, sections and conditions -----------------------------


@pytest.fixture
def mixed(consultation, wards):
    return make_survey(
        consultation,
        [
            section("s1", "Travel"),
            question("single_choice", "drive", "Do you drive?", options=options("Yes", "No")),
            question("number", "miles", "How many miles a week?", **shown_if("Do you drive?", "Yes")),
            question("ranking", "rank", "Put these in order", options=options("Parks", "Roads", "Bins")),
            section("s2", "About you"),
            question("ward", "where", "Which ward do you live in?", ask="postcode"),
        ],
    )


def mixed_entry(wards, **extra):
    return {
        "channel": "paper",
        "consent": "yes",
        "q-drive": "o1",
        "q-miles": "12",
        "q-rank-o1": "2",
        "q-rank-o2": "3",
        "q-rank-o3": "1",
        "q-where": "NB1 2AB",
        **extra,
    }


def test_assisted_entry_form_shows_sections_rankings_and_conditions(client, officer, mixed):
    sign_in(client, officer)
    html = client.get(reverse("consultations:survey_assisted", args=[mixed.pk])).content.decode()
    assert (
        '<h3 class="survey-section">Travel</h3>' in html
        and '<h3 class="survey-section">About you</h3>' in html
    )
    assert 'name="q-rank-o1"' in html and 'data-show-if="drive"' in html
    assert "js/survey-conditions.js" in html


def test_officer_enters_rankings_postcodes_and_conditional_answers(client, officer, mixed, wards):
    sign_in(client, officer)
    sent = client.post(reverse("consultations:survey_assisted", args=[mixed.pk]), mixed_entry(wards))
    assert sent.status_code == 302
    stored = SurveyResponse.objects.get()
    west, _east = wards
    assert stored.answers == {"drive": "o1", "miles": 12, "rank": ["o3", "o1", "o2"], "where": str(west.pk)}
    assert stored.wording == {q.id: q.wording for q in mixed.question_list()}
    assert stored.channel == "paper" and stored.entered_by == officer


def test_assisted_answers_to_questions_not_asked_are_refused_and_nothing_saved(client, officer, mixed, wards):
    sign_in(client, officer)
    post = mixed_entry(wards, **{"q-drive": "o2"})  # does not drive, yet miles were typed in
    refused = client.post(reverse("consultations:survey_assisted", args=[mixed.pk]), post)
    html = refused.content.decode()
    assert refused.status_code == 400 and "Leave “How many miles a week?” unanswered" in html
    assert 'href="#q-miles-input"' in html
    assert not SurveyResponse.objects.exists()
    post["q-miles"] = ""
    assert client.post(reverse("consultations:survey_assisted", args=[mixed.pk]), post).status_code == 302
    assert SurveyResponse.objects.get().answers.get("miles") is None


@pytest.mark.parametrize(
    "bad",
    [
        {"q-rank-o3": "2"},  # two options numbered 2
        {"q-rank-o2": ""},  # an option left unnumbered
        {"q-where": "NB9 9ZZ"},  # a postcode outside the council's wards
    ],
)
def test_assisted_rankings_and_postcodes_get_the_residents_checks(officer, mixed, wards, bad):
    with pytest.raises(SurveyAnswersInvalid) as refused:
        assisted.enter_response(
            officer=officer, survey=mixed, data=mixed_entry(wards, **bad), channel="paper", consent=True
        )
    assert list(refused.value.errors) == ["where" if "q-where" in bad else "rank"]
    assert not SurveyResponse.objects.exists()


def test_addresses_of_answers_never_confirmed_go_once_their_link_has_expired(
    paged_confirmed, settings, django_capture_on_commit_callbacks
):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    settings.SURVEY_CONFIRMATION_HOURS = 72
    for age in (73, 71):
        browser = Client()
        walk(browser, paged_confirmed)
        with django_capture_on_commit_callbacks(execute=True):
            browser.post(url("survey_submit", paged_confirmed), {"email": f"{age}@example.org"})
        SurveyResponse.objects.filter(contact_email=f"{age}@example.org").update(
            updated_at=timezone.now() - timedelta(hours=age)
        )
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Email addresses of survey answers never confirmed: 1 removed" in out.getvalue()
    assert sorted(SurveyResponse.objects.values_list("contact_email", flat=True)) == ["", "71@example.org"]
    assert services.results(paged_confirmed).responses == 0  # still not counted
