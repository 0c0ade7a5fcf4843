"""Removed means gone: a hidden or merged report leaves every public copy (pins, map and list pages,
Open311 list and single, exports, its photo, the search index); officers still find it."""

import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from mapping import services
from mapping.models import IssueReport
from search import documents
from tests.mapping.factories import ReportFactory
from tests.mapping.test_services import jpeg_with_gps, report_kwargs
from tests.support.auth import sign_in

SECRET = "Zanzibar-gravel"


@pytest.fixture(autouse=True)
def fresh(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()


@pytest.fixture
def target(council, potholes, reporter):
    photo = SimpleUploadedFile("p.jpg", jpeg_with_gps(), content_type="image/jpeg")
    return services.create_report(
        **report_kwargs(
            reporter, potholes, title=f"Pothole {SECRET}", description=f"Near {SECRET}.", photo=photo
        )
    )


@pytest.fixture
def original(council, potholes):
    return ReportFactory(category=potholes, latitude=52.905, longitude=-1.545, title="The first report")


def public_copies(client, report) -> dict[str, str]:
    """Every public place a report's text could show, as text."""
    by_id = f"/open311/v2/requests.json?service_request_id={report.pk}"
    return {
        "pins": client.get("/reports/pins.geojson").content.decode(),
        "list": client.get("/reports/list/").content.decode(),
        "open311 json": client.get("/open311/v2/requests.json").content.decode(),
        "open311 xml": client.get("/open311/v2/requests.xml").content.decode(),
        "open311 single": client.get(f"/open311/v2/requests/{report.pk}.json").content.decode(),
        "open311 by id": client.get(by_id).content.decode(),
    }


def officer_copies(client) -> dict[str, str]:
    return {
        "work list": client.get("/reports/manage/").content.decode(),
        "csv": b"".join(client.get("/reports/manage/export.csv").streaming_content).decode(),
        "geojson": client.get("/reports/manage/export.geojson").content.decode(),
    }


def hide(client, report, hidden=True, expect=302):
    response = client.post(f"/reports/{report.pk}/hide/", {"hidden": "1" if hidden else "0"})
    assert response.status_code == expect
    return response


def test_a_visible_report_is_in_every_copy(client, target, report_officer):
    copies = public_copies(client, target)
    assert all(SECRET in text for text in copies.values()), [k for k, v in copies.items() if SECRET not in v]
    sign_in(client, report_officer)
    assert all(SECRET in text for text in officer_copies(client).values())


def test_a_hidden_report_leaves_every_public_copy_and_export(
    client, target, report_officer, django_capture_on_commit_callbacks
):
    assert SECRET in client.get("/reports/pins.geojson").content.decode()  # now cached
    sign_in(client, report_officer)
    with django_capture_on_commit_callbacks(execute=True):
        hide(client, target)
    assert not any(SECRET in text for text in officer_copies(client).values())
    client.logout()
    copies = public_copies(client, target)
    assert [name for name, text in copies.items() if SECRET in text] == []
    assert client.get(f"/open311/v2/requests/{target.pk}.json").status_code == 404
    assert client.get(target.get_absolute_url()).status_code == 404
    assert client.get(f"/reports/{target.pk}/photo").status_code == 404
    assert client.get("/reports/").context["report_count"] == 0


def test_officers_still_see_a_hidden_report_and_can_show_it_again(client, target, report_officer):
    sign_in(client, report_officer)
    hide(client, target)
    page = client.get(target.get_absolute_url())
    assert page.status_code == 200 and "Hidden from the public" in page.content.decode()
    assert client.get(f"/reports/{target.pk}/photo").status_code == 200
    hide(client, target, hidden=False)
    client.logout()
    assert client.get(target.get_absolute_url()).status_code == 200


def test_only_officers_of_the_responsible_organisation_may_hide(client, target, police_officer, reporter):
    sign_in(client, police_officer)
    hide(client, target, expect=403)
    sign_in(client, reporter)
    hide(client, target, expect=403)
    target.refresh_from_db()
    assert target.hidden_at is None


def test_a_merged_report_leaves_public_copies_and_its_link_leads_to_the_original(
    client, target, original, report_officer
):
    services.merge_duplicate(officer=report_officer, report=target, into=original)
    copies = public_copies(client, target)
    assert [name for name, text in copies.items() if SECRET in text] == []
    assert "The first report" in copies["list"]
    response = client.get(target.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == original.get_absolute_url()
    assert client.get(f"/reports/{target.pk}/photo").status_code == 404
    sign_in(client, report_officer)
    assert client.get(target.get_absolute_url()).status_code == 200  # officers see the merged report
    assert not any(SECRET in text for text in officer_copies(client).values())


def test_hidden_and_merged_reports_leave_the_search_index(target, original, report_officer):
    doc_type = documents.REGISTRY["issue_report"]
    assert doc_type.is_indexable(target)
    services.set_hidden(officer=report_officer, report=target, hidden=True)
    docs, gone = documents.build([f"issue_report:{target.pk}"])
    assert docs == {} and gone == {f"issue_report:{target.pk}"}
    services.set_hidden(officer=report_officer, report=target, hidden=False)
    assert documents.build([f"issue_report:{target.pk}"])[0]
    services.merge_duplicate(officer=report_officer, report=target, into=original)
    assert documents.build([f"issue_report:{target.pk}"])[1] == {f"issue_report:{target.pk}"}


def test_hidden_reports_are_not_offered_as_nearby_or_merge_targets(client, target, original, report_officer):
    services.set_hidden(officer=report_officer, report=original, hidden=True)
    nearby = services.nearby_open(original.category, 52.905, -1.545)
    assert original not in nearby and target in nearby
    with pytest.raises(services.ReportError):
        services.merge_duplicate(officer=report_officer, report=target, into=original)
    assert IssueReport.objects.get(pk=target.pk).status == "open"


def test_pins_for_a_filter_are_bounded_in_queries(client, target, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get("/reports/pins.geojson?status=open")
    assert json.loads(client.get("/reports/pins.geojson").content)["features"]


def test_report_pages_and_open311_stay_bounded_in_queries(
    client, target, original, potholes, report_officer, django_assert_max_num_queries
):
    ReportFactory.create_batch(5, category=potholes)
    services.set_hidden(officer=report_officer, report=original, hidden=True)
    with django_assert_max_num_queries(3):
        client.get("/open311/v2/requests.json")
    with django_assert_max_num_queries(3):
        client.get(f"/open311/v2/requests/{target.pk}.xml")
    with django_assert_max_num_queries(12):
        client.get(target.get_absolute_url())
    with django_assert_max_num_queries(4):
        client.get(f"/reports/{target.pk}/photo")
    with django_assert_max_num_queries(6):
        client.get("/reports/list/")
