"""Load postcodes, streets, landmarks or addresses from open data files (safe to run again)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from civic import address_loader
from civic.address_loader import FORMATS, FormatError, LoadResult


class Command(BaseCommand):
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
                raise CommandError(f"Cannot read {path}: {exc}") from exc
            except FormatError as exc:
                raise CommandError(f"{path}: {exc}") from exc
            self.summary(path, result)

    def progress(self, result: LoadResult) -> None:
        self.stdout.write(
            f"\r  {result.rows:,} rows read, {result.loaded:,} loaded, {result.skipped:,} skipped", ending=""
        )
        self.stdout.flush()

    def summary(self, path: str, result: LoadResult) -> None:
        self.stdout.write("")  # end the progress line
        for line, message in result.problems:
            self.stderr.write(f"{path}, line {line}: {message}")
        if result.skipped > len(result.problems):
            self.stderr.write(f"{path}: ... and {result.skipped - len(result.problems):,} more bad rows")
        notes = []
        if result.terminated:
            notes.append(f"{result.terminated:,} terminated postcodes left out")
        if result.outside:
            notes.append(f"{result.outside:,} outside the council's area left out")
        extra = f"; {', '.join(notes)}" if notes else ""
        message = (
            f"{path} ({result.format}): {result.rows:,} rows, {result.loaded:,} places loaded "
            f"({result.created:,} new, {result.loaded - result.created:,} updated), "
            f"{result.skipped:,} bad rows skipped{extra}."
        )
        self.stdout.write(self.style.WARNING(message) if result.skipped else self.style.SUCCESS(message))
