"""Rebuild the search indexes from the database, with a progress bar; search keeps working meanwhile."""

import sys
import time

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from civic.commands import OfficerCommand
from search.engines import elasticsearch_enabled
from search.indexing import drain, flush_pending, pending_count
from search.rebuild import rebuild_database, rebuild_elasticsearch


class ProgressBar:
    """A one-line text progress bar (documents done / total, rate)."""

    def __init__(self, stream, label: str, width: int = 30):
        self.stream = stream
        self.label = label
        self.width = width
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        total = max(total, done, 1)
        filled = int(self.width * done / total)
        rate = done / max(time.perf_counter() - self.started, 1e-6)
        self.stream.write(
            f"\r{self.label:<14} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{100 * done // total:3d}%  {done:,}/{total:,}  {rate:,.0f} docs/s"
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


class Command(OfficerCommand):
    help = (
        "Rebuild the search indexes: a new Elasticsearch index swapped in by alias, and the database index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Which index to rebuild (default: the database index, and Elasticsearch when configured).",
        )
        parser.add_argument(
            "--retry",
            action="store_true",
            help="Only index the queued documents and send Elasticsearch the updates it missed, then stop.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, engine, retry, no_progress, **options):
        stream = self.stdout._out if hasattr(self.stdout, "_out") else sys.stdout
        if retry:
            queued = drain()
            if queued:
                self.stdout.write(_("Indexed %(count)s queued documents.") % {"count": f"{queued:,}"})
            if not elasticsearch_enabled():
                if queued:
                    return
                raise CommandError(_("ELASTICSEARCH_URL is not set: there is nothing to retry."))
            done = flush_pending()
            self.stdout.write(
                _("Sent %(done)s pending updates; %(pending)s still pending.")
                % {"done": f"{done:,}", "pending": f"{pending_count():,}"}
            )
            return
        if engine == "elasticsearch" and not elasticsearch_enabled():
            raise CommandError(_("ELASTICSEARCH_URL is not set."))
        if engine in ("all", "database"):
            bar = None if no_progress else ProgressBar(stream, "database")
            count = rebuild_database(progress=bar)
            if bar:
                bar.finish()
            self.stdout.write(
                self.style.SUCCESS(_("Database index: %(count)s documents.") % {"count": f"{count:,}"})
            )
        if engine in ("all", "elasticsearch") and elasticsearch_enabled():
            bar = None if no_progress else ProgressBar(stream, "elasticsearch")
            try:
                name, count = rebuild_elasticsearch(progress=bar)
            except Exception as exc:
                raise CommandError(
                    _("Elasticsearch rebuild failed, the old index is still in use: %(error)s")
                    % {"error": exc}
                ) from exc
            if bar:
                bar.finish()
            self.stdout.write(
                self.style.SUCCESS(
                    _("Elasticsearch index %(name)s: %(count)s documents, alias swapped.")
                    % {"name": name, "count": f"{count:,}"}
                )
            )
