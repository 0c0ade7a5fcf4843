"""Reports leaving the platform: GeoJSON for maps and open data, CSV for spreadsheets."""

import hashlib
import json
from json.encoder import encode_basestring

from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from civic import pagecache
from civic.exports import stream_csv

from .models import Status

GEOJSON_TYPE = "application/geo+json"
PINS_GENERATION_KEY = "mapping:pins:generation"
PINS_CACHE_SECONDS = 60
REPORTS_SCOPE = "reports"  # cached public pages showing reports (civic.pagecache)
STATUS_LABELS = dict(Status.choices)


def pin_features(reports) -> bytes:
    """A compact FeatureCollection for map pins: id, title, status and category slug only.

    Written as strings rather than dicts: 10,000 pins serialise several times faster this way.
    """
    rows = reports.order_by().values_list("id", "title", "status", "category__slug", "longitude", "latitude")
    enc = encode_basestring
    features = ",".join(
        f'{{"type":"Feature","geometry":{{"type":"Point",'
        f'"coordinates":[{round(lon, 6)!r},{round(lat, 6)!r}]}},'
        f'"properties":{{"id":{pk},"title":{enc(title)},"status":{enc(status)},"category":{enc(category)}}}}}'
        for pk, title, status, category, lon, lat in rows
    )
    return ('{"type":"FeatureCollection","features":[' + features + "]}").encode()


def _generation() -> int:
    return int(cache.get_or_set(PINS_GENERATION_KEY, 1, timeout=None) or 1)


def forget_pins() -> None:
    """Called after every write to reports: cached pins of every filter become stale at once, and
    so do the public report pages cached for anonymous readers."""
    pagecache.bump(REPORTS_SCOPE)
    try:
        cache.incr(PINS_GENERATION_KEY)
    except ValueError:
        cache.set(PINS_GENERATION_KEY, 1, timeout=None)


def cached_pins(reports, query: str) -> bytes:
    """Pins for a filter, cached until the next write (and at most PINS_CACHE_SECONDS)."""
    key = f"mapping:pins:{_generation()}:{hashlib.sha256(query.encode()).hexdigest()[:32]}"
    body = cache.get(key)
    if body is None:
        body = pin_features(reports)
        cache.set(key, body, timeout=PINS_CACHE_SECONDS)
    return body


def geojson_response(body: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(body, content_type=GEOJSON_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


EXPORT_FIELDS = [
    "id",
    "title",
    "description",
    "category",
    "service_code",
    "organisation",
    "status",
    "ward",
    "latitude",
    "longitude",
    "location",
    "created_at",
    "updated_at",
    "duplicate_of",
    "followers",
    "language",
]


# The CSV is for people: its header follows the officer's language (English: the field names). GeoJSON
# keeps the field names as its machine keys.
CSV_HEADER = {
    "id": pgettext_lazy("reports CSV column", "id"),
    "title": pgettext_lazy("reports CSV column", "title"),
    "description": pgettext_lazy("reports CSV column", "description"),
    "category": pgettext_lazy("reports CSV column", "category"),
    "service_code": pgettext_lazy("reports CSV column", "service_code"),
    "organisation": pgettext_lazy("reports CSV column", "organisation"),
    "status": pgettext_lazy("reports CSV column", "status"),
    "ward": pgettext_lazy("reports CSV column", "ward"),
    "latitude": pgettext_lazy("reports CSV column", "latitude"),
    "longitude": pgettext_lazy("reports CSV column", "longitude"),
    "location": pgettext_lazy("reports CSV column", "location"),
    "created_at": pgettext_lazy("reports CSV column", "created_at"),
    "updated_at": pgettext_lazy("reports CSV column", "updated_at"),
    "duplicate_of": pgettext_lazy("reports CSV column", "duplicate_of"),
    "followers": pgettext_lazy("reports CSV column", "followers"),
    "language": pgettext_lazy("reports CSV column", "language"),
}


def _export_rows(reports):
    from django.db.models import Count

    reports = (
        reports.select_related("category", "organisation", "ward")
        .annotate(follower_count=Count("followers"))
        .order_by("-created_at", "-id")
    )
    for r in reports.iterator(chunk_size=1000):
        yield {
            "id": r.pk,
            "title": r.title,
            "description": r.description,
            "language": r.language,
            "category": r.category.name,
            "service_code": r.category.service_code,
            "organisation": r.organisation.name,
            "status": r.status,
            "ward": r.ward.name if r.ward else "",
            "latitude": r.latitude,
            "longitude": r.longitude,
            "location": r.location_text,
            "created_at": r.created_at.isoformat(),
            "updated_at": r.updated_at.isoformat(),
            "duplicate_of": r.duplicate_of_id or "",
            "followers": r.follower_count,
        }


def csv_response(reports) -> StreamingHttpResponse:
    rows = ([row[name] for name in EXPORT_FIELDS] for row in _export_rows(reports))
    return stream_csv(
        [str(CSV_HEADER[name]) for name in EXPORT_FIELDS],
        rows,
        f"reports-{timezone.now().strftime('%Y%m%d-%H%M')}.csv",
    )


def export_geojson(reports) -> bytes:
    features = []
    for row in _export_rows(reports):
        lon, lat = row.pop("longitude"), row.pop("latitude")
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": row}
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode()
