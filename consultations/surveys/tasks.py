"""Background work for surveys: the link that counts answers sent without an account."""

from django.conf import settings
from django.core.mail import mailers
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from civic import emails
from civic.links import absolute


@task
def send_confirmation_email(response_id: int) -> int:
    """Email the link that counts answers sent without an account; returns how many were sent."""
    from .confirmation import confirmation_token  # services enqueue this task: imported when it runs
    from .models import SurveyResponse

    response = SurveyResponse.objects.select_related("survey").filter(pk=response_id).first()
    if response is None or not response.awaiting_confirmation or not response.contact_email:
        return 0
    with emails.in_language(language=getattr(response, "language", "")):  # the language they answered in
        url = absolute(reverse("consultations:survey_confirm", args=[confirmation_token(response)]))
        context = {"survey": response.survey, "url": url, "hours": settings.SURVEY_CONFIRMATION_HOURS}
        body = render_to_string("consultations/surveys/email/confirm_response.txt", context)
        message = emails.build(_("Confirm your survey answers"), body, [response.contact_email])
        return mailers.default.send_messages([message]) or 0
