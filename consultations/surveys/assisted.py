"""Assisted digital: officers type in survey answers received on paper, by phone or at an event,
with the channel recorded, as consultations.moderation.enter_on_behalf does for comments."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from civic import names, ratelimit
from civic.models import User

from ..models import Comment
from ..services import ParticipationError, check_published
from .models import SurveyPage, SurveyResponse
from .permissions import can_enter_responses
from .questions import clean_answers, raw_from_post
from .services import SurveyAnswersInvalid
from .wordings import seen

CHANNELS = [
    (Comment.Channel.PAPER, gettext_lazy("On paper")),
    (Comment.Channel.PHONE, gettext_lazy("By phone")),
    (Comment.Channel.EVENT, gettext_lazy("At an event")),
]


def enter_response(
    *,
    officer: User,
    survey: SurveyPage,
    data: Mapping[str, Any],
    channel: str,
    respondent_name: str = "",
    respondent_postcode: str = "",
    consent: bool = False,
) -> SurveyResponse:
    """One resident's answers, checked as theirs would be; every problem is reported at once and
    nothing is saved unless all is well. The name and postcode are never shown publicly."""
    if not can_enter_responses(officer, survey):
        raise ParticipationError(_("You cannot enter responses for this survey."), code="forbidden")
    check_published(survey)
    errors: dict[str, str] = {}
    if channel not in dict(CHANNELS):
        errors["channel"] = _("Choose how the response was received: on paper, by phone or at an event.")
    questions = survey.question_list()
    answers, question_errors = clean_answers(questions, raw_from_post(questions, data))
    errors.update(question_errors)
    try:
        respondent = names.clean_private_name(respondent_name, max_length=120)
    except ValidationError as exc:
        errors["respondent_name"] = exc.messages[0]
    postcode = " ".join((respondent_postcode or "").upper().split())
    if len(postcode) > 8 or not all(c.isalnum() or c == " " for c in postcode):
        errors["respondent_postcode"] = _("Enter a postcode like NB1 2AB, or leave it empty.")
    if not consent:
        errors["consent"] = _("Record that the resident agreed to their response being used.")
    if errors:
        raise SurveyAnswersInvalid(errors)
    try:
        ratelimit.hit("write", str(officer.pk))
    except ratelimit.RateLimited as exc:
        raise ParticipationError(str(exc), code="rate_limited") from exc
    with transaction.atomic():
        response = SurveyResponse.objects.create(
            survey=survey,
            user=None,
            entered_by=officer,
            channel=channel,
            answers=answers,
            wording=seen(questions, answers),  # the wording on the form the officer typed them into
            submitted_at=timezone.now(),
            respondent_name=respondent,
            respondent_postcode=postcode,
            consent_recorded=True,
        )
        log(
            instance=response,
            action="civic.assisted_entry",
            user=officer,
            data={"channel": channel, "survey": survey.pk},
        )
    return response
