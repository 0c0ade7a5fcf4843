"""Open311 GeoReport v2 driven by a real client from PyPI (georeport) against a running daphne server."""

import pytest
import requests
from georeport import GeoReport

from tests.mapping.live import in_thread

PREFIX = "o311live"


def _cleanup():
    from civic.models import Area, Organisation
    from mapping.models import IssueCategory, IssueReport, PartnerApiKey

    IssueReport.objects.filter(category__slug__startswith=PREFIX).delete()
    IssueCategory.objects.filter(slug__startswith=PREFIX).delete()
    PartnerApiKey.objects.filter(name__startswith=PREFIX).delete()
    Area.objects.filter(slug__startswith=PREFIX).delete()
    Organisation.objects.filter(slug__startswith=PREFIX).delete()


def _seed():
    """Committed rows the server process can see: a council, two services, two requests, a key."""
    from civic.models import Area, Organisation
    from mapping.models import IssueCategory
    from mapping.services import issue_partner_key
    from tests.mapping.factories import ReportFactory, history, square

    org = Organisation.objects.create(name="Live Council", slug=f"{PREFIX}-council")
    Area.objects.create(
        name="Live borough", slug=f"{PREFIX}-borough", kind="council", geometry=square(10.0, 50.0, 10.1, 50.1)
    )
    Area.objects.create(name="Live ward", slug=f"{PREFIX}-ward", geometry=square(10.0, 50.0, 10.1, 50.1))
    pot = IssueCategory.objects.create(
        name="Live pothole", slug=f"{PREFIX}-pot", service_code="LIVE-POT", organisation=org
    )
    IssueCategory.objects.create(
        name="Live light", slug=f"{PREFIX}-light", service_code="LIVE-LIGHT", organisation=org
    )
    first = ReportFactory(category=pot, latitude=50.05, longitude=10.05, title="Live hole", reporter=None)
    second = ReportFactory(
        category=pot, latitude=50.06, longitude=10.06, title="Fixed hole", reporter=None, status="fixed"
    )
    history(second, "fixed", note="Filled in.")
    _key, raw = issue_partner_key(organisation=org, name=f"{PREFIX} partner")
    return {"open": first.pk, "fixed": second.pk, "key": raw}


@pytest.fixture(scope="module")
def server(civic_server, django_db_blocker):
    """Committed rows for the server to serve (outside any test transaction), removed afterwards.

    Reading tests are marked django_db so the test database is set up; the posting test is not,
    because an open test transaction on SQLite would lock the server out of writing.
    """
    with django_db_blocker.unblock():
        in_thread(_cleanup)
        seeded = in_thread(_seed)
    try:
        yield {"base": f"{civic_server}/open311/v2", **seeded}
    finally:
        with django_db_blocker.unblock():
            in_thread(_cleanup)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_client_reads_every_endpoint(server, fmt):
    client = GeoReport(server["base"], jurisdiction="", output_format=fmt)
    services = client.get_service_list()
    codes = {s["service_code"] for s in services}
    assert {"LIVE-POT", "LIVE-LIGHT"} <= codes
    definition = client.get_service_definition("LIVE-POT")
    assert definition["service_code"] == "LIVE-POT"
    found = client.get_service_requests(service_code="LIVE-POT")
    found = found if isinstance(found, list) else [found]
    assert {r["service_request_id"] for r in found} == {str(server["open"]), str(server["fixed"])}
    closed = client.get_service_requests(service_code="LIVE-POT", status="closed")
    closed = closed if isinstance(closed, list) else [closed]
    assert [r["service_request_id"] for r in closed] == [str(server["fixed"])]
    one = client.get_service_request(str(server["fixed"]))
    assert one["status"] == "closed" and one["status_notes"] == "Filled in."
    assert float(one["lat"]) == pytest.approx(50.06)


@pytest.mark.django_db
def test_georeport_client_sees_errors_as_http_errors(server):
    client = GeoReport(server["base"], output_format="json")
    with pytest.raises(requests.HTTPError) as caught:
        client.get_service_definition("NO-SUCH-CODE")
    assert caught.value.response.status_code == 404
    assert caught.value.response.json()[0]["code"] == 404


def test_partner_posts_a_request_and_reads_it_back(server):
    response = requests.post(
        f"{server['base']}/requests.json",
        data={
            "api_key": server["key"],
            "service_code": "LIVE-POT",
            "lat": "50.02",
            "long": "10.02",
            "description": "Posted by a partner over HTTP",
            "jurisdiction_id": "",
        },
        timeout=10,
    )
    assert response.status_code == 201, response.text
    new_id = response.json()[0]["service_request_id"]
    read = GeoReport(server["base"], output_format="xml").get_service_request(new_id)
    assert read["description"] == "Posted by a partner over HTTP" and read["status"] == "open"
    bad = requests.post(
        f"{server['base']}/requests.xml", data={"api_key": "nope", "service_code": "LIVE-POT"}, timeout=10
    )
    assert bad.status_code == 403 and "<errors><error><code>403</code>" in bad.text


@pytest.mark.django_db
def test_seeded_rows_are_committed_for_the_server(server):
    from mapping.models import IssueReport

    assert IssueReport.objects.filter(pk__in=[server["open"], server["fixed"]]).count() == 2
