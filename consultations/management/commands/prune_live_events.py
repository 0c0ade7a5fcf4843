"""Delete old live events; clients further behind than what is kept are told to reload."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from civic.commands import OfficerCommand
from consultations import live


class Command(OfficerCommand):
    help = "Delete live events older than --days (default LIVE_EVENT_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=float, default=settings.LIVE_EVENT_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError(_("--days must be 0 or more."))
        deleted = live.prune(timedelta(days=days))
        self.stdout.write(
            _("Deleted %(count)s live event(s) older than %(days)s day(s).")
            % {"count": deleted, "days": f"{days:g}"}
        )
