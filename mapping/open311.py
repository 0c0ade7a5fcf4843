"""Open311 GeoReport v2 under /open311/v2/: services, service definitions and requests, JSON and XML."""

import json
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree as ET

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt

from civic.converters import parse_id
from civic.places import search_gazetteer
from civic.text import CONTROL_CHARS

from . import services
from .models import OPEN_STATUSES, IssueCategory, IssueReport, PartnerApiKey, StatusChange

MAX_SPAN = timedelta(days=90)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # dates outside these years are mistakes or probes
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
MAX_RESULTS = 1000
MAX_IDS = 100
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        self.status = status
        self.description = description
        super().__init__(description)


# Rendering: the same Python structures become JSON or XML.


def xml_text(value) -> str:
    """Text XML 1.0 can carry: rows stored before input stripping may still hold control characters."""
    return CONTROL_CHARS.sub("", str(value))


def _xml_value(parent, name, value):
    node = ET.SubElement(parent, name)
    if isinstance(value, bool):
        node.text = "true" if value else "false"
    elif value is not None:
        node.text = xml_text(value)


def render(fmt: str, root: str, item: str, rows: list[dict], status: int = 200) -> HttpResponse:
    if fmt == "xml":
        top = ET.Element(root)
        for row in rows:
            node = ET.SubElement(top, item)
            for key, value in row.items():
                _xml_value(node, key, value)
        body = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(
            top, encoding="utf-8", xml_declaration=False
        )
    else:
        body = json.dumps(rows, ensure_ascii=False).encode()
    return HttpResponse(body, status=status, content_type=FORMATS[fmt])


def error(fmt: str, status: int, description: str) -> HttpResponse:
    return render(fmt, "errors", "error", [{"code": status, "description": description}], status=status)


def endpoint(view):
    """Check the format and jurisdiction, and turn Open311Error into the standard error list."""

    def wrapped(request, *args, fmt: str, **kwargs):
        if fmt not in FORMATS:
            return error("json", 404, "Unknown format: use .json or .xml.")
        jurisdiction = (
            request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id") or ""
        ).strip()
        expected = getattr(settings, "OPEN311_JURISDICTION", "")
        if jurisdiction and expected and jurisdiction != expected:
            return error(fmt, 404, f"Unknown jurisdiction_id: this server serves {expected!r}.")
        try:
            return view(request, *args, fmt=fmt, **kwargs)
        except Open311Error as exc:
            return error(fmt, exc.status, exc.description)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return csrf_exempt(wrapped)


def service_row(category) -> dict:
    return {
        "service_code": category.service_code,
        "service_name": category.name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": category.keywords,
        "group": category.group,
    }


@endpoint
def service_list(request, *, fmt):
    """GET services: every category residents and partners can report."""
    if request.method != "GET":
        raise Open311Error(405, "Use GET.")
    rows = [service_row(c) for c in IssueCategory.objects.filter(active=True).order_by("service_code")]
    return render(fmt, "services", "service", rows)


@endpoint
def service_definition(request, code, *, fmt):
    """GET services/<code>: our services take no extra attributes."""
    category = IssueCategory.objects.filter(active=True, service_code=code).first()
    if category is None:
        raise Open311Error(404, f"Unknown service_code: {code}.")
    body = {"service_code": category.service_code, "attributes": []}
    if fmt == "xml":
        top = ET.Element("service_definition")
        ET.SubElement(top, "service_code").text = xml_text(category.service_code)
        ET.SubElement(top, "attributes")
        xml = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(top, encoding="utf-8")
        return HttpResponse(xml, content_type=FORMATS["xml"])
    return HttpResponse(json.dumps(body), content_type=FORMATS["json"])


def photo_url(report, request) -> str:
    """The app serves report photos itself, and only while the report is visible."""
    if not report.photo:
        return ""
    return request.build_absolute_uri(reverse("mapping:report_photo", args=[report.pk]))


def request_row(report, request) -> dict:
    return {
        "service_request_id": str(report.pk),
        "status": report.open311_status,
        "status_notes": getattr(report, "latest_note", "") or "",
        "service_name": report.category.name,
        "service_code": report.category.service_code,
        "description": report.description,
        "agency_responsible": report.organisation.name,
        "service_notice": "",
        "requested_datetime": report.created_at.isoformat(timespec="seconds"),
        "updated_datetime": report.updated_at.isoformat(timespec="seconds"),
        "expected_datetime": "",
        "address": report.location_text,
        "address_id": "",
        "zipcode": "",
        "lat": report.latitude,
        "long": report.longitude,
        "media_url": photo_url(report, request),
    }


def _reports():
    latest = (
        StatusChange.objects.filter(report=OuterRef("pk")).exclude(note="").order_by("-created_at", "-id")
    )
    return (
        IssueReport.objects.visible()
        .select_related("category", "organisation")
        .annotate(latest_note=Subquery(latest.values("note")[:1]))
    )


def _date(request, name):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        value = parse_datetime(raw.replace(" ", "+"))  # '+' in a query string arrives as a space
    except ValueError:  # well formed but impossible, such as month 13
        value = None
    if value is None or not raw.isascii():
        raise Open311Error(400, f"{name} must be a W3C date-time such as 2026-01-01T00:00:00Z.")
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.UTC)
    if not EARLIEST <= value <= LATEST:
        raise Open311Error(400, f"{name} must be between the years {EARLIEST.year} and {LATEST.year}.")
    return value


def _ids(raw: str) -> list[int]:
    ids = []
    for part in raw.split(","):
        part = part.strip()
        request_id = parse_id(part)
        if request_id is None:
            raise Open311Error(400, "service_request_id must be one or more numbers, comma separated.")
        ids.append(request_id)
    if len(ids) > MAX_IDS:
        raise Open311Error(400, f"Ask for at most {MAX_IDS} service_request_id values at once.")
    return ids


def _search(request, fmt):
    reports = _reports()
    ids = request.GET.get("service_request_id", "").strip()
    if ids:
        reports = reports.filter(pk__in=_ids(ids))
    else:
        codes = [c.strip() for c in request.GET.get("service_code", "").split(",") if c.strip()]
        if codes:
            reports = reports.filter(category__service_code__in=codes)
        statuses = {s.strip().lower() for s in request.GET.get("status", "").split(",") if s.strip()}
        if statuses - {"open", "closed"}:
            raise Open311Error(400, "status must be open, closed, or both (comma separated).")
        if statuses == {"open"}:
            reports = reports.filter(status__in=OPEN_STATUSES)
        elif statuses == {"closed"}:
            reports = reports.exclude(status__in=OPEN_STATUSES)
        start, end = _date(request, "start_date"), _date(request, "end_date")
        if start and end and end < start:
            raise Open311Error(400, "end_date must be after start_date.")
        if start and end and end - start > MAX_SPAN:
            raise Open311Error(400, "start_date and end_date may not span more than 90 days.")
        if start is None and end is None:
            start = timezone.now() - MAX_SPAN
        elif start is None:
            start = end - MAX_SPAN
        elif end is None:
            end = start + MAX_SPAN
        reports = reports.filter(created_at__gte=start)
        if end is not None:
            reports = reports.filter(created_at__lte=end)
    rows = [request_row(r, request) for r in reports.order_by("-created_at", "-id")[:MAX_RESULTS]]
    return render(fmt, "service_requests", "request", rows)


def _create(request, fmt):
    data = request.POST
    if any("\x00" in value for values in data.lists() for value in values[1]):
        raise Open311Error(400, "Fields may not contain NUL characters.")
    partner = PartnerApiKey.lookup(data.get("api_key", ""))
    if partner is None:
        raise Open311Error(403, "Invalid or missing api_key.")
    code = data.get("service_code", "").strip()
    if not code:
        raise Open311Error(400, "service_code is required.")
    lat, lon = data.get("lat", "").strip(), data.get("long", "").strip()
    address = data.get("address_string", "").strip()
    if not (lat and lon) and address:
        matches = list(search_gazetteer(address, limit=2))
        if len(matches) != 1:
            raise Open311Error(
                400, "address_string did not match exactly one street or landmark; send lat and long."
            )
        lat, lon = matches[0].latitude, matches[0].longitude
    if not (lat and lon):
        raise Open311Error(400, "lat and long (or a known address_string) are required.")
    description = data.get("description", "").strip()
    if not description:
        raise Open311Error(400, "description is required.")
    category = IssueCategory.objects.filter(active=True, service_code=code).first()
    if category is None:
        raise Open311Error(400, f"Unknown service_code: {code}.")
    title = " ".join(description.split())[:80]
    try:
        report = services.create_report(
            reporter=None,
            partner=partner,
            category=category,
            title=title,
            description=description,
            latitude=lat,
            longitude=lon,
            location_text=address,
            contact_email=_email(data.get("email", "")),
            source=IssueReport.Source.OPEN311,
            photo=request.FILES.get("media"),  # same size, header, pixel and rate checks as the web form
        )
    except services.ReportError as exc:
        raise Open311Error(429 if exc.code == "rate_limited" else 400, exc.message) from exc
    rows = [{"service_request_id": str(report.pk), "service_notice": "", "account_id": ""}]
    return render(fmt, "service_requests", "request", rows, status=201)


def _email(raw: str) -> str:
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    raw = raw.strip()
    if not raw:
        return ""
    try:
        validate_email(raw)
    except ValidationError:
        raise Open311Error(400, "email is not a valid email address.") from None
    return raw


@endpoint
def requests_view(request, *, fmt):
    """GET requests (search) and POST requests (create, with a partner's api_key)."""
    if request.method == "POST":
        return _create(request, fmt)
    if request.method != "GET":
        raise Open311Error(405, "Use GET or POST.")
    return _search(request, fmt)


@endpoint
def request_detail(request, request_id, *, fmt):
    """GET requests/<id>: a list with the one request, as the standard asks."""
    report_id = parse_id(str(request_id))
    report = _reports().filter(pk=report_id).first() if report_id is not None else None
    if report is None:
        raise Open311Error(404, f"Unknown service_request_id: {request_id}.")
    return render(fmt, "service_requests", "request", [request_row(report, request)])
