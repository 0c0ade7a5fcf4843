"""Free-text survey answers as contributions to a consultation's themes, with a way back to each."""

from collections.abc import Iterable

from civic.pages import public_pages

from .models import SurveyAnswerTheme, SurveyPage, SurveyResponse

type AnswerKey = tuple[int, str]  # (response id, question id)


def free_text_answers(consultation) -> list[tuple[AnswerKey, str]]:
    """Every counted free-text answer to the consultation's public surveys, in a stable order."""
    found: list[tuple[AnswerKey, str]] = []
    children = SurveyPage.objects.child_of(consultation).live()
    if not children.exists():
        return found
    for survey in public_pages(children).order_by("path"):
        free = [q.id for q in survey.question_list() if q.kind == "free_text"]
        if not free:
            continue
        rows = (
            SurveyResponse.objects.filter(survey=survey)
            .submitted()
            .order_by("id")
            .values_list("id", "answers")
        )
        for response_id, answers in rows.iterator(chunk_size=2000):
            for question_id in free:
                text = answers.get(question_id)
                if isinstance(text, str) and text.strip():
                    found.append(((response_id, question_id), text))
    return found


def save_memberships(rows: Iterable[tuple[int, AnswerKey, float, int | None]]) -> None:
    """Store (theme id, answer, weight, quote rank) rows for freshly computed themes."""
    SurveyAnswerTheme.objects.bulk_create(
        [
            SurveyAnswerTheme(
                theme_id=theme_id, response_id=key[0], question_id=key[1], weight=weight, quote_rank=rank
            )
            for theme_id, key, weight, rank in rows
        ],
        batch_size=2000,
    )
