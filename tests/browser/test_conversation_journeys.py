"""A resident takes part in a conversation by keyboard, with and without JavaScript: votes on one
statement at a time, changes a vote in the list, writes a statement; the page passes axe."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in

JS = pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])


@JS
def test_resident_votes_by_keyboard_changes_a_vote_and_writes_a_statement(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    resident = "resident31@northbrook.example" if js else "resident32@northbrook.example"
    sign_in(page, resident, next_path=server.data["conversation_url"])
    card = page.locator("#vote .statement-card")
    first = card.locator(".statement-card__text").inner_text()
    # keyboard only: focus the Agree button and press Enter
    card.get_by_role("button", name="Agree", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your vote has been recorded")).to_be_visible()
    expect(page.locator("#vote .statement-card__text")).not_to_have_text(first)
    expect(page.get_by_text(re.compile(r"You have voted on 1 of \d+ statements"))).to_be_visible()

    page.get_by_role("link", name="All statements").click()
    item = page.locator(".statement-list .statement-card").filter(has_text=first)
    expect(item.get_by_text("You chose agree")).to_be_visible()
    item.get_by_role("button", name="Disagree").click()
    item = page.locator(".statement-list .statement-card").filter(has_text=first)
    expect(item.get_by_text("You chose disagree")).to_be_visible()

    text = f"Put water fountains in the square {uuid.uuid4().hex[:6]}"
    form = page.locator("#write form")
    form.get_by_label("Your statement").fill(text)
    form.get_by_role("button", name=re.compile("Submit")).click()
    expect(page.get_by_text("will appear once a moderator has checked it")).to_be_visible()
    expect(page.locator("#write").get_by_text(text)).to_be_visible()  # waiting, shown to its author


def test_similar_statements_are_suggested_before_and_as_you_type(new_context, server):
    page = new_context().new_page()
    sign_in(page, "resident33@northbrook.example", next_path=server.data["conversation_url"])
    box = page.locator("#write").get_by_label("Your statement")
    box.fill("Keep the Saturday market where it is now")
    suggestions = page.locator("[data-similar-list]")
    expect(suggestions).to_contain_text("Keep the Saturday market where it is.")
    page.locator("#write").get_by_role("button", name="Submit statement").click()
    expect(page.get_by_role("heading", name="Is your statement already here?")).to_be_visible()
    expect(page.get_by_role("button", name="Submit my statement anyway")).to_be_visible()


def test_conversation_page_and_its_opinion_map_have_no_wcag_violations(page, server):
    page.goto(server.data["conversation_url"])
    expect(page.locator("svg.opinion-map__svg")).to_have_attribute("role", "img")
    expect(page.get_by_role("table")).to_have_count(1)
    assert_accessible(page)
    page.goto(server.data["conversation_url"] + "?view=all")
    assert_accessible(page)
    sign_in(page, "resident34@northbrook.example", next_path=server.data["conversation_url"])
    page.locator("#write").get_by_role("button", name="Submit statement").click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)
