"""Issue reports and categories in the Wagtail admin: staff reach only their organisation's rows."""

import pytest
from django.contrib.auth.models import Group, Permission

from mapping.models import IssueCategory, IssueReport
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(db):
    return OrganisationFactory(name="Northbrook Council", slug="northbrook")


@pytest.fixture
def police(db):
    return OrganisationFactory(name="Northbrook Police", slug="northbrook-police")


@pytest.fixture
def officers_may_use_report_screens(db):
    """An administrator gave officers the admin screens; the walls must still hold."""
    officers = Group.objects.get(name="Officers")
    officers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="mapping",
            codename__in=[
                "view_issuereport",
                "change_issuereport",
                "delete_issuereport",
                "add_issuecategory",
                "change_issuecategory",
                "view_issuecategory",
            ],
        )
    )


def _category(organisation, code):
    return IssueCategory.objects.create(
        name=f"{organisation.name} {code}", slug=code, service_code=code, organisation=organisation
    )


def _report(category, title):
    return IssueReport.objects.create(
        title=title,
        description="Details.",
        category=category,
        organisation=category.organisation,
        latitude=51.5,
        longitude=-0.1,
    )


@pytest.fixture
def reports(council, police):
    return {
        "council": _report(_category(council, "pothole"), "Council pothole on High Street"),
        "police": _report(_category(police, "abandoned"), "Police abandoned car report"),
    }


def test_officer_finds_reports_awaiting_confirmation_with_their_contact_only_in_their_organisation(
    client, council, police, reports, officers_may_use_report_screens
):
    waiting = {}
    for code, kept in reports.items():
        report = _report(kept.category, f"Unconfirmed {code}")
        IssueReport.objects.filter(pk=report.pk).update(
            awaiting_confirmation=True, reporter=None, contact_name=f"Contact {code}"
        )
        waiting[code] = report
    sign_in(client, UserFactory(roles=["Officers"], organisation=council))
    html = client.get("/admin/issue_reports/?awaiting_confirmation=true").content.decode()
    assert "Unconfirmed council" in html and "Council pothole on High Street" not in html
    assert "Unconfirmed police" not in html
    inspect = client.get(f"/admin/issue_reports/inspect/{waiting['council'].pk}/").content.decode()
    assert "Contact council" in inspect
    assert client.get(f"/admin/issue_reports/inspect/{waiting['police'].pk}/").status_code in (302, 403, 404)


def test_officer_lists_and_inspects_only_their_organisations_reports(
    client, council, reports, officers_may_use_report_screens
):
    sign_in(client, UserFactory(roles=["Officers"], organisation=council))
    html = client.get("/admin/issue_reports/").content.decode()
    assert "Council pothole on High Street" in html
    assert "Police abandoned car report" not in html
    assert client.get(f"/admin/issue_reports/inspect/{reports['council'].pk}/").status_code == 200
    for view in ("inspect", "edit", "delete", "history"):
        response = client.get(f"/admin/issue_reports/{view}/{reports['police'].pk}/")
        assert response.status_code in (302, 403, 404), view
    client.post(f"/admin/issue_reports/delete/{reports['police'].pk}/")
    assert IssueReport.objects.filter(pk=reports["police"].pk).exists()


def test_officer_edits_only_their_organisations_categories(
    client, council, police, reports, officers_may_use_report_screens
):
    sign_in(client, UserFactory(roles=["Officers"], organisation=council))
    police_category = reports["police"].category
    html = client.get("/admin/issue_categories/").content.decode()
    assert "Northbrook Police abandoned" not in html and "Northbrook Council pothole" in html
    assert client.get(f"/admin/issue_categories/edit/{police_category.pk}/").status_code in (302, 403)
    data = {
        "name": "Graffiti",
        "slug": "graffiti",
        "service_code": "GRAF",
        "organisation": police.pk,
        "active": "on",
    }
    client.post("/admin/issue_categories/new/", data)
    assert not IssueCategory.objects.filter(slug="graffiti").exists()
    response = client.post("/admin/issue_categories/new/", {**data, "organisation": council.pk})
    assert response.status_code == 302
    assert IssueCategory.objects.get(slug="graffiti").organisation == council


def test_administrator_sees_every_organisations_reports(client, reports):
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    html = client.get("/admin/issue_reports/").content.decode()
    assert "Council pothole on High Street" in html and "Police abandoned car report" in html


@pytest.mark.parametrize("who", ["officer", "administrator"])
def test_reports_are_read_only_in_the_admin(client, council, reports, officers_may_use_report_screens, who):
    """Reports change only through mapping.services: the admin lists and inspects, never writes."""
    if who == "officer":
        user = UserFactory(roles=["Officers"], organisation=council)
    else:
        user = UserFactory(is_superuser=True, is_staff=True)
    own = reports["council"]
    sign_in(client, user)
    assert client.get("/admin/issue_reports/").status_code == 200
    assert client.get(f"/admin/issue_reports/inspect/{own.pk}/").status_code == 200
    for url in ("new/", f"edit/{own.pk}/", f"delete/{own.pk}/"):
        assert client.get(f"/admin/issue_reports/{url}").status_code in (302, 403), url
    client.post(f"/admin/issue_reports/edit/{own.pk}/", {"title": "Renamed in the admin"})
    client.post(f"/admin/issue_reports/delete/{own.pk}/")
    client.post("/admin/issue_reports/new/", {"title": "Made in the admin"})
    assert IssueReport.objects.get(pk=own.pk).title == "Council pothole on High Street"
    assert not IssueReport.objects.filter(title="Made in the admin").exists()
