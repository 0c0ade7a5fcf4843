"""Surveys for the browser tests, called by seed.py inside its Django setup: one asked a question
per page and one with all questions on one page (the journeys), and one open to people without an
account, confirmed by email, with a counted answer to link to (the page checks)."""

from django.utils import timezone


def _options(*labels, prefix="o"):
    return [{"type": "item", "id": f"{prefix}{i}", "value": label} for i, label in enumerate(labels, 1)]


def _questions():
    def q(kind, qid, label, **value):
        return {
            "type": kind,
            "id": qid,
            "value": {"question": label, "help_text": "", "required": True, **value},
        }

    return [
        {"type": "section", "id": "s-travel", "value": {"title": "Getting to hospital", "intro": ""}},
        q("single_choice", "drive", "Do you drive to the hospital?", options=_options("Yes", "No")),
        q(
            "number",
            "parking",
            "How many minutes do you spend finding a parking space?",
            min_value=0,
            max_value=300,
            show_only_if={"question": "Do you drive to the hospital?", "answer": "Yes"},
        ),
        q(
            "ranking",
            "priorities",
            "Put these in order of importance",
            options=_options("Parking", "Buses", "Cycling"),
        ),
        {"type": "section", "id": "s-you", "value": {"title": "About you", "intro": ""}},
        q("ward", "ward", "Which ward do you live in?", ask="ward"),
        q("free_text", "else", "Anything else?", required=False, max_length=500),
    ]


def seed_surveys(consultation) -> dict:
    """Two live surveys under an open consultation; their paths for the tests."""
    from consultations.models import SurveyPage

    found = {}
    for slug, layout in (("hospital-travel-survey", "paged"), ("hospital-travel-survey-one-page", "all")):
        survey = SurveyPage.objects.filter(slug=slug).first()
        if survey is None:
            survey = SurveyPage(
                title="Hospital travel survey", slug=slug, layout=layout, questions=_questions(), live=True
            )
            consultation.add_child(instance=survey)
            survey.save_revision().publish()
        found[f"survey_{layout}_id"] = survey.pk
        found[f"survey_{layout}_url"] = survey.get_url()
    found.update(_seed_anonymous_survey(consultation))
    return found


def _seed_anonymous_survey(consultation) -> dict:
    from consultations.models import SurveyPage, SurveyResponse

    questions = [
        {
            "type": "single_choice",
            "id": "contact",
            "value": {
                "question": "How would you like the ward to contact you?",
                "help_text": "",
                "required": True,
                "options": [
                    {"type": "item", "id": "phone", "value": "By phone"},
                    {"type": "item", "id": "letter", "value": "By letter"},
                ],
            },
        },
        {
            "type": "free_text",
            "id": "better",
            "value": {
                "question": "What would have made leaving hospital easier?",
                "help_text": "",
                "required": False,
                "max_length": 500,
            },
        },
    ]
    survey = SurveyPage(
        title="Leaving hospital: a short survey",
        slug="leaving-hospital-survey",
        questions=questions,
        allow_anonymous=True,
        confirm_by_email=True,
    )
    consultation.add_child(instance=survey)
    survey.save_revision().publish()
    answered = SurveyResponse.objects.create(
        survey=survey,
        answers={"contact": "phone", "better": "A named nurse to call in the first week."},
        submitted_at=timezone.now(),
    )
    return {
        "survey_id": survey.pk,
        "survey_url": survey.get_url(),
        "survey_answer_url": f"/consultations/surveys/answers/{answered.pk}/better/",
    }
