"""A resident comments on one paragraph of a proposal, with JavaScript (the form fills in place and a
second viewer's count changes live) and without (the link opens the form quoting the paragraph);
axe and the Nu Html Checker on the pages this adds to."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in
from .test_html_validity import check_html

JS = pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])


def paragraph(page, number: int):
    return page.locator(".paragraph").nth(number - 1)


def count_of(page, number: int) -> int:
    return int(paragraph(page, number).locator("[data-paragraph-count]").get_attribute("data-count"))


@JS
def test_resident_comments_on_one_paragraph(new_context, server, js):
    url = server.data["proposal_url"]
    viewer = new_context().new_page()  # someone else reading the proposal, with JavaScript
    viewer.goto(url)
    viewer.wait_for_function("document.querySelector('[data-live-status]') !== null")

    page = new_context(java_script_enabled=js).new_page()
    sign_in(page, f"resident{31 if js else 32}@northbrook.example", next_path=url)
    page.wait_for_url(re.compile(re.escape(url)))
    before = count_of(page, 2)
    quoted = paragraph(page, 2).locator(".paragraph__text").inner_text().strip()

    page.get_by_role("link", name="Comment on this paragraph (paragraph 2)").click()
    form = page.locator("#comment-form")
    expect(form.locator("[data-comment-paragraph]")).to_be_visible()
    expect(form.locator("[data-comment-paragraph-text]")).to_have_text(quoted)
    if js:
        expect(page).to_have_url(re.compile(re.escape(url) + "$"))  # filled in place, no page load
        expect(form.get_by_label("Your comment")).to_be_focused()
        assert_accessible(page)  # axe runs as a script: the no-JS page is checked by the HTML checker
    else:
        expect(page).to_have_url(re.compile(r"\?paragraph=[0-9a-f-]{36}#comment-form$"))

    text = f"Seven days a week would make a real difference ({uuid.uuid4().hex[:6]})."
    form.get_by_label("Your comment").fill(text)
    form.get_by_role("radio", name="Support").check()
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment has been published")).to_be_visible()
    comment = page.locator(".comment").filter(has_text=text)
    expect(comment.locator(".comment__paragraph blockquote")).to_have_text(quoted)
    expect(paragraph(page, 2).locator("[data-paragraph-count]")).to_have_attribute(
        "data-count", str(before + 1)
    )

    # The other reader's count and list change without reloading.
    expect(viewer.locator(".comment").filter(has_text=text)).to_have_count(1)
    expect(paragraph(viewer, 2).locator("[data-paragraph-count]")).to_have_text(
        f"{before + 1} comment{'' if before + 1 == 1 else 's'}"
    )


def test_paragraph_pages_are_valid_html(new_context, server, tmp_path):
    page = new_context().new_page()
    sign_in(page, "resident33@northbrook.example", next_path=server.data["proposal_url"])
    page.goto(server.data["proposal_url"])
    first = paragraph(page, 1).get_attribute("data-paragraph")
    documents = {}
    response = page.goto(f"{server.data['proposal_url']}?paragraph={first}")
    documents["proposal-paragraph-chosen"] = response.text()
    response = page.goto(server.data["proposal_url"])
    documents["proposal-signed-in"] = response.text()
    officer = new_context().new_page()
    sign_in(officer, "councillor@northbrook.example")
    response = officer.goto(f"/consultations/{server.data['closed_consultation_id']}/summary/")
    assert response.status == 200
    html = response.text()
    assert "Comments on paragraphs" in html  # the demo's paragraph comments make a heat strip
    documents["summary-with-heat-strip"] = html
    assert_accessible(officer)
    errors = check_html(documents, tmp_path)
    assert not errors, "\n".join(errors)
