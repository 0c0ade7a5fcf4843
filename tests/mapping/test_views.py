import json
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from mapping.models import IssueReport
from tests.civic.factories import UserFactory
from tests.mapping.factories import ReportFactory
from tests.mapping.test_services import jpeg_with_gps
from tests.support.auth import sign_in

URL_ATTR = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", re.I)
ANY_URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""", re.I)


def external_urls(html: str) -> list[str]:
    """Every absolute URL in the page that is not the tile server or this site (hreflang alternates)."""
    tile_origin = settings.MAP_TILE_ORIGIN
    found = set(ANY_URL.findall(html)) | {u for u in URL_ATTR.findall(html) if "//" in u}
    return sorted(
        u
        for u in found
        if not (
            u.startswith(tile_origin)
            or u.startswith("//" + tile_origin.split("//")[1])
            or u.startswith("http://testserver/")
        )
    )


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


@pytest.fixture
def reports(council, potholes, lights):
    return [
        ReportFactory(category=potholes, latitude=52.90, longitude=-1.55, title="Pothole west"),
        ReportFactory(category=lights, latitude=52.90, longitude=-1.51, title="Light east", status="fixed"),
    ]


def test_issues_map_page_is_built_with_folium_and_only_local_assets(client, reports):
    response = client.get("/reports/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="folium-map"' in html
    assert "L.map(" in html and "CivicMap.loadPins(" in html
    assert external_urls(html) == []
    assert "/static/mapping/vendor/leaflet/leaflet.js" in html
    assert "/static/mapping/vendor/markercluster/leaflet.markercluster-src.js" in html
    assert settings.MAP_TILE_URL in html
    assert h1_count(html) == 1


def test_map_pins_link_to_report_pages_by_the_url_routes(client, reports):
    """The pin popups' link is the report page's route with an {id} slot the map script fills in."""
    from django.urls import reverse

    from mapping.maps import report_link_template

    html = client.get("/reports/").content.decode()
    assert report_link_template() == "/reports/{id}/"
    assert '"link": "/reports/{id}/"' in html
    report = reports[0]
    assert report_link_template().replace("{id}", str(report.pk)) == reverse(
        "mapping:report_detail", args=[report.pk]
    )
    assert client.get(report.get_absolute_url()).status_code == 200


def test_map_page_has_no_inline_style_and_scripts_carry_the_nonce(client, reports):
    response = client.get("/reports/")
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert "<style" not in html
    assert not re.search(r"\sstyle\s*=", html)
    inline_scripts = re.findall(r"<script(?![^>]*\ssrc=)([^>]*)>", html)
    assert inline_scripts and all(f'nonce="{nonce}"' in attrs for attrs in inline_scripts)


def test_pins_are_valid_geojson_and_follow_the_filters(client, reports, potholes):
    response = client.get("/reports/pins.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 2
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(feature["properties"]) == {"id", "title", "status", "category"}
    filtered = json.loads(client.get("/reports/pins.geojson?category=potholes&status=open&ward=west").content)
    assert [f["properties"]["title"] for f in filtered["features"]] == ["Pothole west"]


def test_map_pins_url_carries_the_page_filters(client, reports):
    html = client.get("/reports/?status=fixed").content.decode()
    assert "/reports/pins.geojson?status=fixed" in html
    assert "1 report<" in html


def test_list_is_the_same_reports_without_javascript(client, reports):
    html = client.get("/reports/list/?ward=east").content.decode()
    assert "Light east" in html and "Pothole west" not in html
    assert "<table" in html and "<script" not in html
    assert h1_count(html) == 1


def test_unknown_filter_values_are_reported_not_fatal(client, reports):
    response = client.get("/reports/list/?category=nonsense")
    assert response.status_code == 200
    assert 'href="#id_category"' in response.content.decode()


def test_map_list_and_pins_use_a_bounded_number_of_queries(
    client, council, potholes, django_assert_max_num_queries
):
    ReportFactory.create_batch(30, category=potholes)
    with django_assert_max_num_queries(8):
        client.get("/reports/")
    with django_assert_max_num_queries(3):
        client.get("/reports/pins.geojson")
    with django_assert_max_num_queries(8):
        client.get("/reports/list/")


def test_report_page_shows_public_history_without_personal_details(client, reports):
    report = reports[0]
    html = client.get(f"/reports/{report.pk}/").content.decode()
    assert report.title in html
    assert report.reporter.email not in html and "Realfirst" not in html
    assert "Officer actions" not in html


def test_report_page_queries_are_bounded(client, reports, report_officer, django_assert_max_num_queries):
    sign_in(client, report_officer)
    with django_assert_max_num_queries(15):  # + the locales, looked up by each test (conftest)
        response = client.get(f"/reports/{reports[0].pk}/")
    assert "Officer actions" in response.content.decode()


# The journey without JavaScript: gazetteer search, details, check, send.


def test_anonymous_person_starts_the_journey_without_signing_in(client, council):
    response = client.get("/reports/new/")
    assert response.status_code == 200
    assert "<h1>Where is the problem?</h1>" in response.content.decode()


def test_unverified_person_is_told_why_they_cannot_report(client, council):
    sign_in(client, UserFactory(verified=False))
    response = client.get("/reports/new/")
    assert response.status_code == 403
    assert "Confirm your email" in response.content.decode()


def test_report_journey_by_gazetteer_without_javascript(client, council, potholes, high_street, reporter):
    sign_in(client, reporter)
    step1 = client.get("/reports/new/?q=high+str").content.decode()
    assert h1_count(step1) == 1
    link = (
        re.search(r'href="(/reports/new/details/\?[^"]+)">High Street<', step1).group(1).replace("&amp;", "&")
    )
    step2 = client.get(link)
    assert step2.status_code == 200
    assert "West Ward" in step2.content.decode()
    details = {
        "latitude": "52.905000",
        "longitude": "-1.545000",
        "place": "High Street",
        "category": "potholes",
        "title": "Deep pothole",
        "description": "Outside the bakery.",
    }
    step3 = client.post("/reports/new/details/", details)
    html = step3.content.decode()
    assert step3.status_code == 200 and "Check your report" in html
    assert not IssueReport.objects.exists()  # nothing saved before the person confirms
    sent = client.post("/reports/new/confirm/", details)
    report = IssueReport.objects.get()
    assert sent.status_code == 302 and sent["Location"] == f"/reports/{report.pk}/"
    assert (report.location_text, report.ward.slug, report.reporter) == ("High Street", "west", reporter)


def test_report_journey_by_postcode_without_javascript(
    client, council, potholes, reporter, django_assert_max_num_queries
):
    from civic.models import Address
    from tests.civic.factories import AddressFactory

    AddressFactory(ref="postcode:NB12AB", kind=Address.Kind.POSTCODE, name="NB1 2AB", latitude=52.9071,
                   longitude=-1.5432, ward=council[1])  # fmt: skip
    AddressFactory(ref="os:elm", kind=Address.Kind.STREET, name="Elm Road", context="Northbrook, NB1")
    sign_in(client, reporter)
    with django_assert_max_num_queries(20):
        step1 = client.get("/reports/new/?q=nb1+2ab")
    html = step1.content.decode()
    assert step1.status_code == 200 and "1 place found" in html and "(postcode, West Ward ward)" in html
    link = re.search(r'href="(/reports/new/details/\?[^"]+)">NB1 2AB<', html).group(1).replace("&amp;", "&")
    assert "latitude=52.907100" in link and "place=NB1%202AB" in link
    step2 = client.get(link)
    assert step2.status_code == 200 and "West Ward" in step2.content.decode()
    details = {"latitude": "52.907100", "longitude": "-1.543200", "place": "NB1 2AB", "category": "potholes",
               "title": "Deep pothole", "description": "By the postbox."}  # fmt: skip
    sent = client.post("/reports/new/confirm/", details)
    report = IssueReport.objects.get()
    assert sent.status_code == 302 and (report.location_text, report.ward.slug) == ("NB1 2AB", "west")


def test_place_search_in_the_journey_forgives_a_typo_and_says_when_nothing_matches(client, council, reporter):
    from tests.civic.factories import AddressFactory

    AddressFactory(ref="os:elm", kind="street", name="Elm Road", context="Northbrook, NB1")
    sign_in(client, reporter)
    assert ">Elm Road, Northbrook, NB1<" in client.get("/reports/new/?q=elm+raod").content.decode()
    nothing = client.get("/reports/new/?q=zebra+crossing+lane").content.decode()
    assert "0 places found" in nothing and "No postcode, street or landmark matched" in nothing


def test_the_place_search_box_is_ready_to_fill_the_map_picker(client, council, reporter):
    sign_in(client, reporter)
    html = client.get("/reports/new/").content.decode()
    assert 'data-place-lookup="/places/suggest/"' in html
    assert 'data-fill-latitude="id_latitude"' in html and 'data-fill-place="id_place"' in html
    assert "js/place-lookup.js" in html and 'id="id_latitude"' in html and 'id="id_place"' in html


def test_report_journey_by_coordinates_with_a_photo(client, council, potholes, reporter, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(client, reporter)
    step1 = client.get("/reports/new/?latitude=52.91&longitude=-1.52")
    assert step1.status_code == 302 and step1["Location"].startswith("/reports/new/details/?latitude=52.91")
    data = {
        "latitude": "52.91",
        "longitude": "-1.52",
        "category": "potholes",
        "title": "Hole",
        "description": "Big.",
    }
    photo = SimpleUploadedFile("p.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post("/reports/new/confirm/", {**data, "photo": photo})
    assert response.status_code == 302
    report = IssueReport.objects.get()
    assert report.ward.slug == "east" and report.photo


def test_coordinates_outside_the_area_show_an_error_summary_linked_to_the_field(client, council, reporter):
    sign_in(client, reporter)
    response = client.get("/reports/new/?latitude=51.5&longitude=-0.12")
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and 'href="#id_latitude"' in html
    assert "outside the council" in html and 'aria-invalid="true"' in html


def test_non_numeric_coordinates_are_explained(client, council, reporter):
    sign_in(client, reporter)
    html = client.get("/reports/new/?latitude=north&longitude=west").content.decode()
    assert "Latitude must be a number" in html and "Longitude must be a number" in html


def test_missing_details_are_listed_and_nothing_saved(client, council, reporter):
    sign_in(client, reporter)
    response = client.post(
        "/reports/new/details/", {"latitude": "52.9", "longitude": "-1.55", "category": "nope"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    for field in ("category", "title", "description"):
        assert f'href="#id_{field}"' in html
    assert not IssueReport.objects.exists()


def test_a_non_image_photo_is_refused_on_the_check_page(client, council, potholes, reporter):
    sign_in(client, reporter)
    data = {
        "latitude": "52.91",
        "longitude": "-1.52",
        "category": "potholes",
        "title": "Hole",
        "description": "Big.",
    }
    bad = SimpleUploadedFile("p.png", b"<svg></svg>", content_type="image/png")
    response = client.post("/reports/new/confirm/", {**data, "photo": bad})
    assert response.status_code == 400
    assert 'href="#id_photo"' in response.content.decode()
    assert not IssueReport.objects.exists()


def test_check_page_offers_nearby_open_reports_first(client, council, potholes, reporter):
    existing = ReportFactory(category=potholes, latitude=52.9050, longitude=-1.5450, title="Same hole")
    sign_in(client, reporter)
    data = {
        "latitude": "52.9051",
        "longitude": "-1.5451",
        "category": "potholes",
        "title": "Hole",
        "description": "x y",
    }
    html = client.post("/reports/new/details/", data).content.decode()
    assert html.index("Already reported nearby") < html.index("Your report")
    assert f"/reports/{existing.pk}/voice/" in html
    response = client.post(f"/reports/{existing.pk}/voice/")
    assert response.status_code == 302
    assert existing.followers.filter(pk=reporter.pk).exists()


def test_location_step_has_a_map_for_javascript_users(client, council, reporter):
    sign_in(client, reporter)
    html = client.get("/reports/new/").content.decode()
    assert "CivicMap.pickLocation(" in html and '"latInput": "id_latitude"' in html
    assert external_urls(html) == []


# Officers


def test_officer_updates_status_with_a_public_note(client, reports, report_officer):
    report = reports[0]
    sign_in(client, report_officer)
    response = client.post(
        f"/reports/{report.pk}/status/", {"status-status": "acknowledged", "status-note": "Seen."}
    )
    assert response.status_code == 302
    html = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Seen." in html and "Acknowledged" in html


def test_resident_cannot_update_status(client, reports, reporter):
    sign_in(client, reporter)
    response = client.post(f"/reports/{reports[0].pk}/status/", {"status-status": "fixed"})
    assert response.status_code == 403
    reports[0].refresh_from_db()
    assert reports[0].status == "open"


def test_invalid_status_shows_the_error_summary(client, reports, report_officer):
    sign_in(client, report_officer)
    response = client.post(f"/reports/{reports[0].pk}/status/", {"status-status": "teleported"})
    assert response.status_code == 400
    assert 'href="#id_status-status"' in response.content.decode()


def test_officer_merges_a_duplicate_and_reassigns(client, reports, report_officer, vehicles):
    first, second = reports
    sign_in(client, report_officer)
    response = client.post(f"/reports/{second.pk}/merge/", {"merge-into": first.pk})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.duplicate_of == first
    client.post(f"/reports/{first.pk}/reassign/", {"reassign-category": "vehicles"})
    first.refresh_from_db()
    assert first.organisation == vehicles.organisation


def test_merge_into_a_missing_report_is_explained(client, reports, report_officer):
    sign_in(client, report_officer)
    response = client.post(f"/reports/{reports[0].pk}/merge/", {"merge-into": 999999})
    assert response.status_code == 400
    assert "There is no report #999999" in response.content.decode()


def test_officer_work_list_filters_by_age_and_exports(client, reports, report_officer):
    sign_in(client, report_officer)
    html = client.get("/reports/manage/?age=7").content.decode()
    assert "0 reports" in html
    csv_response = client.get("/reports/manage/export.csv?category=potholes")
    body = b"".join(csv_response.streaming_content).decode()
    assert csv_response["Content-Type"].startswith("text/csv")
    assert body.splitlines()[0].startswith("id,title,description,category")
    assert "Pothole west" in body and "Light east" not in body
    geo = json.loads(client.get("/reports/manage/export.geojson").content)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert geo["features"][0]["properties"]["service_code"]


def test_csv_export_neutralises_spreadsheet_formulas(client, council, potholes, report_officer):
    ReportFactory(category=potholes, title="=HYPERLINK(1)")
    sign_in(client, report_officer)
    body = b"".join(client.get("/reports/manage/export.csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in body


def test_councillor_sees_the_work_list_without_officer_actions(client, reports, council_org):
    sign_in(client, UserFactory(roles=["Councillors"], organisation=council_org))
    assert client.get("/reports/manage/").status_code == 200
    assert client.get("/reports/manage/export.csv").status_code == 200
    assert "Officer actions" not in client.get(f"/reports/{reports[0].pk}/").content.decode()
    assert client.post(f"/reports/{reports[0].pk}/status/", {"status-status": "fixed"}).status_code == 403


def test_residents_cannot_export(client, reports, reporter):
    sign_in(client, reporter)
    assert client.get("/reports/manage/export.csv").status_code == 403
    assert client.get("/reports/manage/").status_code == 403


def test_cached_pins_are_refreshed_after_a_new_report(
    client, council, potholes, reporter, django_capture_on_commit_callbacks
):
    from mapping import services

    ReportFactory(category=potholes)
    assert len(client.get("/reports/pins.geojson").json()["features"]) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.create_report(
            reporter=reporter,
            category=potholes,
            title="Second hole",
            description="Next to the first.",
            latitude=52.9,
            longitude=-1.54,
        )
    assert len(client.get("/reports/pins.geojson").json()["features"]) == 2


def test_leaflet_assets_come_from_the_xstatic_packages():
    from django.contrib.staticfiles import finders

    assert finders.find("mapping/vendor/leaflet/leaflet.js").endswith("xstatic/pkg/leaflet/data/leaflet.js")
    assert finders.find("mapping/vendor/markercluster/leaflet.markercluster-src.js")
    assert finders.find("mapping/vendor/leaflet/images/layers.png")
    # Files whose source maps the package lacks are not exposed (hashed collectstatic would fail).
    assert not finders.find("mapping/vendor/markercluster/leaflet.markercluster.js")


# Following a report


def test_resident_follows_and_unfollows_a_report_without_javascript(client, council, potholes, reporter):
    report = ReportFactory(category=potholes)
    sign_in(client, reporter)
    html = client.get(f"/reports/{report.pk}/").content.decode()
    assert f'action="/reports/{report.pk}/follow/"' in html and "Add your voice" in html
    response = client.post(f"/reports/{report.pk}/follow/", {"action": "follow"})
    assert response["Location"] == f"/reports/{report.pk}/#follow"
    assert report.followers.filter(pk=reporter.pk).exists()
    html = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Stop following this report" in html
    profile = client.get("/accounts/profile/").content.decode()
    assert f"#{report.pk} {report.title}" in profile
    response = client.post(f"/reports/{report.pk}/follow/", {"action": "unfollow", "next": "profile"})
    assert response["Location"] == "/accounts/profile/#following-heading"
    assert not report.followers.filter(pk=reporter.pk).exists()


@pytest.mark.parametrize("first, second", [("follow", "unfollow"), ("unfollow", "follow")])
def test_following_a_report_past_the_write_limit_is_refused_with_a_429_page(
    client, council, potholes, reporter, settings, pinned_clock, first, second
):
    report = ReportFactory(category=potholes)
    if first == "unfollow":
        report.followers.add(reporter)
    settings.WRITE_RATE_LIMIT = "1/d"
    sign_in(client, reporter)
    assert client.post(f"/reports/{report.pk}/follow/", {"action": first}).status_code == 302
    following = report.followers.filter(pk=reporter.pk).exists()
    assert following is (first == "follow")
    refused = client.post(f"/reports/{report.pk}/follow/", {"action": second})
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert f'href="/reports/{report.pk}/#follow"' in refused.content.decode()
    assert report.followers.filter(pk=reporter.pk).exists() is following  # nothing changed


def test_following_a_report_is_refused_to_the_anonymous_suspended_and_on_hidden_reports(
    client, council, potholes, reporter
):
    from datetime import timedelta

    from django.utils import timezone

    report = ReportFactory(category=potholes)
    response = client.post(f"/reports/{report.pk}/follow/", {"action": "follow"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    reporter.suspended_until = timezone.now() + timedelta(days=1)
    reporter.save(update_fields=["suspended_until"])
    sign_in(client, reporter)
    client.post(f"/reports/{report.pk}/follow/", {"action": "follow"})
    assert not report.followers.exists()
    report.hidden_at = timezone.now()
    report.save(update_fields=["hidden_at"])
    assert client.post(f"/reports/{report.pk}/follow/", {"action": "unfollow"}).status_code == 404


def test_following_a_report_needs_the_csrf_token(council, potholes, reporter):
    from django.test import Client

    report = ReportFactory(category=potholes)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    assert client.post(f"/reports/{report.pk}/follow/", {"action": "follow"}).status_code == 403
    assert not report.followers.exists()


def test_people_affected_count_the_reporter_once_followed_or_not(client, council, potholes):
    report = ReportFactory(category=potholes)
    report.followers.add(UserFactory())
    assert client.get(f"/reports/{report.pk}/").context["follower_count"] == 2
    report.followers.add(report.reporter)
    assert client.get(f"/reports/{report.pk}/").context["follower_count"] == 2


def test_the_map_controls_and_tile_credit_are_in_the_readers_language(client, reports):
    english = client.get("/reports/").content.decode()
    welsh = client.get("/cy/reports/").content.decode()
    for html in (english, welsh):
        assert '"zoomControl": false' in html and "CivicMap.controls(" in html  # Civic's titled buttons
    assert "Zoom in" in english and "OpenStreetMap contributors" in english
    assert "Chwyddo i mewn" in welsh and "Chwyddo allan" in welsh and "Cyfranwyr OpenStreetMap" in welsh
    assert "Llyfrgell JavaScript ar gyfer mapiau rhyngweithiol" in welsh
    assert "Zoom in" not in welsh and "OpenStreetMap contributors" not in welsh


def test_a_council_tile_credit_not_in_the_catalogue_is_shown_as_written(client, reports, settings):
    settings.MAP_TILE_ATTRIBUTION = "Map tiles by Northbrook Council"
    assert "Map tiles by Northbrook Council" in client.get("/cy/reports/").content.decode()
