"""Load postcodes, streets, landmarks or addresses from open data files (safe to run again)."""

from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from civic import address_loader
from civic.address_loader import FORMATS, FormatError, LoadResult
from civic.commands import OfficerCommand


class Command(OfficerCommand):
    help = (
        "Load places people can search for from CSV files: the ONS Postcode Directory (onspd), "
        "OS Open Names (opennames) or an LLPG/AddressBase-like extract (llpg). Rows already loaded "
        "are updated, bad rows are reported with their line numbers and skipped."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", help="CSV files (UTF-8).")
        parser.add_argument("--format", choices=FORMATS, default=None, help="Layout; detected when left out.")
        parser.add_argument(
            "--inside-only",
            action="store_true",
            help="Skip places outside the council's area (its boundary).",
        )
        parser.add_argument("--batch-size", type=int, default=address_loader.BATCH_SIZE)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        for path in options["paths"]:
            try:
                result = address_loader.load_path(
                    path,
                    options["format"],
                    inside_only=options["inside_only"],
                    batch_size=max(1, options["batch_size"]),
                    progress=None if options["no_progress"] else self.progress,
                )
            except OSError as exc:
                raise CommandError(
                    _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}
                ) from exc
            except FormatError as exc:
                raise CommandError(f"{path}: {exc}") from exc
            self.summary(path, result)

    def progress(self, result: LoadResult) -> None:
        self.stdout.write(
            "\r  "
            + _("%(rows)s rows read, %(loaded)s loaded, %(skipped)s skipped")
            % {"rows": f"{result.rows:,}", "loaded": f"{result.loaded:,}", "skipped": f"{result.skipped:,}"},
            ending="",
        )
        self.stdout.flush()

    def summary(self, path: str, result: LoadResult) -> None:
        self.stdout.write("")  # end the progress line
        for line, message in result.problems:
            self.stderr.write(
                _("%(path)s, line %(line)s: %(message)s") % {"path": path, "line": line, "message": message}
            )
        if result.skipped > len(result.problems):
            self.stderr.write(
                _("%(path)s: ... and %(count)s more bad rows")
                % {"path": path, "count": f"{result.skipped - len(result.problems):,}"}
            )
        notes = []
        if result.terminated:
            notes.append(_("%(count)s terminated postcodes left out") % {"count": f"{result.terminated:,}"})
        if result.outside:
            notes.append(
                _("%(count)s outside the council's area left out") % {"count": f"{result.outside:,}"}
            )
        extra = f"; {', '.join(notes)}" if notes else ""
        message = _(
            "%(path)s (%(format)s): %(rows)s rows, %(loaded)s places loaded "
            "(%(created)s new, %(updated)s updated), %(skipped)s bad rows skipped%(extra)s."
        ) % {
            "path": path,
            "format": result.format,
            "rows": f"{result.rows:,}",
            "loaded": f"{result.loaded:,}",
            "created": f"{result.created:,}",
            "updated": f"{result.loaded - result.created:,}",
            "skipped": f"{result.skipped:,}",
            "extra": extra,
        }
        self.stdout.write(self.style.WARNING(message) if result.skipped else self.style.SUCCESS(message))
