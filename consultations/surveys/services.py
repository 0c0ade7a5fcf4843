"""The one write path for survey responses, and the results arithmetic officers read."""

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from civic import clientip, ratelimit
from civic.types import Account, signed_in

from ..services import ParticipationError, check_reachable
from ..summaries import charts
from ..summaries.figures import SUPPRESS_BELOW, suppress
from .models import SurveyPage, SurveyResponse
from .permissions import can_answer
from .questions import Question, clean_answers, raw_from_post, recheck_stored
from .rankings import average_position, positions
from .tasks import send_confirmation_email
from .wordings import WordingResult, seen, wordings_seen


class SurveyAnswersInvalid(ParticipationError):
    """Some answers were refused; `errors` maps question ids to what is wrong with each."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(_("There is a problem with your answers."), code="invalid")


def _session_token(survey: SurveyPage, session: SessionBase | None, *, create: bool) -> uuid.UUID | None:
    """The random token a browser session answers a survey under when nobody is signed in."""
    if session is None:
        return None
    key = f"survey-respondent:{survey.pk}"
    try:
        return uuid.UUID(str(session[key]))
    except (KeyError, ValueError):
        if not create:
            return None
    token = uuid.uuid4()
    session[key] = str(token)
    return token


def _owner(
    user: Account, survey: SurveyPage, session: SessionBase | None, *, create: bool = False
) -> dict[str, Any]:
    """How this person's response is found: their account, or (without one, where the survey
    allows it) their browser session's token. Empty when they have none."""
    account = signed_in(user)
    if account is not None:
        return {"user": account}
    if not survey.allow_anonymous:
        return {}
    token = _session_token(survey, session, create=create)
    return {} if token is None else {"user": None, "respondent_token": token}


def _check_allowed(
    user: Account, survey: SurveyPage, session: SessionBase | None, address: str, *, step: bool = False
) -> dict[str, Any]:
    """Refuse someone who may not answer now; count the write; return how their response is found.

    `step`: keeping answers so far (one question per page, save for later). Those count against
    their own, looser limits (per person, or without an account per address): a long survey
    answered a page at a time must not meet the general write limit, or use up the limit on
    responses sent from one address."""
    check_reachable(user, survey, session=session)
    decision = can_answer(user, survey)
    if not decision:
        raise ParticipationError(decision.reason, code="forbidden")
    account = signed_in(user)
    if account is None and session is None:  # no session, nothing to hold one response per person
        raise ParticipationError(_("Turn on cookies to answer without an account."), code="forbidden")
    try:
        if account is not None and step:
            ratelimit.hit("survey-page", str(account.pk), settings.SURVEY_PAGE_RATE_LIMIT)
        elif account is not None:
            ratelimit.hit("write", str(account.pk))
        else:  # new sessions are free to make: the address pays for each write
            key = clientip.limit_key(address or clientip.UNKNOWN)
            if step:
                ratelimit.hit("survey-anonymous-step", key, settings.ANONYMOUS_SURVEY_STEP_RATE_LIMIT)
            else:
                ratelimit.hit("survey-anonymous", key, settings.ANONYMOUS_SURVEY_RATE_LIMIT)
    except ratelimit.RateLimited as exc:
        raise ParticipationError(str(exc), code="rate_limited") from exc
    return _owner(user, survey, session, create=True)


def my_response(
    user: Account, survey: SurveyPage, session: SessionBase | None = None
) -> SurveyResponse | None:
    owner = _owner(user, survey, session)
    if not owner:
        return None
    return SurveyResponse.objects.filter(survey=survey, **owner).first()


def save_answers(
    *,
    user: Account,
    survey: SurveyPage,
    data: Mapping[str, Any],
    session: SessionBase | None = None,
    address: str = "",
) -> SurveyResponse:
    """Check a form's answers against the survey's current questions and keep them for the
    check-your-answers page; nothing is kept if any answer is refused."""
    owner = _check_allowed(user, survey, session, address)
    answers, errors = clean_answers(survey.question_list(), raw_from_post(survey.question_list(), data))
    if errors:
        raise SurveyAnswersInvalid(errors)
    # update_or_create locks the row, and retries the lookup if the same person's form raced it
    response, _created = SurveyResponse.objects.update_or_create(
        survey=survey, **owner, defaults={"draft": answers}
    )
    return response


def needs_confirmation(user: Account, survey: SurveyPage, response: SurveyResponse | None) -> bool:
    """Whether sending these answers waits for an emailed link: without an account, on a survey
    that asks for it, until the person has confirmed once."""
    if signed_in(user) is not None or not survey.confirm_by_email:
        return False
    return response is None or response.awaiting_confirmation or not response.email_digest


class SurveyEmailInvalid(ParticipationError):
    """The email address to confirm answers with is missing or malformed."""

    def __init__(self) -> None:
        super().__init__(
            _("Enter an email address in the correct format, like name@example.com."),
            code="invalid",
            field="email",
        )


def email_digest(email: str) -> str:
    """A keyed digest of an address: tells two confirmations from one address apart from others
    without keeping the address itself."""
    return salted_hmac("surveys.respondent-email", email.strip().lower(), algorithm="sha256").hexdigest()


def _clean_email(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise SurveyEmailInvalid() from None
    if len(email) > 254:
        raise SurveyEmailInvalid()
    return email


def submit_response(
    *,
    user: Account,
    survey: SurveyPage,
    session: SessionBase | None = None,
    address: str = "",
    email: str = "",
) -> SurveyResponse:
    """Confirm the checked answers: they become this person's response (replacing an earlier one).

    Without an account on a survey that asks for it, the response waits for the link emailed to
    `email` (confirm_response) before it counts."""
    owner = _check_allowed(user, survey, session, address)
    with transaction.atomic():
        response = SurveyResponse.objects.select_for_update().filter(survey=survey, **owner).first()
        if response is None or response.draft is None:
            raise ParticipationError(_("Answer the questions first."), code="no_draft")
        answers, errors = recheck_stored(survey.question_list(), response.draft)
        if errors:  # the survey changed since the answers were checked
            raise SurveyAnswersInvalid(errors)
        fields = ["answers", "wording", "draft", "submitted_at", "updated_at"]
        if needs_confirmation(user, survey, response):
            address_to = _clean_email(email or response.contact_email)
            try:
                ratelimit.hit(
                    "survey-confirm-email",
                    email_digest(address_to),
                    settings.SURVEY_CONFIRMATION_EMAIL_RATE_LIMIT,
                )
            except ratelimit.RateLimited as exc:
                raise ParticipationError(str(exc), code="rate_limited") from exc
            response.contact_email = address_to
            response.email_digest = email_digest(address_to)
            response.awaiting_confirmation = True
            fields += ["contact_email", "email_digest", "awaiting_confirmation"]
            response_id = response.pk
            transaction.on_commit(lambda: send_confirmation_email.enqueue(response_id))
        response.answers = answers
        response.wording = seen(
            survey.question_list(), answers
        )  # the wording on the check page they sent from
        response.draft = None
        response.submitted_at = timezone.now()
        response.save(update_fields=fields)
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
    WHERE r.survey_id = %s AND r.submitted_at IS NOT NULL
    AND NOT r.awaiting_confirmation GROUP BY e.key
"""
CHOSEN_SQL = """
    SELECT e.key, o.option_id, count(*) FROM {table} r
    CROSS JOIN LATERAL jsonb_each(r.answers) e
    CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE jsonb_build_array(e.value) END
    ) o(option_id)
    WHERE r.survey_id = %s AND r.submitted_at IS NOT NULL AND NOT r.awaiting_confirmation
    AND e.key = ANY(%s)
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


def results_version(survey: SurveyPage) -> str:
    """What the results depend on, in one indexed query: the published questions, how many
    responses count and the last sent. Caches of anything computed from responses key on it."""
    seen = (
        SurveyResponse.objects.filter(survey=survey)
        .submitted()
        .aggregate(n=Count("id"), last=Max("submitted_at"))
    )
    published = survey.last_published_at.timestamp() if survey.last_published_at else 0
    last = seen["last"].timestamp() if seen["last"] else 0
    return f"{survey.pk}:{published}:{seen['n']}:{last}"


def results(survey: SurveyPage, version: str | None = None) -> SurveyResults:
    """Counts and percentages per option over submitted responses; counts of 1 to 4 are suppressed
    as in the summaries. Percentages are of the people who answered each question.

    One indexed query fingerprints the responses (how many, the last sent) and the published
    questions; the tally is computed again only when that changes, so a big survey's results page
    does not re-read every response on each view."""
    key = f"survey-results:{get_language()}:{version or results_version(survey)}"
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
            found.append(_ranking_result(survey, q, answered[q.id], ranked[q.id]))
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
            item.chart = charts.bar_chart(
                f"survey-{survey.pk}-q{q.number}", q.label, item.chart_rows, _("people")
            )
        found.append(item)
    for item in found:
        item.wordings = worded.get(item.question.id, [])
    return SurveyResults(responses=total, questions=found)


def _ranking_result(
    survey: SurveyPage, q: Question, n: int, per_option: dict[str, list[int]]
) -> QuestionResult:
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
        title = _("%(question)s: ranked first") % {"question": q.label}
        item.chart = charts.bar_chart(f"survey-{survey.pk}-q{q.number}", title, item.chart_rows, _("people"))
    return item


PERSONAL_COLUMNS = [
    "account_email",
    "account_name",
    "respondent_name",
    "respondent_postcode",
    "entered_by",
    "consent_recorded",
]


def export_rows(survey: SurveyPage, *, personal: bool = False) -> tuple[list[str], Iterator[list[object]]]:
    """The CSV header and rows: one row per submitted response, answers as people read them.

    No personal data unless `personal` (for roles that may see it: permissions.can_see_respondents):
    then, after the answers, the account's email and name, the name and postcode staff typed in,
    who typed them and whether consent was recorded. The row number is the response's own id."""
    questions = survey.question_list()
    header = ["response_id", "submitted_at", "channel"] + [f"Q{q.number}. {q.label}" for q in questions]
    fields = ["id", "submitted_at", "channel", "answers"]
    if personal:
        header += PERSONAL_COLUMNS
        fields += [
            "user__email",
            "user__display_name",
            "respondent_name",
            "respondent_postcode",
            "entered_by__email",
            "consent_recorded",
        ]
    responses = SurveyResponse.objects.filter(survey=survey).submitted().order_by("id").values_list(*fields)

    def rows() -> Iterator[list[object]]:
        for pk, submitted_at, channel, answers, *extra in responses.iterator(chunk_size=2000):
            row: list[object] = [pk, submitted_at.isoformat() if submitted_at else "", channel]
            row += [q.display(answers.get(q.id)) for q in questions]
            if personal:
                *named, consent = extra
                row += [value or "" for value in named] + ["yes" if consent else "no"]
            yield row

    return header, rows()
