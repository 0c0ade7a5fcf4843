"""Bad input: empty and over-long forms show an error summary that takes focus (with JavaScript) or
is scrolled to (without), comes first in its form, and links to each field in error."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

JS = pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])


def submit_and_check_summary(page, form, button: str, js: bool, expected: dict[str, str]) -> None:
    """Submit form; the summary lists each expected error (field id -> text) and links to it."""
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.get_by_role("button", name=button).click()
    assert posted.value.status in (200, 400)
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_have_count(1)
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    # It is the first thing in its form after the form's own heading (if any).
    first = summary.evaluate(
        """el => { let n = el.previousElementSibling;
                   while (n && (n.matches('input[type=hidden], h1, h2, h3'))) n = n.previousElementSibling;
                   return n === null; }"""
    )
    assert first, "the error summary must come before every field of its form"
    if js:
        expect(summary).to_be_focused()
    else:
        expect(summary).to_be_in_viewport()
    links = summary.get_by_role("link")
    expect(links).to_have_count(len(expected))
    for field_id, message in expected.items():
        link = summary.locator(f"a[href='#{field_id}']")
        expect(link).to_contain_text(message)
        expect(page.locator(f"#{field_id}")).to_have_count(1)
    for field_id in expected:
        summary.locator(f"a[href='#{field_id}']").click()
        expect(page.locator(f"#{field_id}")).to_be_focused()
        expect(page.locator(f"#{field_id}")).to_be_in_viewport()


def remove_maxlength(page, selector: str) -> None:
    """Like an old browser or a hand-made request: the server must still refuse over-long text."""
    page.locator(selector).evaluate("el => el.removeAttribute('maxlength')")


@JS
def test_empty_and_over_long_comment_show_linked_error_summary(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    sign_in(page, "resident11@northbrook.example", next_path=server.data["consultation_url"])
    page.wait_for_url(re.compile(re.escape(server.data["consultation_url"])))

    form = page.locator("#comment-form")
    submit_and_check_summary(page, form, "Post comment", js, {"id_body": "Enter your comment."})
    expect(page.locator("#id_body")).to_have_attribute("aria-invalid", "true")

    remove_maxlength(page, "#id_body")
    page.locator("#id_body").fill("Too long. " * 301)
    form = page.locator("#comment-form")
    submit_and_check_summary(page, form, "Post comment", js, {"id_body": "3,000 characters or fewer"})
    # Nothing typed is lost.
    assert len(page.locator("#id_body").input_value()) >= 3000


@JS
def test_empty_and_over_long_display_name_show_linked_error_summary(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    sign_in(page, "resident12@northbrook.example", next_path="/accounts/profile/")
    page.wait_for_url(re.compile("/accounts/profile/"))
    page.get_by_label("Display name").fill("")
    form = page.locator("form").filter(has=page.get_by_label("Display name"))
    submit_and_check_summary(page, form, "Save display name", js, {"id_display_name": "required"})

    remove_maxlength(page, "#id_display_name")
    page.get_by_label("Display name").fill("N" * 51)
    form = page.locator("form").filter(has=page.get_by_label("Display name"))
    submit_and_check_summary(page, form, "Save display name", js, {"id_display_name": "50 characters"})


@JS
def test_empty_sign_up_form_links_every_error_to_its_field(new_context, server, js):
    page = new_context(java_script_enabled=js).new_page()
    page.goto("/accounts/signup/")
    for field in ("#id_email", "#id_display_name", "#id_password1", "#id_password2"):
        page.locator(field).evaluate("el => el.removeAttribute('required')")
    form = page.locator("main form")
    submit_and_check_summary(
        page,
        form,
        "Sign Up",
        js,
        {
            "id_email": "required",
            "id_display_name": "required",
            "id_password1": "required",
            "id_password2": "required",
        },
    )


def test_empty_vote_shows_linked_error_summary(new_context, server):
    page = new_context().new_page()
    sign_in(page, "resident13@northbrook.example", next_path=server.data["proposal_url"])
    page.wait_for_url(re.compile(re.escape(server.data["proposal_url"])))
    form = page.locator("#vote form")
    submit_and_check_summary(page, form, "Vote", True, {"id_choice_0": "Choose support or oppose."})
