"""Surveys for tests: question and option ids are fixed, as Wagtail's editor keeps them."""

from consultations.models import SurveyPage


def options(*labels: str, prefix: str = "o") -> list[dict]:
    return [{"type": "item", "id": f"{prefix}{i}", "value": label} for i, label in enumerate(labels, 1)]


def question(kind: str, qid: str, label: str, *, required: bool = True, help_text: str = "", **extra) -> dict:
    value = {"question": label, "help_text": help_text, "required": required, **extra}
    return {"type": kind, "id": qid, "value": value}


def every_kind() -> list[dict]:
    """One question of each kind, all required."""
    return [
        question("single_choice", "colour", "Which bin colour?", options=options("Green", "Blue", "Grey")),
        question(
            "multiple_choice",
            "days",
            "Which days suit you?",
            options=options("Mon", "Tue", "Wed", prefix="d"),
        ),
        question("agreement", "agree", "The plan is good."),
        question("free_text", "why", "Why?", max_length=50),
        question("number", "people", "How many people live with you?", min_value=1, max_value=20),
        question("date", "moved", "When did you move in?"),
    ]


def valid_post() -> dict:
    return {
        "q-colour": "o2",
        "q-days": ["d1", "d3"],
        "q-agree": "agree",
        "q-why": "Because it is tidy.",
        "q-people": "3",
        "q-moved-day": "5",
        "q-moved-month": "11",
        "q-moved-year": "2020",
    }


def make_survey(consultation, questions=None, *, live=True, **fields) -> SurveyPage:
    n = SurveyPage.objects.count() + 1
    page = SurveyPage(
        title=fields.pop("title", f"Survey {n}"),
        slug=fields.pop("slug", f"survey-{n}"),
        questions=questions if questions is not None else every_kind(),
        live=live,
        **fields,
    )
    consultation.add_child(instance=page)
    return SurveyPage.objects.get(pk=page.pk)
