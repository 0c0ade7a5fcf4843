"""Background work for summaries (Django's Tasks API: immediate in development, a queue in production)."""

from django.core.mail import mailers
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import emails
from civic.links import absolute

from ..notifications import responses_url


@task()
def compute_themes_task(consultation_id: int) -> int:
    """Group a consultation's comments into themes; returns how many comments were grouped."""
    from .services import build_themes

    return build_themes(consultation_id).comment_count


@task()
def notify_followers_task(response_id: int) -> int:
    """Create the followers' notifications of a response (safe to retry: one row per person)."""
    from .models import FeedbackResponse
    from .services import tell_followers

    response = FeedbackResponse.objects.select_related("consultation").filter(pk=response_id).first()
    return tell_followers(response) if response is not None else 0


@task()
def notify_response_task(response_id: int) -> int:
    """Email the residents a 'you said, we did' response answers; returns how many were sent."""
    from .models import FeedbackResponse
    from .services import response_recipients

    response = FeedbackResponse.objects.select_related("consultation", "theme", "proposal").get(
        pk=response_id
    )
    if response.notified_at is not None:
        return response.notified_count  # a retried task must not email people twice
    # The consultation page shows the response to everyone who may see it (the summary may be
    # closed to residents until results are published).
    messages = []
    for address in response_recipients(response).iterator(chunk_size=500):
        with emails.in_language(address.user):  # each resident's own language, links included
            link = absolute(responses_url(response.consultation))
            subject = _("You said, we did: %(title)s") % {"title": response.consultation.title}
            body = render_to_string(
                "consultations/summaries/response_email.txt",
                {"response": response, "name": address.user.public_name, "link": link},
            )
            messages.append(emails.build(subject, body, [address.email]))
    sent = mailers.default.send_messages(messages) if messages else 0
    response.notified_at = timezone.now()
    response.notified_count = sent or 0
    response.save(update_fields=["notified_at", "notified_count"])
    return response.notified_count
