"""Ranking answers counted by position: how many put each option first, second, and so on."""

from django.db import connection

from .models import SurveyPage, SurveyResponse
from .questions import Question

# question id -> option id -> people who put it at each position (index 0: first)
type Positions = dict[str, dict[str, list[int]]]

POSITIONS_SQL = """
    SELECT e.key, o.option_id, o.position, count(*) FROM {table} r
    CROSS JOIN LATERAL jsonb_each(r.answers) e
    CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE '[]'::jsonb END
    ) WITH ORDINALITY o(option_id, position)
    WHERE r.survey_id = %s AND r.submitted_at IS NOT NULL AND NOT r.awaiting_confirmation
    AND e.key = ANY(%s)
    GROUP BY e.key, o.option_id, o.position
"""


def positions(survey: SurveyPage, questions: list[Question]) -> Positions:
    """Counts per position for the survey's ranking questions (one query; none without any)."""
    ranked = [q for q in questions if q.kind == "ranking"]
    found: Positions = {q.id: {o: [0] * len(q.options) for o, _ in q.options} for q in ranked}
    if not ranked:
        return found

    def add(key: str, option_id: str, position: int, n: int) -> None:
        per = found.get(key, {}).get(option_id)
        if per is not None and 1 <= position <= len(per):
            per[position - 1] += n

    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(SurveyResponse._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(POSITIONS_SQL.format(table=table), [survey.pk, list(found)])
            for key, option_id, position, n in cursor.fetchall():
                add(key, option_id, position, n)
        return found
    rows = SurveyResponse.objects.filter(survey=survey).submitted().values_list("answers", flat=True)
    for answers in rows.iterator(chunk_size=2000):
        for key in found:
            value = answers.get(key)
            for position, option_id in enumerate(value if isinstance(value, list) else [], 1):
                add(key, option_id, position, 1)
    return found


def average_position(counts: list[int]) -> float | None:
    """The mean position (1 is first) an option was given, to one decimal place."""
    people = sum(counts)
    if not people:
        return None
    return round(sum(n * position for position, n in enumerate(counts, 1)) / people, 1)
