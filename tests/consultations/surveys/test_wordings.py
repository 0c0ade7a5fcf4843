"""Reworded questions: results say which wording people saw when they sent their answers."""

import pytest

from consultations.models import QuestionWording, SurveyPage
from consultations.surveys import services
from tests.civic.factories import UserFactory
from tests.consultations.surveys.factories import make_survey, options, question
from tests.support.auth import sign_in

FIRST = [
    question("single_choice", "colour", "Colour?", options=options("Green", "Blue")),
    question("free_text", "why", "Why?", required=False),
]


def reword(survey, label):
    survey = SurveyPage.objects.get(pk=survey.pk)
    raw = [dict(block) for block in survey.questions.raw_data]
    raw[0] = question("single_choice", "colour", label, options=options("Green", "Blue"))
    survey.questions = raw
    survey.save_revision().publish()
    return SurveyPage.objects.get(pk=survey.pk)


def answer(survey, n, colour="o1"):
    for _ in range(n):
        person = UserFactory(roles=["Residents"], verified=True)
        services.save_answers(user=person, survey=survey, data={"q-colour": colour})
        services.submit_response(user=person, survey=survey)


@pytest.fixture
def survey(consultation):
    return make_survey(consultation, FIRST)


def test_publishing_keeps_each_questions_wording_once(survey):
    assert set(QuestionWording.objects.values_list("question_id", "label")) == {
        ("colour", "Colour?"),
        ("why", "Why?"),
    }
    reword(survey, "Which colour?")
    reword(survey, "Which colour?")
    labels = list(
        QuestionWording.objects.filter(question_id="colour").order_by("published_at").values_list("label")
    )
    assert labels == [("Colour?",), ("Which colour?",)]


def test_sent_answers_keep_the_wording_they_were_sent_under(survey):
    answer(survey, 1)
    stored = survey.responses.get()
    assert stored.wording == {"colour": survey.question_list()[0].wording}


def test_results_show_each_wording_and_how_many_answered_it(survey):
    answer(survey, 3)
    survey = reword(survey, "Which colour do you prefer?")
    answer(survey, 2, colour="o2")
    colour, why = services.results(survey).questions
    assert [(w.label, w.answered, w.current) for w in colour.wordings] == [
        ("Which colour do you prefer?", 2, True),
        ("Colour?", 3, False),
    ]
    assert why.wordings == []  # never reworded
    assert colour.answered == 5


def test_a_question_never_reworded_shows_no_wordings(survey):
    answer(survey, 2)
    assert all(item.wordings == [] for item in services.results(survey).questions)


def test_results_page_lists_the_wordings(client, officer, survey, django_assert_max_num_queries):
    answer(survey, 1)
    survey = reword(survey, "Which colour?")
    answer(survey, 1)
    sign_in(client, officer)
    with django_assert_max_num_queries(30):
        html = client.get(f"/consultations/surveys/{survey.pk}/results/").content.decode()
    assert "This question was reworded while people were answering." in html
    assert "Colour?" in html and 'Which colour? <span class="hint">(current)</span>' in html
