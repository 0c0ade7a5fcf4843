"""Surveys the browser tests need: one open to people without an account (confirmed by email),
with a counted answer to link to. Called by seed.py, inside its Django setup."""

from django.utils import timezone


def seed_surveys(consultation) -> dict:
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
