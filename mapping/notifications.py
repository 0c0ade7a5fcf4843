"""Who hears about a report's progress: the services call this inside their transactions.

Notifications name the report by number and category, never by its title or description: a
report hidden later for abuse or personal details leaves nothing of its words in anyone's
notifications (the link checks who may see it)."""

from django.utils.translation import gettext as _

from civic import notifications
from civic.models import NotificationKind

from .models import StatusChange


def status_changed(change: StatusChange) -> int:
    """A status change or public note tells the report's followers (the reporter follows it too,
    unless they chose otherwise): never the officer who made it, nor anyone who turned these off."""
    report = change.report
    if report.hidden_at is not None or report.awaiting_confirmation:
        return 0  # nobody but its officers may see it: nothing to tell

    def title() -> str:  # in each follower's language (notify() calls it once per language)
        status = change.get_to_status_display()
        if change.from_status == change.to_status:
            return _("Report #%(number)s: an update from the council") % {"number": report.pk}
        return _("Report #%(number)s is now %(status)s") % {"number": report.pk, "status": status.lower()}

    def body() -> str:
        status = change.get_to_status_display()
        lines = [
            _("Category: %(category)s") % {"category": report.category.name},
            _("Status: %(status)s") % {"status": status},
        ]
        if change.note:
            lines += ["", _("Note from the council:"), change.public_note]
        return "\n".join(lines)

    return notifications.notify(
        report.followers.values_list("pk", flat=True),
        NotificationKind.REPORT_STATUS,
        title=title,
        body=body,
        url=report.get_absolute_url,
        dedupe_key=f"report_status:{change.pk}",
        actor=change.officer_id,
    )
