"""Background work for reports: status emails to reporters and followers, confirmation links."""

from django.conf import settings
from django.core.mail import mailers
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from civic import brand, emails
from civic.links import absolute
from civic.models import User


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
    names: dict[str, str] = {}  # address -> how the email greets them
    if report.contact_email and not report.awaiting_confirmation:  # an unproven address gets one email only
        names[report.contact_email] = report.contact_name  # no account: the name they gave, or none
    for pk, display_name, email in (
        report.followers.exclude(email="").filter(is_active=True).values_list("pk", "display_name", "email")
    ):
        names[email] = User.public_name_for(pk, display_name)
    if report.reporter_id and report.reporter.email and report.reporter.is_active:
        names[report.reporter.email] = report.reporter.public_name
    if not names:
        return 0
    context = {
        "report": report,
        "change": change,
        "url": absolute(report.get_absolute_url()),
        "site_name": brand.for_default_site().site_name,
    }
    title = f"Report #{report.pk} is now {change.get_to_status_display().lower()}"
    # One message each, so no one sees another person's address.
    messages = [
        emails.build(
            title, render_to_string("mapping/email/status_changed.txt", {**context, "name": name}), [email]
        )
        for email, name in sorted(names.items())
    ]
    return mailers.default.send_messages(messages) or 0


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
    message = emails.build("Confirm your report to publish it", body, [report.contact_email])
    return mailers.default.send_messages([message]) or 0
