"""One question per page, saving to come back later, and carrying on where one left off."""

import re

import pytest
from django.urls import reverse

from consultations.models import SurveyPage, SurveyResponse
from tests.consultations.surveys.factories import make_survey, options, question
from tests.consultations.surveys.test_conditions import QUESTIONS
from tests.support.auth import sign_in


@pytest.fixture
def survey(consultation):
    return make_survey(consultation, QUESTIONS, layout=SurveyPage.Layout.PAGED)


def q_url(survey, qid, change=False):
    return reverse("consultations:survey_question", args=[survey.pk, qid]) + ("?change=1" if change else "")


def check_url(survey):
    return reverse("consultations:survey_check", args=[survey.pk])


def test_paged_survey_page_offers_a_start_button_not_the_form(client, resident, survey):
    sign_in(client, resident)
    html = client.get(survey.url).content.decode()
    assert f'href="{q_url(survey, "drive")}" class="button"' in html and "Start now" in html
    assert 'name="q-drive"' not in html


def test_one_question_per_page_from_start_to_sent(client, resident, survey, django_assert_max_num_queries):
    sign_in(client, resident)
    with django_assert_max_num_queries(25):
        page = client.get(q_url(survey, "drive"))
    html = page.content.decode()
    assert '<legend class="label"><h1 class="question-heading">Do you drive?</h1></legend>' in html
    assert f'<a href="{survey.url}" class="back-link">Back</a>' in html
    assert "Travel" in html  # the section, as the caption
    response = client.post(q_url(survey, "drive"), {"q-drive": "o1"})
    assert response["Location"] == q_url(survey, "miles")
    html = client.get(q_url(survey, "miles")).content.decode()
    assert f'<a href="{q_url(survey, "drive")}" class="back-link">Back</a>' in html
    assert '<h1 class="question-heading"><label class="label label--heading" for="q-miles-input">' in html
    assert client.post(q_url(survey, "miles"), {"q-miles": "30"})["Location"] == q_url(survey, "why")
    assert client.post(q_url(survey, "why"), {"q-why": ""})["Location"] == check_url(survey)
    check = client.get(check_url(survey)).content.decode()
    assert f'href="{q_url(survey, "miles", change=True)}"' in check.replace("&amp;", "&")
    assert client.post(reverse("consultations:survey_submit", args=[survey.pk])).status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.answers == {"drive": "o1", "miles": 30} and stored.draft is None


def test_a_wrong_answer_shows_the_error_summary_on_its_page_and_keeps_nothing(client, resident, survey):
    sign_in(client, resident)
    response = client.post(q_url(survey, "drive"), {"q-drive": "tampered"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#q-drive-input"' in html
    assert "<title>Error: Do you drive?" in html
    assert not SurveyResponse.objects.exists()


def test_a_question_not_asked_is_not_shown_and_its_answer_not_kept(client, resident, survey):
    sign_in(client, resident)
    client.post(q_url(survey, "drive"), {"q-drive": "o2"})
    assert client.get(q_url(survey, "miles"))["Location"] == q_url(survey, "buses")
    response = client.post(q_url(survey, "miles"), {"q-miles": "40"})
    assert response.status_code == 302
    assert SurveyResponse.objects.get().draft == {"drive": "o2"}


def test_changing_an_answer_drops_answers_it_no_longer_leads_to(client, resident, survey):
    sign_in(client, resident)
    client.post(q_url(survey, "drive"), {"q-drive": "o1"})
    client.post(q_url(survey, "miles"), {"q-miles": "30"})
    client.post(q_url(survey, "why"), {"q-why": "Fine"})
    response = client.post(q_url(survey, "drive") + "?change=1", {"q-drive": "o2", "change": "1"})
    assert response["Location"] == q_url(survey, "buses", change=True)  # a new question to answer first
    assert SurveyResponse.objects.get().draft == {"drive": "o2", "why": "Fine"}
    assert client.post(q_url(survey, "buses"), {"change": "1"})["Location"] == check_url(survey)


def test_change_links_return_to_the_check_page(client, resident, survey):
    sign_in(client, resident)
    for qid, post in (("drive", {"q-drive": "o1"}), ("miles", {"q-miles": "3"}), ("why", {})):
        client.post(q_url(survey, qid), post)
    html = client.get(q_url(survey, "miles", change=True)).content.decode()
    assert f'<a href="{check_url(survey)}" class="back-link">Back</a>' in html
    assert 'value="3"' in html
    response = client.post(q_url(survey, "miles"), {"q-miles": "4", "change": "1"})
    assert response["Location"] == check_url(survey)


def test_coming_back_carries_on_where_they_left_off(client, resident, survey):
    sign_in(client, resident)
    client.post(q_url(survey, "drive"), {"q-drive": "o1"})
    client.logout()
    sign_in(client, resident)
    html = client.get(survey.url).content.decode()
    assert "You have answers saved that you have not sent yet." in html
    assert f'href="{q_url(survey, "miles")}" class="button"' in html and ">Continue</a>" in html
    # the check page is not for half-done answers: it sends them on to the question left
    response = client.get(check_url(survey))
    assert response["Location"] == q_url(survey, "miles")


def test_signed_out_people_are_asked_to_sign_in_first(client, survey):
    response = client.get(q_url(survey, "drive"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(q_url(survey, "drive"), {"q-drive": "o1"}).status_code == 302
    assert not SurveyResponse.objects.exists()


def test_answers_after_closing_are_refused_and_nothing_kept(client, resident, survey):
    sign_in(client, resident)
    client.post(q_url(survey, "drive"), {"q-drive": "o1"})
    consultation = survey.consultation
    type(consultation).objects.filter(pk=consultation.pk).update(closes_at=consultation.opens_at)
    response = client.post(q_url(survey, "miles"), {"q-miles": "30"})
    assert response.status_code == 403
    assert SurveyResponse.objects.get().draft == {"drive": "o1"}


# All questions on one page: save and come back later


@pytest.fixture
def one_page(consultation):
    return make_survey(
        consultation,
        [
            question("single_choice", "colour", "Colour?", options=options("Green", "Blue")),
            question("free_text", "why", "Why?", max_length=20),
        ],
    )


def test_save_for_later_keeps_answers_so_far_without_the_required_ones(client, resident, one_page):
    sign_in(client, resident)
    html = client.get(one_page.url).content.decode()
    assert 'name="later" value="1"' in html
    answers = reverse("consultations:survey_answers", args=[one_page.pk])
    response = client.post(answers, {"q-colour": "o2", "later": "1"})
    assert response["Location"] == f"{one_page.url}#survey-draft"
    stored = SurveyResponse.objects.get()
    assert stored.draft == {"colour": "o2"} and stored.submitted_at is None
    html = client.get(one_page.url).content.decode()
    assert "You have answers saved that you have not sent yet." in html
    assert re.search(r'value="o2" id="q-colour-1" checked', html)
    # not ready to check yet: sent back to the form, at the question left
    assert client.get(check_url(one_page))["Location"] == f"{one_page.url}#q-why"


def test_save_for_later_still_refuses_a_wrong_answer(client, resident, one_page):
    sign_in(client, resident)
    answers = reverse("consultations:survey_answers", args=[one_page.pk])
    response = client.post(answers, {"q-colour": "o2", "q-why": "x" * 21, "later": "1"})
    assert response.status_code == 400 and "20 characters or fewer" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_oversized_text_on_a_question_page_is_refused(client, resident, consultation):
    survey = make_survey(
        consultation, [question("free_text", "why", "Why?", max_length=20)], layout=SurveyPage.Layout.PAGED
    )
    sign_in(client, resident)
    response = client.post(q_url(survey, "why"), {"q-why": "y" * 5000})
    assert (
        response.status_code == 400
        and "must be 20 characters or fewer (it is 5,000)" in response.content.decode()
    )
    assert not SurveyResponse.objects.exists()


def test_question_pages_have_their_own_budget_beyond_the_write_limit(
    client, resident, survey, settings, pinned_clock
):
    settings.WRITE_RATE_LIMIT = "2/m"
    settings.SURVEY_PAGE_RATE_LIMIT = "4/m"
    sign_in(client, resident)
    for qid, post in (("drive", {"q-drive": "o1"}), ("miles", {"q-miles": "3"}), ("why", {})):
        assert client.post(q_url(survey, qid), post).status_code == 302  # 3 pages: past the write limit
    assert client.post(q_url(survey, "why"), {"q-why": "More"}).status_code == 302  # the 4th
    refused = client.post(q_url(survey, "why"), {"q-why": "Too many"})
    assert refused.status_code == 429
    assert SurveyResponse.objects.get().draft["why"] == "More"


def test_after_sending_change_your_answers_starts_from_the_first_question(client, resident, survey):
    sign_in(client, resident)
    for qid, post in (("drive", {"q-drive": "o1"}), ("miles", {"q-miles": "3"}), ("why", {})):
        client.post(q_url(survey, qid), post)
    client.post(reverse("consultations:survey_submit", args=[survey.pk]))
    html = client.get(survey.url).content.decode()
    assert f'href="{q_url(survey, "drive")}" class="button"' in html and "Change your answers" in html
    assert 'value="o1" id="q-drive-input" checked' in client.get(q_url(survey, "drive")).content.decode()
