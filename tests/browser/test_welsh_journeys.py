"""The resident journeys once in Welsh, at /cy/ addresses: comment (a second browser sees it arrive live,
in Welsh), vote, and report a problem by keyboard without the map. Headings, buttons and confirmations
are checked in Welsh, and the final pages are scanned whole for English interface words.

The consultation and proposal are seeded in Welsh (tests/browser/seed.py: seed_welsh); the demo's
English content shown on every page (home title, information pages in the footer) is taken out of the
text before scanning, as it is content an officer has not translated, not interface."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.test_welsh_pages import assert_welsh
from tests.welsh import english_words

from .conftest import sign_in
from .test_resident_journeys import tab_until


def assert_welsh_page(page, server, allow=frozenset()) -> None:
    """No English interface words on the page as the browser has it now (scripts' output included)."""
    assert page.locator("html").get_attribute("lang") == "cy", f"{page.url} is not served in Welsh"
    html = page.content()
    for title in server.data["english_content_titles"]:
        html = html.replace(f">{title}<", "><")  # the demo's English page titles (links, breadcrumbs)
    assert_welsh(html, allow=allow)


def test_resident_comments_in_welsh_and_a_neighbour_sees_it_arrive_live_in_welsh(new_context, server):
    url = server.data["welsh_consultation_url"]
    watcher = new_context(locale="cy-GB").new_page()
    assert watcher.goto(url).status == 200
    expect(watcher.get_by_role("heading", level=1)).to_have_text("Llyfrgell Northbrook")
    watcher.evaluate("window.__notReloaded = true")

    writer = new_context().new_page()
    sign_in(writer, "resident11@northbrook.example", next_path=url)
    writer.goto(url)
    text = f"Syniad da iawn, diolch ({uuid.uuid4().hex[:6]})."
    form = writer.locator("#comment-form")
    form.get_by_label("Eich sylw").fill(text)
    form.get_by_role("radio", name="Cefnogi").check()
    form.get_by_role("button", name="Postio sylw").click()
    expect(writer.get_by_text("Mae eich sylw wedi'i gyhoeddi")).to_be_visible()
    expect(writer.locator(".comment").filter(has_text=text)).to_have_count(1)
    assert_welsh_page(writer, server)

    # The neighbour's page: the comment arrives without a reload, rendered and announced in Welsh.
    arrived = watcher.locator(".comment").filter(has_text=text)
    expect(arrived).to_have_count(1, timeout=15_000)
    assert watcher.evaluate("window.__notReloaded === true"), "the watcher's page was reloaded"
    fragment = arrived.evaluate("el => el.outerHTML")
    assert not english_words(fragment), f"the live comment is not in Welsh: {fragment}"
    expect(arrived.locator(".tag--support")).to_contain_text(re.compile("Cefnog", re.I))
    announcer = watcher.locator("[data-live-announcer]")
    expect(announcer).to_have_text(re.compile(r"^Sylw newydd gan "), timeout=5_000)
    assert_welsh_page(watcher, server)


def test_resident_votes_in_welsh(new_context, server):
    page = new_context().new_page()
    url = server.data["welsh_proposal_url"]
    sign_in(page, "resident12@northbrook.example", next_path=url)
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Oriau hwyrach")
    votes = page.locator("#vote")
    before = int(votes.locator(".tally__text strong").first.inner_text())
    votes.get_by_role("radio", name="Cefnogi").check()
    votes.get_by_role("button", name="Pleidleisio").click()
    expect(page.get_by_text("Mae eich pleidlais (cefnogi) wedi'i chofnodi")).to_be_visible()
    expect(page.locator("#vote .tally__text strong").first).to_have_text(str(before + 1))
    expect(page.locator("#vote").get_by_role("radio", name="Cefnogi")).to_be_checked()
    assert_welsh_page(page, server)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_resident_reports_a_problem_in_welsh_by_keyboard_without_the_map(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    sign_in(page, "resident13@northbrook.example")
    assert page.goto("/cy/reports/new/").status == 200
    expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile("Report a problem", re.I))
    assert_welsh_page(page, server)

    # Step 1: coordinates typed in, no map (a Brookside ward location).
    tab_until(page, "el => el.id === 'id_latitude'")
    page.keyboard.type("52.9100")
    tab_until(page, "el => el.id === 'id_longitude'")
    page.keyboard.type("-1.5150")
    tab_until(page, "el => el.type === 'submit' && el.textContent.trim() === 'Parhau'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/cy/reports/new/details/" in page.url

    # Step 2: what the problem is. The category names are the demo's (English) content.
    tab_until(page, "el => el.id === 'id_category'")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_category").input_value(), "no problem category to choose"
    categories = " ".join(page.locator("#id_category option").all_inner_texts())
    content = {word.lower() for word in re.findall(r"[A-Za-z]+", categories)}
    assert_welsh_page(page, server, allow=content)
    tab_until(page, "el => el.id === 'id_title'")
    title = f"Golau stryd wedi torri ({uuid.uuid4().hex[:6]})"
    page.keyboard.type(title)
    tab_until(page, "el => el.id === 'id_description'")
    page.keyboard.type("Mae'r golau y tu allan i rif 12 wedi diffodd ers wythnos.")
    tab_until(page, "el => el.type === 'submit' && el.textContent.trim() === 'Parhau'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Step 3: check and send.
    assert_welsh_page(page, server, allow=content)
    tab_until(page, "el => el.type === 'submit' && el.textContent.trim() === 'Anfon adroddiad'")
    with page.expect_navigation():
        page.keyboard.press("Space")
    expect(page.get_by_text(re.compile(r"Mae eich adroddiad #\d+ wedi'i anfon"))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    assert "/cy/reports/" in page.url
    assert_welsh_page(page, server, allow=content)


def test_resident_votes_on_the_welsh_translation_of_a_demo_proposal(new_context, server):
    """A page an officer translated: the vote counts for the proposal, the page stays Welsh (the demo's
    comments, English content, carry lang="en")."""
    url = server.data.get("translated_proposal_url")
    if url is None:
        pytest.skip("the demo has no Welsh translation of the proposal")
    page = new_context().new_page()
    sign_in(page, "resident18@northbrook.example", next_path=url)
    page.goto(url)
    assert_welsh_page(page, server)
    votes = page.locator("#vote")
    votes.get_by_role("radio", name="Gwrthwynebu").check()
    votes.get_by_role("button", name="Pleidleisio").click()
    expect(page.get_by_text("Mae eich pleidlais (gwrthwynebu) wedi'i chofnodi")).to_be_visible()
    assert page.url.startswith(server.url + "/cy/"), page.url
    assert_welsh_page(page, server)
