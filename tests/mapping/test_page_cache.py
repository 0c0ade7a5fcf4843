"""Anonymous readers get report pages and pins from the cache (civic.pagecache) until a report
write commits."""

import pytest
from django.urls import reverse

from civic import pagecache
from mapping import services
from tests.mapping.factories import ReportFactory

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def report(council, potholes):
    return ReportFactory(category=potholes, title="Hole outside the library")


def cached(client, url) -> str:
    client.get(url)
    client.get(url)
    second = client.get(url)
    assert second.status_code == 200 and second[pagecache.HEADER] == "hit", url
    return second.content.decode()


def test_a_status_change_makes_cached_report_pages_stale(
    client, report, report_officer, django_capture_on_commit_callbacks
):
    urls = {
        "detail": report.get_absolute_url(),
        "list": reverse("mapping:report_list"),
        "pins": reverse("mapping:report_pins"),
        "map": reverse("mapping:report_map"),
    }
    for url in urls.values():
        cached(client, url)
    assert "In progress" not in cached(client, urls["detail"])
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            officer=report_officer, report=report, status="in_progress", note="Crew booked"
        )
    for name, url in urls.items():
        response = client.get(url)
        assert response[pagecache.HEADER] == "miss", name
    assert "In progress" in client.get(urls["detail"]).content.decode()
    assert '"status":"in_progress"' in client.get(urls["pins"]).content.decode()


def test_hiding_a_report_takes_it_off_the_cached_map_and_list(
    client, report, report_officer, django_capture_on_commit_callbacks
):
    assert "Hole outside the library" in cached(client, reverse("mapping:report_list"))
    assert "Hole outside the library" in cached(client, reverse("mapping:report_pins"))
    with django_capture_on_commit_callbacks(execute=True):
        services.set_hidden(officer=report_officer, report=report, hidden=True)
    assert "Hole outside the library" not in client.get(reverse("mapping:report_list")).content.decode()
    assert "Hole outside the library" not in client.get(reverse("mapping:report_pins")).content.decode()
    assert client.get(report.get_absolute_url()).status_code == 404


def test_a_signed_in_officer_gets_the_officer_page_not_the_cached_one(client, report, report_officer):
    from tests.support.auth import sign_in

    cached(client, report.get_absolute_url())
    sign_in(client, report_officer)
    response = client.get(report.get_absolute_url())
    assert response.get(pagecache.HEADER) is None and "Officer actions" in response.content.decode()
