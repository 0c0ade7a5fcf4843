"""Background work for reports: emails to the reporter and followers when the status changes."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.tasks import task
from django.template.loader import render_to_string

from civic.links import absolute


@task
def send_status_emails(change_id: int) -> int:
    """Email everyone who follows a report about one status change; returns how many were sent."""
    from .models import StatusChange

    change = (
        StatusChange.objects.select_related("report", "report__reporter", "report__category")
        .filter(pk=change_id)
        .first()
    )
    if change is None:
        return 0
    report = change.report
    recipients = set(
        report.followers.exclude(email="").filter(is_active=True).values_list("email", flat=True)
    )
    if report.reporter_id and report.reporter.email and report.reporter.is_active:
        recipients.add(report.reporter.email)
    if report.contact_email:
        recipients.add(report.contact_email)
    if not recipients:
        return 0
    context = {"report": report, "change": change, "url": absolute(report.get_absolute_url())}
    subject = f"[Civic] Report #{report.pk} is now {change.get_to_status_display().lower()}"
    body = render_to_string("mapping/email/status_changed.txt", context)
    # One message each, so no one sees another person's address.
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in sorted(recipients)]
    return send_mass_mail(messages, fail_silently=False)
