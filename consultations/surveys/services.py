"""The one write path for survey responses, and the results arithmetic officers read."""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone

from civic import ratelimit
from civic.models import User
from civic.types import Account, signed_in

from ..services import ParticipationError, check_reachable
from ..summaries import charts
from ..summaries.figures import SUPPRESS_BELOW, suppress
from .models import SurveyPage, SurveyResponse
from .permissions import can_answer
from .questions import Question, clean_answers, raw_from_post, recheck_stored
from .rankings import average_position, positions
from .wordings import WordingResult, seen, wordings_seen


class SurveyAnswersInvalid(ParticipationError):
    """Some answers were refused; `errors` maps question ids to what is wrong with each."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("There is a problem with your answers.", code="invalid")


def _check_allowed(
    user: Account,
    survey: SurveyPage,
    session: SessionBase | None,
    *,
    scope: str = "write",
    rate: str | None = None,
) -> User:
    check_reachable(user, survey, session=session)
    decision = can_answer(user, survey)
    account = signed_in(user)
    if not decision or account is None:
        raise ParticipationError(decision.reason, code="forbidden")
    try:
        ratelimit.hit(scope, str(account.pk), rate)
    except ratelimit.RateLimited as exc:
        raise ParticipationError(str(exc), code="rate_limited") from exc
    return account


def my_response(user: Account, survey: SurveyPage) -> SurveyResponse | None:
    account = signed_in(user)
    if account is None:
        return None
    return SurveyResponse.objects.filter(survey=survey, user=account).first()


def save_answers(
    *, user: Account, survey: SurveyPage, data: Mapping[str, Any], session: SessionBase | None = None
) -> SurveyResponse:
    """Check a form's answers against the survey's current questions and keep them for the
    check-your-answers page; nothing is kept if any answer is refused."""
    account = _check_allowed(user, survey, session)
    answers, errors = clean_answers(survey.question_list(), raw_from_post(survey.question_list(), data))
    if errors:
        raise SurveyAnswersInvalid(errors)
    # update_or_create locks the row, and retries the lookup if the same person's form raced it
    response, _ = SurveyResponse.objects.update_or_create(
        survey=survey, user=account, defaults={"draft": answers}
    )
    return response


def submit_response(
    *, user: Account, survey: SurveyPage, session: SessionBase | None = None
) -> SurveyResponse:
    """Confirm the checked answers: they become this person's response (replacing an earlier one)."""
    account = _check_allowed(user, survey, session)
    with transaction.atomic():
        response = SurveyResponse.objects.select_for_update().filter(survey=survey, user=account).first()
        if response is None or response.draft is None:
            raise ParticipationError("Answer the questions first.", code="no_draft")
        answers, errors = recheck_stored(survey.question_list(), response.draft)
        if errors:  # the survey changed since the answers were checked
            raise SurveyAnswersInvalid(errors)
        response.answers = answers
        response.wording = seen(
            survey.question_list(), answers
        )  # the wording on the check page they sent from
        response.draft = None
        response.submitted_at = timezone.now()
        response.save(update_fields=["answers", "wording", "draft", "submitted_at", "updated_at"])
    return response


# Results -----------------------------------------------------------------------------------------


@dataclass
class OptionResult:
    label: str
    count: int | None  # None: a small number, suppressed (ranking: how many put it first)
    percent: int | None
    average: float | None = None  # ranking: the mean position given, shown once enough answered


@dataclass
class QuestionResult:
    question: Question
    answered: int
    options: list[OptionResult]
    chart: charts.Chart | None = None
    wordings: list[WordingResult] = field(default_factory=list)  # when answered under several wordings

    @property
    def chart_rows(self) -> list[tuple[str, int | None]]:
        return [(o.label, o.count) for o in self.options]


@dataclass
class SurveyResults:
    responses: int
    questions: list[QuestionResult]
    suppress_below: int = SUPPRESS_BELOW


# responses sent; people who answered each question; how many chose each option of each question
type TallyRows = tuple[int, dict[str, int], dict[str, dict[str, int]]]


def _tally_in_python(survey: SurveyPage, questions: list[Question]) -> TallyRows:
    """Responses, answers per question and choices per option, reading every response once."""
    answered = {q.id: 0 for q in questions}
    chosen: dict[str, dict[str, int]] = {q.id: {o: 0 for o, _ in q.options} for q in questions}
    total = 0
    rows = SurveyResponse.objects.filter(survey=survey).submitted().values_list("answers", flat=True)
    for answers in rows.iterator(chunk_size=2000):
        total += 1
        for q in questions:
            value = answers.get(q.id)
            if value in (None, "", []):
                continue
            answered[q.id] += 1
            per = chosen[q.id]
            for option_id in value if isinstance(value, list) else [value]:
                if option_id in per:
                    per[option_id] += 1
    return total, answered, chosen


# PostgreSQL counts inside the database (jsonb), so 10,000 responses never travel to Python.
ANSWERED_SQL = """
    SELECT e.key, count(*) FROM {table} r CROSS JOIN LATERAL jsonb_each(r.answers) e
    WHERE r.survey_id = %s AND r.submitted_at IS NOT NULL GROUP BY e.key
"""
CHOSEN_SQL = """
    SELECT e.key, o.option_id, count(*) FROM {table} r
    CROSS JOIN LATERAL jsonb_each(r.answers) e
    CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE jsonb_build_array(e.value) END
    ) o(option_id)
    WHERE r.survey_id = %s AND r.submitted_at IS NOT NULL AND e.key = ANY(%s)
    GROUP BY e.key, o.option_id
"""


def _tally_in_postgresql(survey: SurveyPage, questions: list[Question]) -> TallyRows:
    answered = {q.id: 0 for q in questions}
    chosen: dict[str, dict[str, int]] = {q.id: {o: 0 for o, _ in q.options} for q in questions}
    table = connection.ops.quote_name(SurveyResponse._meta.db_table)
    total = SurveyResponse.objects.filter(survey=survey).submitted().count()
    with connection.cursor() as cursor:
        cursor.execute(ANSWERED_SQL.format(table=table), [survey.pk])
        for key, n in cursor.fetchall():
            if key in answered:
                answered[key] = n
        cursor.execute(CHOSEN_SQL.format(table=table), [survey.pk, [q.id for q in questions if q.is_choice]])
        for key, option_id, n in cursor.fetchall():
            if option_id in chosen.get(key, {}):
                chosen[key][option_id] = n
    return total, answered, chosen


RESULTS_CACHE_SECONDS = 600


def results(survey: SurveyPage) -> SurveyResults:
    """Counts and percentages per option over submitted responses; counts of 1 to 4 are suppressed
    as in the summaries. Percentages are of the people who answered each question.

    One indexed query fingerprints the responses (how many, the last sent) and the published
    questions; the tally is computed again only when that changes, so a big survey's results page
    does not re-read every response on each view."""
    seen = (
        SurveyResponse.objects.filter(survey=survey)
        .submitted()
        .aggregate(n=Count("id"), last=Max("submitted_at"))
    )
    published = survey.last_published_at.timestamp() if survey.last_published_at else 0
    last = seen["last"].timestamp() if seen["last"] else 0
    key = f"survey-results:{survey.pk}:{published}:{seen['n']}:{last}"
    found: SurveyResults | None = cache.get(key)
    if found is None:
        found = _results(survey)
        cache.set(key, found, RESULTS_CACHE_SECONDS)
    return found


def _results(survey: SurveyPage) -> SurveyResults:
    questions = survey.question_list()
    tally = _tally_in_postgresql if connection.vendor == "postgresql" else _tally_in_python
    total, answered, chosen = tally(survey, questions)
    ranked = positions(survey, questions)
    worded = wordings_seen(survey, questions)
    found = []
    for q in questions:
        if q.kind == "ranking":
            found.append(_ranking_result(q, answered[q.id], ranked[q.id]))
            continue
        shown = suppress(chosen[q.id]) if q.is_choice else {}
        n = answered[q.id]
        options = [
            OptionResult(
                label=label,
                count=shown[option_id],
                percent=None if shown[option_id] is None or not n else round(100 * shown[option_id] / n),
            )
            for option_id, label in q.options
        ]
        item = QuestionResult(question=q, answered=n, options=options)
        if q.is_choice and n:
            item.chart = charts.bar_chart(f"survey-q{q.number}", q.label, item.chart_rows, "people")
        found.append(item)
    for item in found:
        item.wordings = worded.get(item.question.id, [])
    return SurveyResults(responses=total, questions=found)


def _ranking_result(q: Question, n: int, per_option: dict[str, list[int]]) -> QuestionResult:
    """How many put each option first (suppressed as counts are) and its average position."""
    shown = suppress({option_id: counts[0] for option_id, counts in per_option.items()})
    options = [
        OptionResult(
            label=label,
            count=shown[option_id],
            percent=None if shown[option_id] is None or not n else round(100 * shown[option_id] / n),
            average=average_position(per_option[option_id]) if n >= SUPPRESS_BELOW else None,
        )
        for option_id, label in q.options
    ]
    item = QuestionResult(question=q, answered=n, options=options)
    if n:
        title = f"{q.label}: ranked first"
        item.chart = charts.bar_chart(f"survey-q{q.number}", title, item.chart_rows, "people")
    return item


def export_rows(survey: SurveyPage) -> tuple[list[str], Iterator[list[object]]]:
    """The CSV header and rows: one row per submitted response, answers as people read them.

    No personal data: no account, name or email; the row number is the response's own id."""
    questions = survey.question_list()
    header = ["response_id", "submitted_at", "channel"] + [f"Q{q.number}. {q.label}" for q in questions]
    responses = (
        SurveyResponse.objects.filter(survey=survey)
        .submitted()
        .order_by("id")
        .values_list("id", "submitted_at", "channel", "answers")
    )

    def rows() -> Iterator[list[object]]:
        for pk, submitted_at, channel, answers in responses.iterator(chunk_size=2000):
            yield [pk, submitted_at.isoformat() if submitted_at else "", channel] + [
                q.display(answers.get(q.id)) for q in questions
            ]

    return header, rows()
