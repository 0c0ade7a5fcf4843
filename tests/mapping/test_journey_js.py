"""The report journey with JavaScript: a resident drops a pin on the folium map in headless Chromium."""

from pathlib import Path

import pytest

from tests.mapping.live import in_thread
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS

PREFIX = "jsjourney"
EMAIL = f"{PREFIX}@example.org"
PASSWORD = "a long test password 2026"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


def _cleanup():
    from civic.models import Area, Organisation, User
    from mapping.models import IssueCategory, IssueReport

    IssueReport.objects.filter(category__slug__startswith=PREFIX).delete()
    IssueCategory.objects.filter(slug__startswith=PREFIX).delete()
    Area.objects.filter(slug__startswith=PREFIX).delete()
    Organisation.objects.filter(slug__startswith=PREFIX).delete()
    User.objects.filter(email=EMAIL).delete()


def _seed():
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from civic.models import Area, Organisation, User
    from mapping.models import IssueCategory
    from tests.mapping.factories import square

    org = Organisation.objects.create(name="Journey Council", slug=f"{PREFIX}-council")
    Area.objects.create(
        name="Journey borough",
        slug=f"{PREFIX}-borough",
        kind="council",
        geometry=square(20.0, 40.0, 20.1, 40.1),
    )
    Area.objects.create(name="Journey ward", slug=f"{PREFIX}-ward", geometry=square(20.0, 40.0, 20.1, 40.1))
    IssueCategory.objects.create(
        name="Journey pothole", slug=f"{PREFIX}-pot", service_code="JS-POT", organisation=org
    )
    user = User.objects.create_user(
        username=PREFIX, email=EMAIL, password=PASSWORD, display_name="Pin Dropper"
    )
    user.groups.add(Group.objects.get(name="Residents"))
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)


def _reports():
    from mapping.models import IssueReport

    return list(
        IssueReport.objects.filter(category__slug__startswith=PREFIX).values(
            "title", "ward__slug", "latitude"
        )
    )


@pytest.fixture(scope="module")
def journey_server(civic_server, django_db_blocker):
    with django_db_blocker.unblock():
        in_thread(_cleanup)
        in_thread(_seed)
    try:
        yield civic_server
    finally:
        with django_db_blocker.unblock():
            in_thread(_cleanup)


def drive(root: str) -> dict:
    """Sign in, click the map, continue through the three steps; runs in its own thread."""
    from playwright.sync_api import sync_playwright

    seen = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.route(
                "**/*",
                lambda route: route.abort() if "127.0.0.1" not in route.request.url else route.continue_(),
            )
            page.goto(f"{root}/accounts/login/?next=/reports/new/")
            page.fill("input[name=login]", EMAIL)
            page.fill("input[name=password]", PASSWORD)
            page.locator("main form button[type=submit]").click()
            page.wait_for_url("**/reports/new/")
            seen["help_visible"] = page.is_visible("#map-help")
            box = page.locator(".folium-map").bounding_box()
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_function("document.getElementById('id_latitude').value !== ''")
            seen["latitude"] = float(page.input_value("#id_latitude"))
            seen["status"] = page.text_content("#map-pin-status")
            page.locator("form[aria-labelledby=pin-heading] button[type=submit]").click()
            page.wait_for_url("**/reports/new/details/**")
            page.select_option("#id_category", f"{PREFIX}-pot")
            page.fill("#id_title", "Pin dropped with the mouse")
            page.fill("#id_description", "Found by clicking the map.")
            page.locator("main form button[type=submit]").click()
            page.wait_for_selector("text=Check your report")
            page.get_by_role("button", name="Send report").click()
            page.wait_for_url("**/reports/*/")
            seen["heading"] = page.text_content("h1")
        finally:
            browser.close()
    return seen


def test_resident_reports_a_problem_by_clicking_the_map(journey_server, django_db_blocker):
    # Playwright's sync API runs its own event loop, so it gets a thread of its own.
    with django_db_blocker.unblock():
        seen = in_thread(lambda: drive(journey_server))
        [report] = in_thread(_reports)
    assert seen["help_visible"]
    assert 40.0 < seen["latitude"] < 40.1
    assert "Pin placed at latitude" in seen["status"]
    assert "Pin dropped with the mouse" in seen["heading"]
    assert report["ward__slug"] == f"{PREFIX}-ward"


@pytest.mark.django_db
def test_journey_rows_are_committed_for_the_server(journey_server):
    """Also makes pytest-django set up the test database when this module runs alone."""
    from civic.models import User

    assert User.objects.filter(email=EMAIL).exists()
