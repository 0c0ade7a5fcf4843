"""Remove what Civic keeps for a limited time (run daily from cron); each app registers its steps."""

from argparse import ArgumentParser
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from civic import retention
from civic.commands import OfficerCommand


class Command(OfficerCommand):
    help = "Remove data past its retention period (see README, Retention); --dry-run only counts."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Report what is due; change nothing.")

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        now = timezone.now()
        verb = _("due (dry run, nothing removed)") if dry_run else _("removed")
        total = 0
        for registered in retention.steps():
            self.stdout.write(_("%(step)s: checking...") % {"step": registered.title})
            count = registered.step(now, dry_run)
            total += count
            self.stdout.write(f"{registered.title}: {count} {verb}")
        self.stdout.write(_("Done: %(count)s %(verb)s.") % {"count": total, "verb": verb})
