"""Cron entry point: tell followers that consultations opened, close soon or closed (run hourly)."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from civic.commands import OfficerCommand
from consultations.notifications import consultation_dates


class Command(OfficerCommand):
    help = (
        "Notify followers of consultations that opened, close within CONSULTATION_CLOSING_SOON_DAYS "
        "days, or closed, in the last --within hours. Run from cron (hourly); a second run sends nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--within", type=int, default=48, help="Hours back to look for openings and closings (48)."
        )

    def handle(self, *args, within, **options):
        counts = consultation_dates(
            closing_soon_days=settings.CONSULTATION_CLOSING_SOON_DAYS, within=timedelta(hours=within)
        )
        message = _(
            "Notified followers: %(opened)s opened, %(closing_soon)s closing soon, %(closed)s closed."
        )
        self.stdout.write(message % counts)
