"""Where things are: checking a location is in the council's area, finding its ward, finding a place."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from . import address_keys as keys
from . import addresses, geo
from .addresses import Address, Place
from .errors import CivicError
from .models import Area, GazetteerEntry

OUTSIDE_MESSAGE = gettext_lazy(
    "That location is outside the council's area. We can only take reports for places in the "
    "borough: choose a point inside the boundary shown on the map, or contact the council for that area."
)


class LocationError(CivicError, ValueError):
    """A location we cannot accept; the message is safe to show to the person."""

    def __init__(self, message: str, field: str = "latitude") -> None:
        super().__init__(message, code="invalid", field=field)


@dataclass(frozen=True)
class Located:
    latitude: float
    longitude: float
    ward: Area | None


def parse_coordinate(raw: Any, *, name: str, low: float, high: float) -> float:
    """A number in range, or a LocationError naming the field."""
    label = "Latitude" if name == "latitude" else "Longitude"
    try:
        value = float(str(raw).strip())
    except (TypeError, ValueError):
        raise LocationError(f"{label} must be a number, like 52.91.", field=name) from None
    if value != value or not low <= value <= high:  # NaN fails the first test
        raise LocationError(f"{label} must be between {low:g} and {high:g}.", field=name)
    return value


def locate(lat: Any, lon: Any, areas: list[Area] | None = None) -> Located:
    """Validate a point and find its ward; refuse points outside the council's area."""
    lat = parse_coordinate(lat, name="latitude", low=-90, high=90)
    lon = parse_coordinate(lon, name="longitude", low=-180, high=180)
    if areas is None:
        areas = list(Area.objects.filter(kind__in=[Area.Kind.COUNCIL, Area.Kind.WARD]).containing(lat, lon))
    councils = [a for a in areas if a.kind == Area.Kind.COUNCIL]
    wards = [a for a in areas if a.kind == Area.Kind.WARD]
    ward = next((w for w in wards if w.contains(lat, lon)), None)
    if councils:
        inside = any(c.contains(lat, lon) for c in councils)
    else:
        inside = ward is not None
    if not inside:
        raise LocationError(str(OUTSIDE_MESSAGE))
    return Located(lat, lon, ward)


def search_gazetteer(query: str, limit: int = 20) -> QuerySet[GazetteerEntry]:
    """Streets and landmarks whose name contains every word of the query."""
    words = [w for w in (query or "").replace("\x00", "").split() if w][:6]  # PostgreSQL refuses NUL
    if not words:
        return GazetteerEntry.objects.none()
    condition = Q()
    for word in words:
        condition &= Q(name__icontains=word)
    return GazetteerEntry.objects.filter(condition).select_related("ward").order_by("kind", "name")[:limit]


def load_areas(
    features: Sequence[Any],
    *,
    kind: str | None = None,
    name_property: str = "name",
    code_property: str = "code",
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Create or update areas (by slug) from GeoJSON features, all or nothing: (created, updated).

    Raises CivicError naming the first feature without a name or with a geometry we cannot use."""
    created = updated = 0
    with transaction.atomic():
        for i, feature in enumerate(features, start=1):
            props = (feature.get("properties") if isinstance(feature, dict) else None) or {}
            name = str(props.get(name_property) or "").strip()
            if not name:
                raise CivicError(f"Feature {i} has no {name_property!r} property.")
            geometry = feature.get("geometry")
            try:
                geo.validate(geometry)
            except geo.GeometryError as exc:
                raise CivicError(f"Feature {i} ({name}): {exc}") from exc
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
            if progress is not None:
                progress(i, len(features))
    return created, updated


def _gazetteer_place(entry: GazetteerEntry) -> Place:
    return Place(
        id=None,
        kind=entry.kind,
        name=entry.name,
        context="",
        key=keys.name_key(entry.name),
        latitude=entry.latitude,
        longitude=entry.longitude,
        ward_id=entry.ward_id,
        ward_name=entry.ward.name if entry.ward else "",
    )


def find_places(query: str, limit: int = 10, kinds: list[str] | None = None) -> list[Place]:
    """Postcodes, streets, landmarks and addresses for a typed query, with the council's own gazetteer."""
    if len(keys.query_key(query)) < 2:
        return []
    found = addresses.find_places(query, limit=limit, kinds=kinds)
    if len(found) >= limit or (kinds and not set(kinds) & set(GazetteerEntry.Kind.values)):
        return found
    seen = {keys.fold(p.name) for p in found}
    for entry in search_gazetteer(query, limit=limit):
        if keys.fold(entry.name) not in seen and (not kinds or entry.kind in kinds):
            found.append(_gazetteer_place(entry))
    q = keys.query_key(query)
    return sorted(found, key=lambda p: addresses.rank(p, q))[:limit]


def resolve_place(
    text: str, kinds: list[str] | None = None, limit: int = 10
) -> tuple[Place | None, list[Place]]:
    """(the one place the text names, or None; the matches to choose from)."""
    if (not kinds or Address.Kind.POSTCODE in kinds) and keys.is_postcode(text):
        exact = addresses.find_postcode(text)
        if exact is not None:
            return exact, [exact]
    matches = find_places(text, limit=limit, kinds=kinds)
    if not matches and "," in text:  # a label chosen earlier: "Elm Road, Northbrook, NB1"
        matches = find_places(text.split(",")[0], limit=limit, kinds=kinds)
    q, folded = keys.query_key(text), keys.fold(text)
    exact_matches = [m for m in matches if keys.fold(m.label) == folded] or [m for m in matches if m.key == q]
    if len(exact_matches) == 1:
        return exact_matches[0], matches
    if len(matches) == 1 and matches[0].distance == 0:
        return matches[0], matches
    return None, matches
