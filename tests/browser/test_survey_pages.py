"""The survey pages residents without an account and officers entering paper or phone answers go
through: axe-core finds no WCAG 2.2 A or AA violations and the Nu Html Checker no errors."""

import re
from urllib.parse import urlsplit

from .conftest import assert_accessible, sign_in
from .test_html_validity import check_html

EMAIL = "no.account.survey@example.org"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_answering_without_an_account_and_confirming_by_email(new_context, server, tmp_path):
    page = new_context().new_page()
    documents = {}

    response = page.goto(server.data["survey_url"])
    assert response.status == 200
    documents["survey-anonymous"] = response.text()
    assert_accessible(page)

    page.get_by_label("By phone").check()
    page.get_by_label(re.compile("What would have made leaving hospital easier")).fill(
        "A call the day after."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert "/check/" in page.url
    assert_accessible(page)
    documents["survey-check-with-email"] = page.content()

    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Send my answers").click()
    assert posted.value.status == 400
    documents["survey-email-error"] = posted.value.text()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)

    page.get_by_label("Your email address").fill(EMAIL)
    with page.expect_navigation():
        page.get_by_role("button", name="Send my answers").click()
    assert "/check-email/" in page.url and "Check your email" in page.content()
    assert_accessible(page)
    documents["survey-check-email"] = page.content()

    body = server.wait_for_mail(EMAIL)
    link = _path(re.search(r"https?://\S+/consultations/surveys/confirm/\S+/", body).group(0))
    confirm = page.goto(link)
    assert confirm.status == 200
    documents["survey-confirm-link"] = confirm.text()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my answers").click()
    assert "confirmed and counted" in page.content()
    documents["survey-after-confirming"] = page.content()

    used = page.goto(link)
    assert used.status == 410
    documents["survey-link-used"] = used.text()
    assert_accessible(page)

    errors = check_html(documents, tmp_path)
    assert not errors, "The Nu Html Checker found errors:\n" + "\n".join(errors)


def test_officer_enters_a_phone_response_and_reads_the_results(new_context, server, tmp_path):
    page = new_context().new_page()
    documents = {}
    entry = f"/consultations/surveys/{server.data['survey_id']}/assisted/"
    sign_in(page, "officer@northbrook.example", next_path=entry)

    response = page.goto(entry)
    assert response.status == 200
    documents["survey-assisted-entry"] = response.text()
    assert_accessible(page)

    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Save response").click()
    assert posted.value.status == 400
    documents["survey-assisted-errors"] = posted.value.text()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)

    page.get_by_label("By phone", exact=True).first.check()
    page.locator("input[name='q-contact'][value='letter']").check()
    page.get_by_label(re.compile("The resident agreed")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save response").click()
    assert "saved (phone)" in page.content()

    for name, path in (
        ("survey-results", f"/consultations/surveys/{server.data['survey_id']}/results/"),
        ("survey-answer", server.data["survey_answer_url"]),
        ("summary-with-surveys", f"/consultations/{server.data['consultation_id']}/summary/?by=age_band"),
    ):
        shown = page.goto(path)
        assert shown.status == 200, path
        documents[name] = shown.text()
        assert_accessible(page)

    errors = check_html(documents, tmp_path)
    assert not errors, "The Nu Html Checker found errors:\n" + "\n".join(errors)
