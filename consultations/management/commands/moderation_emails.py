"""Queue the moderators' digest and SLA alerts (run from cron: alerts hourly, digest daily)."""

from django.utils.translation import gettext as _

from civic.commands import OfficerCommand
from consultations.tasks import send_moderation_digest, send_sla_alerts


class Command(OfficerCommand):
    help = "Send moderators their queue digest (--digest) and/or alerts for overdue items (--alerts)."

    def add_arguments(self, parser):
        parser.add_argument("--digest", action="store_true", help="Send each moderator a queue digest.")
        parser.add_argument("--alerts", action="store_true", help="Alert about newly overdue items.")

    def handle(self, *args, digest, alerts, **options):
        if not digest and not alerts:
            digest = alerts = True
        if alerts:
            result = send_sla_alerts.enqueue()
            self.stdout.write(_("SLA alerts queued (%(status)s).") % {"status": result.status})
        if digest:
            result = send_moderation_digest.enqueue()
            self.stdout.write(_("Moderation digest queued (%(status)s).") % {"status": result.status})
