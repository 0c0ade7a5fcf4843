"""Open311 GeoReport v2 conformance through Django's test client (the live client test is separate)."""

import json
from datetime import timedelta
from xml.etree import ElementTree as ET

import pytest
from django.utils import timezone

from mapping.models import IssueReport, PartnerApiKey
from mapping.services import issue_partner_key
from tests.mapping.factories import ReportFactory, history

BASE = "/open311/v2"


@pytest.fixture
def api_key(council_org):
    _key, raw = issue_partner_key(organisation=council_org, name="Partner app")
    return raw


@pytest.fixture
def open_report(council, potholes):
    return ReportFactory(
        category=potholes, latitude=52.9, longitude=-1.55, title="Hole", location_text="High St"
    )


@pytest.fixture
def fixed_report(council, lights, report_officer):
    report = ReportFactory(category=lights, latitude=52.9, longitude=-1.51, status="fixed")
    history(report, "fixed", report_officer, note="New lamp fitted.")
    return report


def xml(response):
    assert response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own server's output


def test_services_in_both_formats(client, potholes, lights):
    data = client.get(f"{BASE}/services.json").json()
    assert [s["service_code"] for s in data] == ["LIGHT", "POT"]
    assert set(data[0]) >= {
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    }
    root = xml(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services"
    assert [s.findtext("service_code") for s in root.findall("service")] == ["LIGHT", "POT"]
    assert root.find("service/metadata").text == "false"


def test_service_definition_in_both_formats_and_unknown_code(client, potholes):
    assert client.get(f"{BASE}/services/POT.json").json() == {"service_code": "POT", "attributes": []}
    root = xml(client.get(f"{BASE}/services/POT.xml"))
    assert root.tag == "service_definition" and root.findtext("service_code") == "POT"
    missing = client.get(f"{BASE}/services/NOPE.json")
    assert missing.status_code == 404
    assert missing.json() == [{"code": 404, "description": "Unknown service_code: NOPE."}]
    root = xml(client.get(f"{BASE}/services/NOPE.xml"))
    assert root.tag == "errors" and root.findtext("error/code") == "404"


def test_requests_search_in_both_formats(client, open_report, fixed_report):
    data = client.get(f"{BASE}/requests.json").json()
    assert {r["service_request_id"] for r in data} == {str(open_report.pk), str(fixed_report.pk)}
    fixed = next(r for r in data if r["service_request_id"] == str(fixed_report.pk))
    assert fixed["status"] == "closed" and fixed["status_notes"] == "New lamp fitted."
    assert fixed["service_code"] == "LIGHT" and fixed["agency_responsible"] == "Testborough Council"
    assert isinstance(fixed["lat"], float) and isinstance(fixed["long"], float)
    root = xml(client.get(f"{BASE}/requests.xml"))
    assert root.tag == "service_requests" and len(root.findall("request")) == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", ["open"]),
        ("status=closed", ["fixed"]),
        ("status=open,closed", ["open", "fixed"]),
        ("service_code=POT", ["open"]),
        ("service_code=POT,LIGHT", ["open", "fixed"]),
        ("jurisdiction_id=", ["open", "fixed"]),
    ],
)
def test_requests_filters(client, open_report, fixed_report, query, expected):
    names = {str(open_report.pk): "open", str(fixed_report.pk): "fixed"}
    data = client.get(f"{BASE}/requests.json?{query}").json()
    assert sorted(names[r["service_request_id"]] for r in data) == sorted(expected)


def test_requests_by_id_and_date_range(client, open_report, fixed_report):
    data = client.get(f"{BASE}/requests.json?service_request_id={open_report.pk},{fixed_report.pk}").json()
    assert len(data) == 2
    IssueReport.objects.filter(pk=fixed_report.pk).update(created_at=timezone.now() - timedelta(days=200))
    assert len(client.get(f"{BASE}/requests.json").json()) == 1  # default: the last 90 days
    old = (timezone.now() - timedelta(days=210)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (timezone.now() - timedelta(days=150)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ranged = client.get(f"{BASE}/requests.json?start_date={old}&end_date={end}").json()
    assert [r["service_request_id"] for r in ranged] == [str(fixed_report.pk)]


@pytest.mark.parametrize(
    "query",
    [
        "start_date=yesterday",
        "status=pending",
        "service_request_id=abc",
        "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
        "start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z",
    ],
)
def test_bad_search_parameters_get_the_standard_error(client, council, query):
    response = client.get(f"{BASE}/requests.json?{query}")
    assert response.status_code == 400
    [error] = response.json()
    assert error["code"] == 400 and error["description"]


def test_single_request_in_both_formats_and_unknown_id(client, open_report):
    [row] = client.get(f"{BASE}/requests/{open_report.pk}.json").json()
    assert row["service_request_id"] == str(open_report.pk) and row["address"] == "High St"
    root = xml(client.get(f"{BASE}/requests/{open_report.pk}.xml"))
    assert root.findtext("request/service_request_id") == str(open_report.pk)
    assert client.get(f"{BASE}/requests/999999.json").status_code == 404
    assert xml(client.get(f"{BASE}/requests/999999.xml")).findtext("error/code") == "404"


def test_unknown_format_and_foreign_jurisdiction(client, council, settings):
    assert client.get(f"{BASE}/services.csv").status_code == 404
    settings.OPEN311_JURISDICTION = "testborough.example"
    assert client.get(f"{BASE}/services.json?jurisdiction_id=testborough.example").status_code == 200
    assert client.get(f"{BASE}/services.json?jurisdiction_id=").status_code == 200
    assert client.get(f"{BASE}/services.json?jurisdiction_id=elsewhere").status_code == 404


def post(client, fmt="json", **data):
    return client.post(f"{BASE}/requests.{fmt}", data)


def valid(key, **extra):
    data = {
        "api_key": key,
        "service_code": "POT",
        "lat": "52.905",
        "long": "-1.545",
        "description": "Pothole by the bus stop",
        "email": "someone@example.org",
        "jurisdiction_id": "",
    }
    data.update(extra)
    return data


def test_partner_creates_a_request_in_both_formats(client, council, potholes, api_key):
    response = post(client, **valid(api_key))
    assert response.status_code == 201
    [row] = response.json()
    report = IssueReport.objects.get(pk=int(row["service_request_id"]))
    assert report.source == "open311" and report.partner.name == "Partner app"
    assert report.ward.slug == "west" and report.contact_email == "someone@example.org"
    assert report.reporter is None
    root = xml(post(client, "xml", **valid(api_key, description="Another one")))
    assert root.tag == "service_requests" and root.findtext("request/service_request_id")


def test_partner_can_give_a_gazetteer_address_instead_of_coordinates(client, potholes, high_street, api_key):
    response = post(client, **valid(api_key, lat="", long="", address_string="High Street"))
    assert response.status_code == 201
    assert IssueReport.objects.get().location_text == "High Street"


@pytest.mark.parametrize(
    ("change", "status", "needle"),
    [
        ({"api_key": "wrong"}, 403, "api_key"),
        ({"api_key": ""}, 403, "api_key"),
        ({"service_code": ""}, 400, "service_code is required"),
        ({"service_code": "NOPE"}, 400, "Unknown service_code"),
        ({"lat": "", "long": ""}, 400, "lat and long"),
        ({"lat": "ninety"}, 400, "Latitude must be a number"),
        ({"lat": "95"}, 400, "between -90 and 90"),
        ({"lat": "51.5", "long": "-0.12"}, 400, "outside the council's area"),
        ({"description": ""}, 400, "description is required"),
        ({"email": "not-an-email"}, 400, "email"),
        ({"lat": "", "long": "", "address_string": "Nowhere Lane"}, 400, "address_string"),
    ],
)
def test_bad_posts_get_the_standard_error_and_save_nothing(
    client, council, potholes, api_key, change, status, needle
):
    for fmt in ("json", "xml"):
        response = post(client, fmt, **valid(api_key, **change))
        assert response.status_code == status
        if fmt == "json":
            [error] = response.json()
            assert error["code"] == status and needle in error["description"]
        else:
            root = xml(response)
            assert root.findtext("error/code") == str(status) and needle in root.findtext("error/description")
    assert not IssueReport.objects.exists()


def test_revoked_key_is_refused(client, council, potholes, api_key):
    PartnerApiKey.objects.update(active=False)
    assert post(client, **valid(api_key)).status_code == 403


def test_requests_search_queries_are_bounded(client, council, potholes, django_assert_max_num_queries):
    ReportFactory.create_batch(25, category=potholes)
    with django_assert_max_num_queries(3):
        assert len(client.get(f"{BASE}/requests.json").json()) == 25


def test_status_notes_and_service_json_are_valid_json_documents(client, fixed_report):
    body = client.get(f"{BASE}/requests.json").content
    assert isinstance(json.loads(body), list)


@pytest.mark.parametrize(
    "query",
    [
        "service_request_id=١٢",  # digits, but not ASCII
        f"service_request_id={'9' * 30}",  # beyond 64 bits
        "service_request_id=" + ",".join(str(n) for n in range(1, 150)),  # too many at once
        "start_date=2026-13-45T00:00:00Z",  # well formed, impossible
        "start_date=9999-12-31T23:59:59Z",  # adding the 90-day span would overflow
        "end_date=0001-01-01T00:00:00Z",
        "start_date=２０２６-01-01T00:00:00Z",
    ],
)
def test_hostile_search_parameters_are_400_not_500(client, council, query):
    for fmt in ("json", "xml"):
        response = client.get(f"{BASE}/requests.{fmt}?{query}")
        assert response.status_code == 400, response.content


@pytest.mark.parametrize("request_id", ["١٢", "9" * 30, "-1", "1e3"])
def test_hostile_request_ids_are_404(client, open_report, request_id):
    assert client.get(f"{BASE}/requests/{request_id}.json").status_code == 404


@pytest.mark.parametrize("lat", ["1e999", "nan", "-inf", "٥٢.٩"])
def test_hostile_coordinates_in_a_post_are_400(client, council, potholes, api_key, lat):
    response = post(client, **valid(api_key, lat=lat))
    assert response.status_code in (201, 400)  # Arabic-Indic digits are a number to Python; never a 500
    if lat != "٥٢.٩":
        assert response.status_code == 400


def test_xml_feed_never_emits_characters_xml_forbids(client, council, potholes, report_officer):
    forbidden = "\x01\x08\x0b\x0c\x1f\x7f\ufffe\uffff"  # rows stored before input stripping began
    report = ReportFactory(
        category=potholes, description=f"Stored{forbidden} long ago", location_text="A\x0bB"
    )
    history(report, "acknowledged", report_officer, note="Seen\x1b[31m today")
    for path in (f"{BASE}/requests.xml", f"{BASE}/requests/{report.pk}.xml"):
        response = client.get(path)
        root = xml(response)  # parses: the feed is well-formed XML 1.0
        assert root.findtext("request/description") == "Stored long ago"
        assert root.findtext("request/address") == "AB"
        assert root.findtext("request/status_notes") == "Seen[31m today"
    [row] = client.get(f"{BASE}/requests/{report.pk}.json").json()  # JSON escapes; nothing lost there
    assert "\x0b" in row["address"]
