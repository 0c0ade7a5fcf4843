"""Answers sent without an account on a survey that asks for it count once their emailed link is
followed: the link, its checks, and the confirmation (the same pattern as reports in mapping)."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..permissions import open_for_contributions
from ..services import ParticipationError
from .models import SurveyResponse

CONFIRM_SALT = "surveys.confirm-response"


class SurveyLinkError(ParticipationError):
    """A confirmation link that is forged, used, expired or for a survey that has closed."""


def confirmation_token(response: SurveyResponse) -> str:
    """The signed value in a response's confirmation link (its age is checked when it comes back)."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(response.pk))


def response_for_token(token: str) -> SurveyResponse:
    """The response waiting for this link; refuses a link that is forged, used or expired."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        response_id = int(signer.unsign(token))
    except (signing.BadSignature, ValueError):
        raise SurveyLinkError(_("This link is not a valid confirmation link."), code="invalid") from None
    response = SurveyResponse.objects.select_related("survey").filter(pk=response_id).first()
    if response is None:
        raise SurveyLinkError(_("These answers no longer exist."), code="not_found")
    if not response.awaiting_confirmation:
        raise SurveyLinkError(_("This link has already been used: your answers were counted."), code="used")
    try:
        signer.unsign(token, max_age=settings.SURVEY_CONFIRMATION_HOURS * 3600)
    except signing.SignatureExpired:
        raise SurveyLinkError(
            _(
                "This link has expired, so your answers were not counted. "
                "Answer the survey again to get a new link."
            ),
            code="expired",
        ) from None
    return response


def confirm_response(*, token: str) -> SurveyResponse:
    """Count the answers, once, while the survey is open. An earlier confirmed response from the
    same email address is replaced: one response per address, as one per account."""
    with transaction.atomic():
        found = response_for_token(token)
        response = (
            SurveyResponse.objects.select_for_update().filter(pk=found.pk, awaiting_confirmation=True).first()
        )
        if response is None:  # two clicks at once: the first one counted
            raise SurveyLinkError(
                _("This link has already been used: your answers were counted."), code="used"
            )
        decision = open_for_contributions(found.survey.consultation)
        if not decision:
            raise SurveyLinkError(decision.reason, code="closed")
        SurveyResponse.objects.filter(
            survey_id=response.survey_id, email_digest=response.email_digest, awaiting_confirmation=False
        ).exclude(pk=response.pk).delete()
        response.awaiting_confirmation = False
        response.contact_email = ""  # proven once; the digest is enough from now on
        response.submitted_at = timezone.now()
        response.save(update_fields=["awaiting_confirmation", "contact_email", "submitted_at", "updated_at"])
    response.survey = found.survey
    return response
