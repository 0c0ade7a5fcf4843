import csv
import io

import pytest
from django.urls import reverse

from consultations.models import SurveyResponse
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import make_consultation
from tests.consultations.surveys.factories import make_survey, valid_post
from tests.support.auth import sign_in


@pytest.fixture
def survey(consultation):
    return make_survey(consultation)


def url(name, survey):
    return reverse(f"consultations:{name}", args=[survey.pk])


def send(client, survey, post=None):
    response = client.post(url("survey_answers", survey), post or valid_post())
    assert response.status_code == 302, response.content[:2000]
    return client.post(url("survey_submit", survey))


def test_survey_page_shows_every_question_with_fieldsets_and_labels(client, resident, survey):
    sign_in(client, resident)
    html = client.get(survey.url).content.decode()
    assert html.count("<fieldset") == 4  # single, multiple, agreement, date
    assert '<label class="label" for="q-why-input">Why?</label>' in html
    assert 'type="checkbox" name="q-days" value="d1" id="q-days-input"' in html
    assert "Strongly disagree" in html
    assert 'name="q-moved-year"' in html


def test_signed_out_visitors_see_the_questions_withheld_and_a_sign_in_link(client, survey):
    html = client.get(survey.url).content.decode()
    assert "Sign in or create an account to take part." in html
    assert 'name="q-colour"' not in html


def test_draft_survey_is_not_found_for_residents_and_previewable_by_its_officers(
    client, consultation, resident, officer
):
    draft = make_survey(consultation, live=False)
    sign_in(client, resident)
    assert client.post(url("survey_answers", draft), valid_post()).status_code == 404
    assert client.get(url("survey_check", draft)).status_code == 404
    sign_in(client, officer)
    assert client.get(url("survey_results", draft)).status_code == 200


def test_resident_answers_checks_and_sends(client, resident, survey):
    sign_in(client, resident)
    response = client.post(url("survey_answers", survey), valid_post())
    assert response["Location"] == url("survey_check", survey)
    check = client.get(url("survey_check", survey)).content.decode()
    assert "Check your answers before sending them" in check
    assert "5 November 2020" in check and "Mon; Wed" in check
    assert f'href="{survey.url}#q-colour"' in check
    sent = client.post(url("survey_submit", survey))
    assert sent.status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.user == resident and stored.answers["people"] == 3 and stored.submitted_at
    page = client.get(survey.url).content.decode()
    assert "You sent your answers on" in page
    assert 'value="o2" id="q-colour-1" checked' in page  # the form shows their answers to change


def test_invalid_answers_rerender_with_an_error_summary_and_keep_what_was_typed(client, resident, survey):
    sign_in(client, resident)
    post = valid_post()
    post["q-colour"] = "tampered"
    post["q-people"] = "lots"
    response = client.post(url("survey_answers", survey), post)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert '<a href="#q-colour-input">Choose an answer to “Which bin colour?” from the list.</a>' in html
    assert '<a href="#q-people-input">' in html
    assert "Because it is tidy." in html
    assert not SurveyResponse.objects.exists()


def test_closed_survey_refuses_with_a_clear_message(client, index, resident):
    survey = make_survey(make_consultation(index, "closed"))
    sign_in(client, resident)
    html = client.get(survey.url).content.decode()
    assert "Responses are no longer accepted." in html
    response = client.post(url("survey_answers", survey), valid_post())
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_submit_without_answers_goes_back_to_the_survey(client, resident, survey):
    sign_in(client, resident)
    response = client.post(url("survey_submit", survey))
    assert response.status_code == 302 and response["Location"] == survey.url


def test_results_are_for_staff_who_may_read_the_summary(client, survey, resident, officer, partner):
    assert client.get(url("survey_results", survey)).status_code == 403
    sign_in(client, resident)
    assert client.get(url("survey_results", survey)).status_code == 403
    assert client.get(url("survey_csv", survey)).status_code == 403
    stranger = UserFactory(roles=["Officers"], organisation=OrganisationFactory())
    sign_in(client, stranger)
    assert client.get(url("survey_results", survey)).status_code == 403
    for allowed in (
        officer,
        UserFactory(roles=["Officers"], organisation=partner),
        UserFactory(roles=["Councillors"]),
    ):
        sign_in(client, allowed)
        assert client.get(url("survey_results", survey)).status_code == 200


def test_results_page_shows_a_table_and_chart_with_bounded_queries(
    client, survey, officer, django_assert_max_num_queries
):
    for _ in range(6):
        SurveyResponse.objects.create(
            survey=survey,
            user=UserFactory(),
            answers={"colour": "o1", "days": ["d1"]},
            submitted_at="2026-01-01T00:00Z",
        )
    sign_in(client, officer)
    client.get(url("survey_results", survey))  # warm the session and the brand cache
    with django_assert_max_num_queries(20):
        response = client.get(url("survey_results", survey))
    html = response.content.decode()
    assert "6 responses sent." in html
    assert '<th scope="row">Green</th>' in html and "100%" in html
    assert "<svg" in html


def test_survey_page_takes_a_bounded_number_of_queries(
    client, resident, survey, django_assert_max_num_queries
):
    sign_in(client, resident)
    send(client, survey)
    client.get(survey.url)
    with django_assert_max_num_queries(25):
        assert client.get(survey.url).status_code == 200


def test_csv_export_is_formula_safe_with_one_row_per_response(client, survey, resident, officer):
    sign_in(client, resident)
    post = valid_post()
    post["q-why"] = "=1+1"
    send(client, survey, post)
    sign_in(client, officer)
    response = client.get(url("survey_csv", survey))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    assert rows[1][6] == "'=1+1"
    assert resident.email not in str(rows) and resident.display_name not in str(rows)


def test_consultation_page_links_to_its_published_surveys_only(client, consultation, survey):
    draft = make_survey(consultation, live=False, title="Secret draft survey")
    html = client.get(consultation.url).content.decode()
    assert f'<a href="{survey.url}">{survey.title}</a>' in html
    assert draft.title not in html
