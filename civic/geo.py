"""Plain-Python geometry on GeoJSON (WGS84): enough for wards without GeoDjango or GDAL."""

import math
from typing import Any

Geometry = dict[str, Any]  # a GeoJSON geometry object
Ring = list[list[float]]  # [lon, lat] points, first equal to last

EARTH_RADIUS_M = 6_371_000


class GeometryError(ValueError):
    """The GeoJSON is not a Polygon or MultiPolygon we can use."""


def polygons(geometry: Geometry) -> list[list[Ring]]:
    """The geometry's polygons as lists of rings ([outer, *holes]) of [lon, lat] points."""
    kind = (geometry or {}).get("type")
    coords: Any = (geometry or {}).get("coordinates")
    if kind == "Polygon":
        return [coords]
    if kind == "MultiPolygon":
        return list(coords)
    raise GeometryError(f"Expected a Polygon or MultiPolygon, not {kind!r}.")


def validate(geometry: Geometry) -> None:
    """Raise GeometryError unless every ring is closed, with 4+ points in range."""
    for polygon in polygons(geometry):
        if not polygon:
            raise GeometryError("A polygon has no rings.")
        for ring in polygon:
            if len(ring) < 4 or list(ring[0]) != list(ring[-1]):
                raise GeometryError("Each ring needs at least four points and must be closed.")
            for point in ring:
                lon, lat = float(point[0]), float(point[1])
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    raise GeometryError("Coordinates must be longitude, latitude in degrees.")


def _on_segment(x: float, y: float, x1: float, y1: float, x2: float, y2: float) -> bool:
    cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)
    if abs(cross) > 1e-12:
        return False
    return bool(
        min(x1, x2) - 1e-12 <= x <= max(x1, x2) + 1e-12 and min(y1, y2) - 1e-12 <= y <= max(y1, y2) + 1e-12
    )


def ring_contains(ring: Ring, x: float, y: float) -> bool | None:
    """Ray casting; True inside, False outside, None exactly on the boundary."""
    inside = False
    n = len(ring)
    for i in range(n - 1):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[i + 1][0], ring[i + 1][1]
        if _on_segment(x, y, x1, y1, x2, y2):
            return None
        if (y1 > y) != (y2 > y):
            at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < at:
                inside = not inside
    return inside


def geometry_contains(geometry: Geometry, lon: float, lat: float) -> bool:
    """True when the point is inside (or on the edge of) a polygon and not inside one of its holes."""
    for polygon in polygons(geometry):
        outer = ring_contains(polygon[0], lon, lat)
        if outer is None:
            return True
        if not outer:
            continue
        if any(ring_contains(hole, lon, lat) for hole in polygon[1:]):
            continue
        return True
    return False


def bbox(geometry: Geometry) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the geometry."""
    points = [p for polygon in polygons(geometry) for ring in polygon for p in ring]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def degrees_for(metres: float, lat: float) -> tuple[float, float]:
    """Degrees of latitude and longitude that span `metres` at this latitude."""
    dlat = metres / 111_320
    dlon = metres / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    return dlat, dlon
