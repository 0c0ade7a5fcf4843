"""The officers' front door: report management in the admin menu, reports by status on the dashboard."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.civic.factories import OrganisationFactory, UserFactory
from tests.mapping.factories import CategoryFactory, ReportFactory
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db


def _counts(html):
    found = re.findall(r'data-report-status="(\w+)" data-count="(\d+)"', html)
    return {status: int(n) for status, n in found}


@pytest.fixture
def two_organisations():
    a, b = OrganisationFactory(name="Council A"), OrganisationFactory(name="Police B")
    a_cat, b_cat = CategoryFactory(organisation=a), CategoryFactory(organisation=b)
    for status in ("open", "open", "fixed"):
        ReportFactory(category=a_cat, status=status)
    ReportFactory(category=a_cat, status="open", hidden_at=timezone.now())  # hidden: off the work list
    ReportFactory(category=a_cat, status="duplicate")  # merged: off the work list
    for status in ("open", "in_progress", "in_progress", "closed"):
        ReportFactory(category=b_cat, status=status)
    return a, b


def test_officer_of_a_sees_only_a_reports_by_status(client, two_organisations):
    a, _b = two_organisations
    sign_in(client, UserFactory(roles=["Officers"], organisation=a))
    html = client.get("/admin/").content.decode()
    counts = _counts(html)
    assert counts["open"] == 2 and counts["fixed"] == 1
    assert counts["in_progress"] == 0 and counts["closed"] == 0
    assert "duplicate" not in counts
    assert "Reports your organisation is responsible for: 3." in html
    assert f"{reverse('mapping:manage_reports')}?status=open&amp;mine=1" in html


def test_officer_of_b_sees_only_b_reports(client, two_organisations):
    _a, b = two_organisations
    sign_in(client, UserFactory(roles=["Moderators"], organisation=b))
    counts = _counts(client.get("/admin/").content.decode())
    assert counts == {"open": 1, "acknowledged": 0, "in_progress": 2, "fixed": 0, "closed": 1}


def test_administrator_sees_every_organisations_reports(client, two_organisations):
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    html = client.get("/admin/").content.decode()
    assert _counts(html)["open"] == 3
    assert "Every organisation's reports: 7." in html


def test_report_management_and_exports_are_in_the_admin_menu_for_officers(client, two_organisations):
    a, _b = two_organisations
    sign_in(client, UserFactory(roles=["Officers"], organisation=a))
    html = client.get("/admin/").content.decode()
    assert "Report management" in html
    for name in ("mapping:manage_reports", "mapping:export_csv", "mapping:export_geojson"):
        assert reverse(name) in html
    response = client.get(reverse("mapping:export_csv") + "?mine=1")
    exported = b"".join(response.streaming_content).decode()
    assert len(exported.strip().splitlines()) == 1 + 3  # header and A's three visible reports


def test_report_menu_is_hidden_from_staff_without_report_duties(client, two_organisations):
    """An administrator-made editor with admin access but no organisation cannot use the work list."""
    from django.contrib.auth.models import Permission

    editor = UserFactory(roles=["Officers"])  # an officer of no organisation
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, editor)
    html = client.get("/admin/").content.decode()
    assert "Report management" not in html
    assert "civic-reports" not in html


def test_residents_never_reach_the_report_panel_or_menu(client, two_organisations, resident):
    sign_in(client, resident)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "Report management" not in response.content.decode()


def test_report_panel_queries_are_bounded(client, two_organisations, django_assert_max_num_queries):
    a, _b = two_organisations
    sign_in(client, UserFactory(roles=["Officers"], organisation=a))
    client.get("/admin/")
    with django_assert_max_num_queries(60) as few:
        client.get("/admin/")
    category = CategoryFactory(organisation=a)
    for status in ("open", "acknowledged", "in_progress", "fixed", "closed") * 4:
        ReportFactory(category=category, status=status)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/admin/").content.decode()
    assert _counts(html)["acknowledged"] == 4


def test_proposal_editor_has_a_location_map_from_local_assets(client, proposal, officer, settings):
    sign_in(client, officer)
    response = client.get(f"/admin/pages/{proposal.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'src="/static/mapping/vendor/leaflet/leaflet.js"' in html
    assert 'src="/static/mapping/js/location-editor.js"' in html
    assert f'data-tiles="{settings.MAP_TILE_URL}"' in html
    assert 'data-bounds="[[' in html
    assert 'name="place"' in html  # the non-map route: a street or landmark
    assert not re.search(r'<script[^>]+src="https?://', html)  # no CDN
    assert settings.MAP_TILE_ORIGIN in response["Content-Security-Policy"]  # tiles may load in the admin


def test_the_location_editor_speaks_the_officers_language(db):
    from django.utils import translation

    from mapping.wagtail_hooks import location_map_js

    with translation.override("cy"):
        html = location_map_js()
    assert "Chwyddo i mewn" in html and "Cyfranwyr OpenStreetMap" in html
    assert "Cliciwch ar y map i osod pin" in html
    assert "Zoom in" not in html and "Click the map" not in html
    assert "Zoom in" in location_map_js()
