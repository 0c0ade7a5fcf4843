"""Load wards or other boundaries from a GeoJSON FeatureCollection (safe to run again)."""

import json
from collections.abc import Callable
from typing import Any

from django.core.management.base import CommandError, OutputWrapper
from django.utils.translation import gettext as _

from civic import places
from civic.commands import OfficerCommand
from civic.errors import CivicError
from civic.models import Area


def progress_bar(stream: OutputWrapper, width: int = 30) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        filled = int(width * done / total) if total else width
        end = "\n" if done == total else ""
        stream.write(f"\r  [{'#' * filled}{' ' * (width - filled)}] {done}/{total} areas", ending=end)
        stream.flush()

    return show


class Command(OfficerCommand):
    help = "Load areas (wards by default) from a GeoJSON file; existing areas with the same slug are updated."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help="GeoJSON FeatureCollection of Polygon or MultiPolygon features.")
        parser.add_argument("--kind", choices=Area.Kind.values, default=None, help="Kind for every feature.")
        parser.add_argument("--name-property", default="name")
        parser.add_argument("--code-property", default="code")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"]
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError) as exc:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}) from exc
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise CommandError(_("Expected a GeoJSON FeatureCollection."))
        try:
            created, updated = places.load_areas(
                features,
                kind=options["kind"],
                name_property=options["name_property"],
                code_property=options["code_property"],
                progress=None if options["no_progress"] else progress_bar(self.stdout),
            )
        except CivicError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("%(created)s areas created, %(updated)s updated.")
                % {"created": created, "updated": updated}
            )
        )
