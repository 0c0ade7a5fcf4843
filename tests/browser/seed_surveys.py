"""Surveys for the browser journeys: one asked a question per page, one with all questions on one page."""


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
    return found
