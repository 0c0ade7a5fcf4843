"""Open311 GeoReport v2 driven by a real client from PyPI (georeport) against a running daphne server."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connections
from georeport import GeoReport

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "o311live"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict) -> str:
    """The URL of the test database this process uses, for the server process to share."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{settings_dict['NAME']}"


def _cleanup():
    from civic.models import Organisation
    from mapping.models import Area, IssueCategory, IssueReport, PartnerApiKey

    IssueReport.objects.filter(category__slug__startswith=PREFIX).delete()
    IssueCategory.objects.filter(slug__startswith=PREFIX).delete()
    PartnerApiKey.objects.filter(name__startswith=PREFIX).delete()
    Area.objects.filter(slug__startswith=PREFIX).delete()
    Organisation.objects.filter(slug__startswith=PREFIX).delete()


def _seed():
    """Committed rows the server process can see: a council, two services, two requests, a key."""
    from civic.models import Organisation
    from mapping.models import Area, IssueCategory, PartnerApiKey
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
    _key, raw = PartnerApiKey.issue(org, f"{PREFIX} partner")
    return {"open": first.pk, "fixed": second.pk, "key": raw}


def in_thread(func):
    """Run database work in a fresh thread: an earlier test may leave an event loop running in this one."""
    result = {}

    def work():
        try:
            result["value"] = func()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            result["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def _is_test_database(connection) -> bool:
    return connection.settings_dict["NAME"] == connection.creation._get_test_db_name()


@pytest.fixture(scope="session")
def open311_server(django_db_setup, django_db_blocker):
    """daphne on a free loopback port, sharing the test database; stopped at the end of the session."""
    with django_db_blocker.unblock():
        connection = connections["default"]
        if not _is_test_database(connection):
            pytest.skip("the test database is not set up; run this module whole")
        url = database_url(connection.settings_dict)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "civic.settings.test"}
    log = tempfile.NamedTemporaryFile(prefix="open311-daphne-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "civic.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/open311/v2"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"daphne exited early:\n{Path(log.name).read_text()[-3000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{base}/services.json", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"daphne did not answer:\n{Path(log.name).read_text()[-3000:]}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        os.unlink(log.name)


@pytest.fixture(scope="module")
def server(open311_server, django_db_blocker):
    """Committed rows for the server to serve (outside any test transaction), removed afterwards.

    Reading tests are marked django_db so the test database is set up; the posting test is not,
    because an open test transaction on SQLite would lock the server out of writing.
    """
    with django_db_blocker.unblock():
        in_thread(_cleanup)
        seeded = in_thread(_seed)
    try:
        yield {"base": open311_server, **seeded}
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
