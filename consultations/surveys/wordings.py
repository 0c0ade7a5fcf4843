"""Which wording of each question people saw: kept when a survey is published, counted in results."""

from dataclasses import dataclass

from django.db import connection

from .models import QuestionWording, SurveyPage, SurveyResponse
from .questions import Question


@dataclass
class WordingResult:
    label: str
    options: list[str]
    answered: int
    current: bool


def record_wordings(survey: SurveyPage) -> None:
    """Keep the published wording of every question (one insert; known wordings are left alone)."""
    QuestionWording.objects.bulk_create(
        [
            QuestionWording(
                survey=survey,
                question_id=q.id,
                digest=q.wording,
                label=q.label,
                options=q.source_labels,
            )
            for q in survey.question_list()
        ],
        ignore_conflicts=True,
    )


def seen(questions: list[Question], answers: dict) -> dict[str, str]:
    """The wording fingerprint of each question answered, as it is now (stored when answers are sent)."""
    return {q.id: q.wording for q in questions if q.id in answers}


WORDING_SQL = """
    SELECT e.key, e.value, count(*) FROM {table} r CROSS JOIN LATERAL jsonb_each_text(r.wording) e
    WHERE r.survey_id = %s AND r.submitted_at IS NOT NULL
    AND NOT r.awaiting_confirmation GROUP BY e.key, e.value
"""


def _counts(survey: SurveyPage) -> dict[tuple[str, str], int]:
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(SurveyResponse._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(WORDING_SQL.format(table=table), [survey.pk])
            return {(key, digest): n for key, digest, n in cursor.fetchall()}
    counts: dict[tuple[str, str], int] = {}
    rows = SurveyResponse.objects.filter(survey=survey).submitted().values_list("wording", flat=True)
    for wording in rows.iterator(chunk_size=2000):
        for key, digest in (wording or {}).items():
            counts[(key, digest)] = counts.get((key, digest), 0) + 1
    return counts


def wordings_seen(survey: SurveyPage, questions: list[Question]) -> dict[str, list[WordingResult]]:
    """For each question answered under more than one wording: each wording and how many answered it
    (the current one first). Two queries, however many responses."""
    counts = _counts(survey)
    digests: dict[str, set[str]] = {}
    for key, digest in counts:
        digests.setdefault(key, set()).add(digest)
    changed = {q.id: q for q in questions if digests.get(q.id, set()) - {q.wording}}
    if not changed:
        return {}
    texts = {
        (w.question_id, w.digest): w
        for w in QuestionWording.objects.filter(survey=survey, question_id__in=list(changed)).order_by(
            "published_at"
        )
    }
    found: dict[str, list[WordingResult]] = {}
    for qid, q in changed.items():
        rows = [
            WordingResult(q.label, [label for _, label in q.options], counts.get((qid, q.wording), 0), True)
        ]
        for digest in sorted(digests[qid] - {q.wording}, key=lambda d: (qid, d) not in texts):
            text = texts.get((qid, digest))
            rows.append(
                WordingResult(
                    text.label if text else "(wording not recorded)",
                    list(text.options) if text else [],
                    counts[(qid, digest)],
                    False,
                )
            )
        found[qid] = rows
    return found
