"""Background work for reports: status emails to reporters without an account, confirmation links."""

from django.conf import settings
from django.core.mail import mailers
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from civic import brand, emails
from civic.links import absolute


@task
def send_status_emails(change_id: int) -> int:
    """Email a reporter without an account about one status change (people with an account hear
    through their notifications, as they chose: mapping.notifications); returns how many were sent."""
    from .models import StatusChange

    change = StatusChange.objects.select_related("report", "report__category").filter(pk=change_id).first()
    if change is None:
        return 0
    report = change.report
    # An unproven address gets its confirmation email only; a hidden report tells nobody.
    if not report.contact_email or report.awaiting_confirmation or report.hidden_at is not None:
        return 0
    with emails.in_language(language=getattr(report, "language", "")):  # the language they wrote in
        context = {
            "report": report,
            "change": change,
            "url": absolute(report.get_absolute_url()),
            "site_name": brand.for_default_site().site_name,
            "name": report.contact_name,  # no account: the name they gave
        }
        title = _("Report #%(number)s is now %(status)s") % {
            "number": report.pk,
            "status": change.get_to_status_display().lower(),
        }
        body = render_to_string("mapping/email/status_changed.txt", context)
        return mailers.default.send_messages([emails.build(title, body, [report.contact_email])]) or 0


@task
def send_confirmation_email(report_id: int) -> int:
    """Email the link that publishes a report sent without an account; returns how many were sent."""
    from .models import IssueReport
    from .services import confirmation_token  # services enqueue this task: imported when it runs

    report = IssueReport.objects.select_related("category", "organisation").filter(pk=report_id).first()
    if report is None or not report.awaiting_confirmation or not report.contact_email:
        return 0
    with emails.in_language(language=getattr(report, "language", "")):  # the language they wrote in
        url = absolute(reverse("mapping:confirm_report", args=[confirmation_token(report)]))
        context = {"report": report, "url": url, "hours": settings.REPORT_CONFIRMATION_HOURS}
        body = render_to_string("mapping/email/confirm_report.txt", context)
        message = emails.build(_("Confirm your report to publish it"), body, [report.contact_email])
        return mailers.default.send_messages([message]) or 0
