"""A resident signs up, confirms their email, signs in, comments and votes: with the mouse, with the
keyboard alone, and with JavaScript off."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

PASSWORD = "a-long-unusual-passphrase-2026"
JS = pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])


def sign_up_and_confirm(page, server, name: str) -> str:
    """Create an account through the form and follow the link in the confirmation email."""
    address = f"{name.lower()}.{uuid.uuid4().hex[:8]}@example.org"
    page.goto("/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign Up")
    page.get_by_label("Email", exact=True).fill(address)
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Verify Your Email", re.I))

    body = server.wait_for_mail(address)
    link = re.search(r"http://127\.0\.0\.1:\d+/accounts/confirm-email/\S+", body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    return address


@JS
def test_resident_signs_up_confirms_email_comments_and_votes(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    name = f"Riverside{'Js' if js else 'Plain'}"
    address = sign_up_and_confirm(page, server, name)

    sign_in(page, address, PASSWORD, next_path=server.data["consultation_url"])
    expect(page).to_have_url(re.compile(re.escape(server.data["consultation_url"]) + "$"))
    expect(page.get_by_role("link", name=re.compile("Your account"))).to_be_visible()

    text = f"More evening buses to the hospital, please ({uuid.uuid4().hex[:6]})."
    form = page.locator("#comment-form")
    form.get_by_label("Your comment").fill(text)
    form.get_by_role("radio", name="Support").check()
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment has been published")).to_be_visible()
    comment = page.locator(".comment").filter(has_text=text)
    expect(comment).to_have_count(1)
    expect(comment.locator(".comment__author")).to_have_text(name)
    expect(comment).not_to_contain_text(address)  # the email address is never shown

    page.goto(server.data["proposal_url"])
    votes = page.locator("#vote")
    before = int(votes.locator(".tally__text strong").first.inner_text())
    votes.get_by_role("radio", name="Support").check()
    votes.get_by_role("button", name="Vote").click()
    expect(page.get_by_text("Your vote (support) has been recorded")).to_be_visible()
    expect(page.locator("#vote .tally__text strong").first).to_have_text(str(before + 1))
    expect(page.locator("#vote").get_by_role("radio", name="Support")).to_be_checked()


@JS
def test_resident_comments_using_only_the_keyboard(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    sign_in(page, "resident7@northbrook.example", next_path=server.data["consultation_url"])
    page.wait_for_url(re.compile(re.escape(server.data["consultation_url"])))

    # Tab from the top of the page until the comment box has focus, as a keyboard user would.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_body":
            break
    else:
        pytest.fail("Tab never reached the comment box")
    text = f"Typed without a mouse ({uuid.uuid4().hex[:6]})."
    page.keyboard.type(text)
    page.keyboard.press("Tab")  # to the stance radios: the checked one (Neutral) takes focus
    expect(page.locator(":focus")).to_have_attribute("type", "radio")
    page.keyboard.press("ArrowLeft")  # radios move with arrow keys: Neutral -> Oppose
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name="Oppose")).to_be_checked()
    page.keyboard.press("Tab")  # to "Language of your comment": the checked one (the page's language)
    expect(page.locator(":focus")).to_have_attribute("name", "language")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Post comment")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your comment has been published")).to_be_visible()
    comment = page.locator(".comment").filter(has_text=text)
    expect(comment).to_have_count(1)
    expect(comment.locator(".tag--oppose")).to_be_visible()


def neighbour_comments(new_context, server, words: str) -> str:
    """Another resident, in a browser of their own, posts a comment on the consultation."""
    writer = new_context().new_page()
    sign_in(writer, "resident8@northbrook.example", next_path=server.data["consultation_url"])
    text = f"{words} ({uuid.uuid4().hex[:6]})."
    writer.locator("#comment-form").get_by_label("Your comment").fill(text)
    writer.locator("#comment-form").get_by_role("button", name="Post comment").click()
    expect(writer.get_by_text(text)).to_be_visible()
    return text


def test_second_browser_sees_a_new_comment_without_reloading(new_context, server):
    watcher = new_context().new_page()
    assert watcher.goto(server.data["consultation_url"]).status == 200
    has_live = watcher.evaluate(
        "!!document.querySelector('[data-live-ws], [data-live-url]')"
        " && !!document.querySelector('script[src*=\"js/live\"]')"
    )
    if not has_live:
        pytest.xfail("the consultation page has no live-update script yet (static/js/live.js + data-live-*)")
    watcher.evaluate("window.__notReloaded = true")

    text = neighbour_comments(new_context, server, "Seen live by a neighbour")
    expect(watcher.locator(".comment").filter(has_text=text)).to_have_count(1, timeout=10_000)
    assert watcher.evaluate("window.__notReloaded === true"), "the watcher's page was reloaded"


# A network that refuses websocket upgrades: every socket fails before it opens (close code 1006).
BLOCK_WEBSOCKETS = """
window.WebSocket = function () {
  var socket = this;
  socket.readyState = 0;
  window.setTimeout(function () {
    socket.readyState = 3;
    if (socket.onclose) { socket.onclose({code: 1006, reason: "", wasClean: false}); }
  }, 20);
};
window.WebSocket.prototype.send = function () { throw new Error("not open"); };
window.WebSocket.prototype.close = function () {};
"""


def test_new_comments_arrive_over_http_where_websockets_are_blocked(new_context, server):
    watcher_context = new_context()
    watcher_context.add_init_script(BLOCK_WEBSOCKETS)
    watcher = watcher_context.new_page()
    polled = []
    watcher.on("request", lambda request: "/events/?since=" in request.url and polled.append(request.url))
    assert watcher.goto(server.data["consultation_url"]).status == 200
    watcher.evaluate("window.__notReloaded = true")

    text = neighbour_comments(new_context, server, "Seen through the fallback")
    expect(watcher.locator(".comment").filter(has_text=text)).to_have_count(1, timeout=20_000)
    assert polled, "the page never asked the HTTP fallback for events"
    assert watcher.evaluate("window.__notReloaded === true"), "the watcher's page was reloaded"


def tab_until(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies the JavaScript predicate (el => bool)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(({predicate})(document.activeElement))"):
            return
    pytest.fail(f"Tab never reached an element matching {predicate}")


@JS
def test_resident_reports_a_problem_with_the_keyboard_without_the_map(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    sign_in(page, "resident9@northbrook.example")
    response = page.goto("/reports/new/")
    if response.status == 404:
        pytest.xfail("reporting a problem has not landed yet (mapping/)")
    assert response.status == 200

    # Step 1: coordinates typed in, no map (a Brookside ward location).
    tab_until(page, "el => el.id === 'id_latitude'")
    page.keyboard.type("52.9100")
    tab_until(page, "el => el.id === 'id_longitude'")
    page.keyboard.type("-1.5150")
    tab_until(page, "el => el.type === 'submit' && el.textContent.trim() === 'Continue'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Step 2: what the problem is.
    tab_until(page, "el => el.id === 'id_category'")
    page.keyboard.press("ArrowDown")  # the first category
    assert page.locator("#id_category").input_value(), "no problem category to choose"
    tab_until(page, "el => el.id === 'id_title'")
    title = f"Broken street light ({uuid.uuid4().hex[:6]})"
    page.keyboard.type(title)
    tab_until(page, "el => el.id === 'id_description'")
    page.keyboard.type("The light outside number 12 has been off for a week.")
    tab_until(page, "el => el.type === 'submit' && el.textContent.trim() === 'Continue'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Step 3: check and send.
    tab_until(page, "el => el.type === 'submit' && el.textContent.trim() === 'Send report'")
    with page.expect_navigation():
        page.keyboard.press("Space")
    expect(page.get_by_text(re.compile(r"Your report #\d+ has been sent"))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


@JS
def test_resident_finds_the_place_of_a_problem_by_postcode(new_context, server, js):
    """With JavaScript: the combobox suggests as they type, arrow and Enter choose, the pin moves.
    Without: the search lists the matches as links to the next step."""
    from .conftest import assert_accessible

    page = new_context(java_script_enabled=js).new_page()
    sign_in(page, "resident10@northbrook.example")
    page.goto("/reports/new/")
    box = page.locator("#id_q")
    if js:
        box.click()
        page.keyboard.type("nb1 2a")
        expect(box).to_have_attribute("aria-expanded", "true")
        expect(page.get_by_role("option").first).to_contain_text("NB1 2A")
        assert_accessible(page)
        page.keyboard.press("ArrowDown")
        expect(box).to_have_attribute("aria-activedescendant", re.compile(r"-suggestions-0$"))
        page.keyboard.press("Enter")
        expect(box).to_have_attribute("aria-expanded", "false")
        chosen = box.input_value()
        assert re.fullmatch(r"NB1 2A[A-Z]", chosen)
        assert page.locator("#id_latitude").input_value().startswith("52.9")
        assert page.locator("#id_place").input_value() == chosen
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        expect(page.get_by_text(chosen).first).to_be_visible()
    else:
        box.fill("NB1 2AB")
        with page.expect_navigation():
            page.get_by_role("button", name="Search").click()
        with page.expect_navigation():
            page.get_by_role("link", name="NB1 2AB").click()
        assert "/reports/new/details/" in page.url
        expect(page.get_by_text("NB1 2AB").first).to_be_visible()
