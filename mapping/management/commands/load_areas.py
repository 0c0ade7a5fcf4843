"""Load wards or other boundaries from a GeoJSON FeatureCollection (safe to run again)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from civic import geo
from civic.models import Area


def progress(stream, done: int, total: int, width: int = 30) -> None:
    filled = int(width * done / total) if total else width
    end = "\n" if done == total else ""
    stream.write(f"\r  [{'#' * filled}{' ' * (width - filled)}] {done}/{total} areas", ending=end)
    stream.flush()


class Command(BaseCommand):
    help = "Load areas (wards by default) from a GeoJSON file; existing areas with the same slug are updated."

    def add_arguments(self, parser):
        parser.add_argument("path", help="GeoJSON FeatureCollection of Polygon or MultiPolygon features.")
        parser.add_argument("--kind", choices=Area.Kind.values, default=None, help="Kind for every feature.")
        parser.add_argument("--name-property", default="name")
        parser.add_argument("--code-property", default="code")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, path, kind, name_property, code_property, no_progress, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise CommandError("Expected a GeoJSON FeatureCollection.")
        created = updated = 0
        with transaction.atomic():
            for i, feature in enumerate(features, start=1):
                props = feature.get("properties") or {}
                name = str(props.get(name_property) or "").strip()
                if not name:
                    raise CommandError(f"Feature {i} has no {name_property!r} property.")
                geometry = feature.get("geometry")
                try:
                    geo.validate(geometry)
                except geo.GeometryError as exc:
                    raise CommandError(f"Feature {i} ({name}): {exc}") from exc
                _area, was_created = Area.objects.update_or_create(
                    slug=str(props.get("slug") or slugify(name))[:120],
                    defaults={
                        "name": name,
                        "kind": kind or props.get("kind") or Area.Kind.WARD,
                        "code": str(props.get(code_property) or "")[:20],
                        "geometry": geometry,
                    },
                )
                created += was_created
                updated += not was_created
                if not no_progress:
                    progress(self.stdout, i, len(features))
        self.stdout.write(self.style.SUCCESS(f"{created} areas created, {updated} updated."))
