"""The main page types in Welsh: axe-core finds no WCAG 2.2 A or AA violations, the Nu Html Checker no
errors, and every page says it is Welsh (<html lang="cy">)."""

import pytest

from .conftest import assert_accessible, sign_in
from .test_html_validity import check_html

WELSH_PUBLIC_PAGES = {
    "home": "/cy/",
    "consultation-list": "/cy/consultations/",
    "consultation": "{welsh_consultation_url}",
    "proposal": "{welsh_proposal_url}",
    "reports-map": "/cy/reports/",
    "reports-list": "/cy/reports/list/",
    "search": "/cy/search/?q=llyfrgell",
    "sign-in": "/cy/accounts/login/",
}


def assert_in_welsh(page) -> None:
    assert page.locator("html").get_attribute("lang") == "cy", f"{page.url} does not say it is Welsh"


@pytest.mark.parametrize("path", WELSH_PUBLIC_PAGES.values(), ids=WELSH_PUBLIC_PAGES.keys())
def test_welsh_public_page_has_no_wcag_violations(page, server, path):
    assert page.goto(path.format(**server.data)).status == 200
    assert_in_welsh(page)
    assert_accessible(page)


def new_report_steps(page) -> list[str]:
    """Walk the three report steps in Welsh without the map; the HTML of each step as the server sent it."""
    sent = []
    response = page.goto("/cy/reports/new/")
    sent.append(response.text())
    page.locator("#id_latitude").fill("52.9100")
    page.locator("#id_longitude").fill("-1.5150")
    with page.expect_navigation() as step:
        page.get_by_role("button", name="Parhau").click()
    sent.append(step.value.text())
    page.locator("#id_category").select_option(index=1)
    page.locator("#id_title").fill("Golau stryd wedi torri")
    page.locator("#id_description").fill("Mae'r golau wedi diffodd ers wythnos.")
    with page.expect_navigation() as step:
        page.get_by_role("button", name="Parhau").click()
    sent.append(step.value.text())
    return sent


def test_welsh_signed_in_pages_have_no_wcag_violations(new_context, server):
    page = new_context().new_page()
    sign_in(page, "resident16@northbrook.example")
    for path in (
        "/cy/accounts/profile/",
        server.data["welsh_consultation_url"],
        server.data["welsh_proposal_url"],
    ):
        page.goto(path)
        assert_in_welsh(page)
        assert_accessible(page)
    page.goto("/cy/reports/new/")
    assert_accessible(page)
    page.locator("#id_latitude").fill("52.9100")
    page.locator("#id_longitude").fill("-1.5150")
    with page.expect_navigation():
        page.get_by_role("button", name="Parhau").click()
    assert "/cy/reports/new/details/" in page.url
    assert_in_welsh(page)
    assert_accessible(page)
    # The details step re-rendered with its errors (nothing filled in), in Welsh.
    with page.expect_navigation():
        page.get_by_role("button", name="Parhau").click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)


def test_welsh_page_types_are_valid_html(new_context, server, tmp_path):
    page = new_context().new_page()
    documents = {}
    for name, path in WELSH_PUBLIC_PAGES.items():
        response = page.goto(path.format(**server.data))
        assert response.status == 200, f"{path}: {response.status}"
        documents[f"cy-{name}"] = response.text()
    sign_in(page, "resident17@northbrook.example")
    for name, path in (
        ("profile", "/cy/accounts/profile/"),
        ("consultation-signed-in", server.data["welsh_consultation_url"]),
        ("proposal-signed-in", server.data["welsh_proposal_url"]),
    ):
        documents[f"cy-{name}"] = page.goto(path).text()
    for number, html in enumerate(new_report_steps(page), start=1):
        documents[f"cy-report-step-{number}"] = html
    for name, html in documents.items():
        assert '<html lang="cy"' in html, f"{name} does not say it is Welsh"
    errors = check_html(documents, tmp_path)
    assert not errors, "The Nu Html Checker found errors on Welsh pages:\n" + "\n".join(errors)
