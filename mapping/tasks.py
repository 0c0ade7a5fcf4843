"""Background work for reports: status emails to reporters and followers, confirmation links."""

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

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
    if report.contact_email and not report.awaiting_confirmation:  # an unproven address gets one email only
        recipients.add(report.contact_email)
    if not recipients:
        return 0
    context = {"report": report, "change": change, "url": absolute(report.get_absolute_url())}
    subject = f"[Civic] Report #{report.pk} is now {change.get_to_status_display().lower()}"
    body = render_to_string("mapping/email/status_changed.txt", context)
    # One message each, so no one sees another person's address.
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in sorted(recipients)]
    return send_mass_mail(messages, fail_silently=False)


@task
def send_confirmation_email(report_id: int) -> int:
    """Email the link that publishes a report sent without an account; returns how many were sent."""
    from .models import IssueReport
    from .services import confirmation_token  # services enqueue this task: imported when it runs

    report = IssueReport.objects.select_related("category", "organisation").filter(pk=report_id).first()
    if report is None or not report.awaiting_confirmation or not report.contact_email:
        return 0
    url = absolute(reverse("mapping:confirm_report", args=[confirmation_token(report)]))
    context = {"report": report, "url": url, "hours": settings.REPORT_CONFIRMATION_HOURS}
    body = render_to_string("mapping/email/confirm_report.txt", context)
    subject = "[Civic] Confirm your report to publish it"
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [report.contact_email], fail_silently=False)
