import pytest
from wagtail.test.utils.form_data import rich_text

from consultations.models import SurveyPage, SurveyResponse
from consultations.surveys.page_forms import answered_counts, removal_problems
from consultations.surveys.questions import questions_from_stream
from tests.consultations.surveys.factories import make_survey, options, question


def stream(raw):
    return SurveyPage._meta.get_field("questions").to_python(raw)


QUESTIONS = [
    question("single_choice", "colour", "Colour?", options=options("Green", "Blue", "Grey")),
    question("free_text", "why", "Why?", required=False, max_length=100),
]


@pytest.fixture
def survey(consultation):
    page = make_survey(consultation, QUESTIONS)
    SurveyResponse.objects.create(survey=page, answers={"colour": "o1"}, submitted_at="2026-01-01T00:00Z")
    return page


def problems(survey, new_raw):
    old = questions_from_stream(stream(QUESTIONS))
    return removal_problems(old, questions_from_stream(stream(new_raw)), answered_counts(survey))


def test_removing_an_answered_question_is_refused(survey):
    found = problems(survey, QUESTIONS[1:])
    assert found == [
        "“Colour?” has 1 answer, so it cannot be removed. Mark it optional or reword it instead."
    ]


def test_removing_an_answered_option_is_refused_and_an_unanswered_one_allowed(survey):
    kept_green = [question("single_choice", "colour", "Colour?", options=options("Green")), QUESTIONS[1]]
    assert problems(survey, kept_green) == []
    without_green = [question("single_choice", "colour", "Colour?", options=options("Green", "Blue")[1:])]
    assert problems(survey, without_green + QUESTIONS[1:]) == [
        "The option “Green” of “Colour?” was chosen 1 time, so it cannot be removed. Reword it instead."
    ]


def test_rewording_and_removing_unanswered_questions_is_allowed(survey):
    reworded = [question("single_choice", "colour", "Which colour?", options=options("Lime", "Navy", "Ash"))]
    assert problems(survey, reworded) == []


def test_changing_an_answered_questions_kind_is_refused(survey):
    changed = [question("free_text", "colour", "Colour?", max_length=100)]
    assert problems(survey, changed) == ["“Colour?” has 1 answer, so its type cannot change."]


def _form_data(survey, questions_raw):
    data = {
        "title": survey.title,
        "slug": survey.slug,
        "intro": rich_text(""),
        "layout": "all",
        "questions-count": str(len(questions_raw)),
    }
    for i, q in enumerate(questions_raw):
        prefix = f"questions-{i}"
        data.update(
            {
                f"{prefix}-type": q["type"],
                f"{prefix}-id": q["id"],
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(i),
            }
        )
        value = q["value"]
        data[f"{prefix}-value-question"] = value["question"]
        data[f"{prefix}-value-help_text"] = value.get("help_text", "")
        if value.get("required"):
            data[f"{prefix}-value-required"] = "on"
        if "max_length" in value:
            data[f"{prefix}-value-max_length"] = str(value["max_length"])
        for key, text in (value.get("show_only_if") or {}).items():
            data[f"{prefix}-value-show_only_if-{key}"] = text
        if "options" in value:
            data[f"{prefix}-value-options-count"] = str(len(value["options"]))
            for j, option in enumerate(value["options"]):
                o = f"{prefix}-value-options-{j}"
                data.update(
                    {
                        f"{o}-value": option["value"],
                        f"{o}-id": option["id"],
                        f"{o}-deleted": "",
                        f"{o}-order": str(j),
                    }
                )
    return data


def _form(survey, questions_raw, officer):
    form_class = SurveyPage.get_edit_handler().get_form_class()
    return form_class(
        _form_data(survey, questions_raw), instance=survey, parent_page=survey.get_parent(), for_user=officer
    )


def test_the_wagtail_form_refuses_to_save_a_removal_with_an_explanation(survey, officer):
    form = _form(survey, QUESTIONS[1:], officer)
    assert not form.is_valid()
    assert "cannot be removed" in str(form.errors["questions"])


def test_the_wagtail_form_accepts_a_rewording(survey, officer):
    reworded = [
        question("single_choice", "colour", "Which colour?", options=options("Lime", "Navy", "Ash")),
        QUESTIONS[1],
    ]
    form = _form(survey, reworded, officer)
    assert form.is_valid(), form.errors


def test_officers_add_surveys_only_to_their_own_organisations_consultations(client, consultation, officer):
    from django.urls import reverse

    from tests.civic.factories import OrganisationFactory, UserFactory
    from tests.support.auth import sign_in

    add = reverse("wagtailadmin_pages:add", args=["consultations", "surveypage", consultation.pk])
    sign_in(client, officer)
    assert client.get(add).status_code == 200
    sign_in(client, UserFactory(roles=["Officers"], organisation=OrganisationFactory()))
    assert client.get(add).status_code in (302, 403)


def test_the_wagtail_form_refuses_a_condition_naming_no_earlier_answer(survey, officer):
    conditional = question(
        "free_text",
        "why",
        "Why?",
        required=False,
        max_length=100,
        show_only_if={"question": "Colour?", "answer": "Red"},
    )
    form = _form(survey, [QUESTIONS[0], conditional], officer)
    assert not form.is_valid()
    assert "“Red” is not an answer to “Colour?”." in str(form.errors["questions"])
    conditional["value"]["show_only_if"]["answer"] = "blue"
    assert _form(survey, [QUESTIONS[0], conditional], officer).is_valid()
