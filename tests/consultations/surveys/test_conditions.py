"""Sections and conditional questions: who is asked what, and answers to questions not asked."""

import pytest

from consultations.models import SurveyPage, SurveyResponse
from consultations.surveys import services
from consultations.surveys.page_forms import condition_problems
from consultations.surveys.questions import (
    clean_answers,
    questions_from_stream,
    raw_from_post,
    shown_questions,
)
from tests.consultations.surveys.factories import make_survey, options, question
from tests.support.auth import sign_in


def section(sid, title, intro=""):
    return {"type": "section", "id": sid, "value": {"title": title, "intro": intro}}


def shown_if(wording, answer):
    return {"show_only_if": {"question": wording, "answer": answer}}


QUESTIONS = [
    section("s1", "Travel", "How you get about."),
    question("single_choice", "drive", "Do you drive?", options=options("Yes", "No")),
    question("number", "miles", "How many miles a week?", **shown_if("do you drive?", "yes")),
    question(
        "multiple_choice",
        "buses",
        "Which buses do you use?",
        options=options("1", "2", prefix="b"),
        required=False,
        **shown_if("Do you drive?", "No"),
    ),
    question("free_text", "route", "Which route?", **shown_if("Which buses do you use?", "2")),
    section("s2", "About you"),
    question("free_text", "why", "Anything else?", required=False),
]


@pytest.fixture
def survey(consultation):
    return make_survey(consultation, QUESTIONS)


def check(survey, post):
    questions = survey.question_list()
    return clean_answers(questions, raw_from_post(questions, post))


def test_sections_title_the_questions_after_them(survey):
    questions = survey.question_list()
    assert [(q.number, q.section) for q in questions] == [
        (1, "Travel"),
        (2, "Travel"),
        (3, "Travel"),
        (4, "Travel"),
        (5, "About you"),
    ]
    assert questions[0].section_intro == "How you get about."


def test_conditions_name_an_earlier_question_and_answer_by_their_wording(survey):
    miles, buses, route = survey.question_list()[1:4]
    assert miles.condition == ("drive", "o1") and buses.condition == ("drive", "o2")
    assert route.condition == ("buses", "b2")
    assert miles.condition_text == "answered “Yes” to “Do you drive?”"


def test_who_is_asked_what_follows_their_answers(survey):
    questions = survey.question_list()
    ids = lambda answers: [q.id for q in shown_questions(questions, answers)]  # noqa: E731
    assert ids({}) == ["drive", "why"]
    assert ids({"drive": "o1"}) == ["drive", "miles", "why"]
    assert ids({"drive": "o2", "buses": ["b1", "b2"]}) == ["drive", "buses", "route", "why"]
    # a stale answer to a question no longer asked shows nothing that depends on it
    assert ids({"drive": "o1", "buses": ["b2"]}) == ["drive", "miles", "why"]


def test_a_required_question_not_asked_needs_no_answer(survey):
    answers, errors = check(survey, {"q-drive": "o2"})
    assert errors == {} and answers == {"drive": "o2"}
    assert check(survey, {"q-drive": "o1"})[1] == {"miles": "Answer “How many miles a week?”."}


def test_an_answer_to_a_question_not_asked_is_refused_and_nothing_is_kept(survey, resident):
    post = {"q-drive": "o2", "q-miles": "40"}
    answers, errors = check(survey, post)
    assert errors == {
        "miles": "Leave “How many miles a week?” unanswered: it is only for people who answered “Yes” to "
        "“Do you drive?”."
    }
    with pytest.raises(services.SurveyAnswersInvalid):
        services.save_answers(user=resident, survey=survey, data=post)
    assert not SurveyResponse.objects.exists()


def test_conditions_chain_through_multiple_choice(survey):
    answers, errors = check(survey, {"q-drive": "o2", "q-buses": ["b2"], "q-route": "The 2 to town"})
    assert errors == {} and answers["route"] == "The 2 to town"
    assert "route" in check(survey, {"q-drive": "o2", "q-buses": ["b1"], "q-route": "x"})[1]


def test_page_groups_questions_under_section_headings_and_says_whom_each_is_for(client, resident, survey):
    sign_in(client, resident)
    html = client.get(survey.url).content.decode()
    assert (
        '<h2 class="survey-section">Travel</h2>' in html
        and '<h2 class="survey-section">About you</h2>' in html
    )
    assert 'id="q-miles" data-show-if="drive" data-show-answer="o1"' in html
    assert "Answer this only if you answered “Yes” to “Do you drive?”." in html
    assert "js/survey-conditions.js" in html


def test_check_answers_lists_only_the_questions_asked(client, resident, survey):
    sign_in(client, resident)
    response = client.post(f"/consultations/surveys/{survey.pk}/answers/", {"q-drive": "o1", "q-miles": "12"})
    assert response.status_code == 302
    html = client.get(f"/consultations/surveys/{survey.pk}/check/").content.decode()
    assert "How many miles a week?" in html and "Which buses do you use?" not in html
    assert html.index("Travel") < html.index("About you")


def test_hidden_answer_from_the_form_rerenders_with_the_error_and_saves_nothing(client, resident, survey):
    sign_in(client, resident)
    response = client.post(f"/consultations/surveys/{survey.pk}/answers/", {"q-drive": "o2", "q-miles": "12"})
    assert response.status_code == 400
    assert "Leave “How many miles a week?” unanswered" in response.content.decode()
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    ("condition", "problem"),
    [
        (shown_if("Do you cycle?", "Yes"), "“Do you cycle?” is not an earlier choice question."),
        (shown_if("Do you drive?", "Sometimes"), "“Sometimes” is not an answer to “Do you drive?”."),
        (shown_if("Anything else?", "x"), "“Anything else?” is not an earlier choice question."),
    ],
)
def test_a_condition_naming_no_earlier_question_or_answer_is_refused_in_the_editor(condition, problem):
    raw = [
        question("single_choice", "drive", "Do you drive?", options=options("Yes", "No")),
        question("free_text", "why2", "Anything else?"),
        question("number", "miles", "How many miles?", **condition),
    ]
    stream = SurveyPage._meta.get_field("questions").to_python(raw)
    [found] = condition_problems(questions_from_stream(stream))
    assert problem in found and found.startswith("Question 3 (“How many miles?”)")


def test_a_condition_on_a_later_question_is_refused():
    raw = [
        question("number", "miles", "How many miles?", **shown_if("Do you drive?", "Yes")),
        question("single_choice", "drive", "Do you drive?", options=options("Yes", "No")),
    ]
    stream = SurveyPage._meta.get_field("questions").to_python(raw)
    assert len(condition_problems(questions_from_stream(stream))) == 1
