"""Answering bit by bit: one question per page, saving to come back later, and where to carry on.

The draft on a person's response holds their answers so far, kept server-side; it becomes their
response only when they send it from the check-your-answers page (services.submit_response)."""

from collections.abc import Mapping
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils.translation import gettext as _

from civic.types import Account

from ..services import ParticipationError
from . import services
from .models import SurveyPage, SurveyResponse
from .questions import Question, clean_answers, clean_one, raw_from_post, shown_questions


def answers_so_far(response: SurveyResponse | None) -> dict[str, Any]:
    """The draft if there is one, else the answers sent (which a change starts from)."""
    if response is None:
        return {}
    return dict(response.draft if response.draft is not None else response.answers or {})


def _keep_draft(owner: dict[str, Any], survey: SurveyPage, change) -> SurveyResponse:
    """Apply `change` to this person's answers so far, under a row lock (two tabs cannot interleave).

    `owner` finds their response: their account, or their browser session's token (services._owner)."""
    with transaction.atomic():
        response = SurveyResponse.objects.select_for_update().filter(survey=survey, **owner).first()
        draft = answers_so_far(response)
        change(draft)
        shown = {q.id for q in shown_questions(survey.question_list(), draft)}
        draft = {qid: value for qid, value in draft.items() if qid in shown}  # answers no longer asked go
        if response is None:
            response, _ = SurveyResponse.objects.get_or_create(
                survey=survey, **owner, defaults={"draft": draft}
            )
        response.draft = draft
        response.save(update_fields=["draft", "updated_at"])
    return response


def save_one(
    *,
    user: Account,
    survey: SurveyPage,
    question_id: str,
    data: Mapping[str, Any],
    session: SessionBase | None = None,
    address: str = "",
) -> SurveyResponse:
    """Check one question's answer (one question per page) and add it to the draft.

    A question this person is not asked, given their answers so far, is refused; changing an
    answer drops the answers to questions it no longer leads to."""
    owner = services._check_allowed(user, survey, session, address, step=True)
    questions = survey.question_list()
    so_far = answers_so_far(services.my_response(user, survey, session))
    question = next((q for q in shown_questions(questions, so_far) if q.id == question_id), None)
    if question is None:
        raise ParticipationError(_("That question is not one you are asked."), code="not_asked")
    answers, errors = clean_one(question, data)
    if errors:
        raise services.SurveyAnswersInvalid(errors)

    def change(draft: dict[str, Any]) -> None:
        draft.pop(question.id, None)
        draft.update(answers)

    return _keep_draft(owner, survey, change)


def save_for_later(
    *,
    user: Account,
    survey: SurveyPage,
    data: Mapping[str, Any],
    session: SessionBase | None = None,
    address: str = "",
) -> SurveyResponse:
    """Keep the answers given so far (all questions on one page) without asking for the rest;
    an answer that is wrong is still refused and nothing is kept."""
    owner = services._check_allowed(user, survey, session, address, step=True)
    questions = survey.question_list()
    answers, errors = clean_answers(questions, raw_from_post(questions, data), partial=True)
    if errors:
        raise services.SurveyAnswersInvalid(errors)

    def change(draft: dict[str, Any]) -> None:
        draft.clear()
        draft.update(answers)

    return _keep_draft(owner, survey, change)


def next_question(
    questions: list[Question], answers: Mapping[str, Any], after: str | None
) -> Question | None:
    """The question asked after `after` (the first when None), or None when there are no more."""
    shown = shown_questions(questions, answers)
    ids = [q.id for q in shown]
    start = ids.index(after) + 1 if after in ids else 0
    return shown[start] if start < len(shown) else None


def previous_question(questions: list[Question], answers: Mapping[str, Any], before: str) -> Question | None:
    shown = shown_questions(questions, answers)
    ids = [q.id for q in shown]
    return shown[ids.index(before) - 1] if before in ids and ids.index(before) > 0 else None


def resume_at(questions: list[Question], answers: Mapping[str, Any]) -> Question | None:
    """Where to carry on: after the last question answered (None: all done, check the answers)."""
    answered = [q.id for q in shown_questions(questions, answers) if q.id in answers]
    return next_question(questions, answers, answered[-1] if answered else None)


def first_unanswered(questions: list[Question], answers: Mapping[str, Any]) -> Question | None:
    """The first question asked that still needs an answer (a required one left empty)."""
    return next((q for q in shown_questions(questions, answers) if q.required and q.id not in answers), None)
