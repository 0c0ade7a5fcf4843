import pytest

from consultations.surveys.questions import AGREEMENT, clean_answers, raw_from_post, recheck_stored
from tests.consultations.surveys.factories import make_survey, question, valid_post


@pytest.fixture
def questions(consultation):
    return make_survey(consultation).question_list()


def check(questions, post):
    return clean_answers(questions, raw_from_post(questions, post))


def test_question_ids_and_option_ids_come_from_the_blocks(questions):
    assert [q.id for q in questions] == ["colour", "days", "agree", "why", "people", "moved"]
    assert questions[0].options == (("o1", "Green"), ("o2", "Blue"), ("o3", "Grey"))
    assert questions[2].options == AGREEMENT
    assert [q.number for q in questions] == [1, 2, 3, 4, 5, 6]


def test_valid_answers_are_stored_by_question_id(questions):
    answers, errors = check(questions, valid_post())
    assert errors == {}
    assert answers == {
        "colour": "o2",
        "days": ["d1", "d3"],
        "agree": "agree",
        "why": "Because it is tidy.",
        "people": 3,
        "moved": "2020-11-05",
    }


def test_every_required_question_left_empty_says_so(questions):
    answers, errors = check(questions, {})
    assert answers == {}
    assert set(errors) == {"colour", "days", "agree", "why", "people", "moved"}
    assert errors["colour"] == "Select an answer for “Which bin colour?”."
    assert errors["days"].startswith("Select at least one")


def test_optional_questions_may_be_left_empty(consultation):
    survey = make_survey(
        consultation, [question("free_text", "t", "Anything else?", required=False, max_length=100)]
    )
    assert check(survey.question_list(), {}) == ({}, {})


@pytest.mark.parametrize(
    ("field", "value", "question_id"),
    [
        ("q-colour", "o9", "colour"),  # a tampered option id
        ("q-colour", "Green", "colour"),  # a label is not an option id
        ("q-days", ["d1", "nope"], "days"),
        ("q-days", ["d1", "d1"], "days"),
        ("q-agree", "very", "agree"),
        ("q-why", "x" * 51, "why"),
        ("q-people", "0", "people"),  # below the minimum
        ("q-people", "21", "people"),
        ("q-people", "2.5", "people"),
        ("q-people", "²", "people"),
        ("q-people", "9" * 40, "people"),
        ("q-moved-day", "31", "moved"),  # with month 11: 31 November
        ("q-moved-year", "20", "moved"),
        ("q-moved-month", "١", "moved"),
    ],
)
def test_each_kind_refuses_bad_answers(questions, field, value, question_id):
    post = valid_post()
    post[field] = value
    answers, errors = check(questions, post)
    assert list(errors) == [question_id]


def test_free_text_is_stored_as_plain_text(questions):
    post = valid_post()
    post["q-why"] = "<b>Tidy</b>\x00 streets<script>alert(1)</script>"
    answers, errors = check(questions, post)
    assert errors == {}
    assert answers["why"] == "Tidy streets"


def test_multiple_choice_answers_keep_the_options_order(questions):
    post = valid_post()
    post["q-days"] = ["d3", "d1"]
    assert check(questions, post)[0]["days"] == ["d1", "d3"]


def test_stored_answers_are_checked_again_against_changed_questions(questions):
    answers, _ = check(questions, valid_post())
    changed = [q for q in questions if q.id != "colour"]
    assert recheck_stored(changed, answers) == ({k: v for k, v in answers.items() if k != "colour"}, {})
    answers["days"] = ["gone"]
    assert list(recheck_stored(questions, answers)[1]) == ["days"]


def test_answers_display_as_people_read_them(questions):
    answers, _ = check(questions, valid_post())
    shown = {q.id: q.display(answers[q.id]) for q in questions}
    assert shown == {
        "colour": "Blue",
        "days": "Mon; Wed",
        "agree": "Agree",
        "why": "Because it is tidy.",
        "people": "3",
        "moved": "5 November 2020",
    }
