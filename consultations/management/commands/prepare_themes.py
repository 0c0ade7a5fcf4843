"""Queue theme computation for consultations (e.g. nightly from cron, or after a consultation closes)."""

from django.db.models import Count, Q
from django.utils.translation import ngettext

from civic.commands import OfficerCommand
from consultations.models import Comment, ConsultationPage
from consultations.summaries.services import request_themes


class Command(OfficerCommand):
    help = "Queue themes for the given consultations, or for every one whose themes are missing or stale."

    def add_arguments(self, parser):
        parser.add_argument(
            "page_ids", nargs="*", type=int, help="Consultation page ids (default: all stale)."
        )

    def handle(self, *args, page_ids, **options):
        consultations = ConsultationPage.objects.all()
        if page_ids:
            consultations = consultations.filter(pk__in=page_ids)
        else:
            published = Count("comments", filter=Q(comments__status=Comment.Status.PUBLISHED))
            rows = consultations.annotate(n=published).values_list("pk", "n", "theme_run__comment_count")
            stale = [
                pk for pk, n, themed in rows if (themed is None and n) or (themed is not None and themed != n)
            ]
            consultations = consultations.filter(pk__in=stale)
        queued = 0
        for consultation in consultations:
            request_themes(consultation)
            queued += 1
        self.stdout.write(
            ngettext(
                "Queued themes for %(count)s consultation.",
                "Queued themes for %(count)s consultations.",
                queued,
            )
            % {"count": queued}
        )
