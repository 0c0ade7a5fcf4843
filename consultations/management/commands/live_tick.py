"""Record state events for consultations that opened or closed (run every minute from cron)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from civic.commands import OfficerCommand
from consultations import live
from consultations.models import ConsultationPage


class Command(OfficerCommand):
    help = "Tell live viewers when consultations open or close."

    def handle(self, *args, **options):
        now = timezone.now()
        changed = 0
        for page in ConsultationPage.objects.live().filter(closes_at__gte=now - timezone.timedelta(days=1)):
            if live.sync_state(page) is not None:
                changed += 1
        self.stdout.write(_("%(count)s consultation state change(s) announced.") % {"count": changed})
