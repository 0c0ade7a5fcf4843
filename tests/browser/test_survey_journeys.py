"""A resident completes a survey by keyboard only (one question per page, JavaScript on), and one
with JavaScript off (all questions on one page); the survey pages pass axe and the HTML checker."""

import re

from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in
from .test_html_validity import check_html


def press(locator, key="Enter"):
    """Keyboard only: focus the control, then press a key."""
    locator.focus()
    locator.page.keyboard.press(key)


def test_resident_completes_a_paged_survey_by_keyboard_only(new_context, server):
    page = new_context().new_page()
    sign_in(page, "resident51@northbrook.example", next_path=server.data["survey_paged_url"])
    press(page.get_by_role("button", name="Start now"))

    expect(page.get_by_role("heading", level=1, name="Do you drive to the hospital?")).to_be_visible()
    press(page.get_by_label("Yes"), " ")
    press(page.get_by_role("button", name="Continue"))

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("How many minutes"))
    page.get_by_label(re.compile("How many minutes")).focus()
    page.keyboard.type("15")
    page.keyboard.press("Enter")

    # a ranking left half done: the error summary takes focus and links to the first box
    expect(page.get_by_role("heading", level=1)).to_have_text("Put these in order of importance")
    page.get_by_label("Parking").focus()
    page.keyboard.type("2")
    press(page.get_by_role("button", name="Continue"))
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("a different number from 1 to 3")
    for label, rank in (("Parking", "2"), ("Buses", "1"), ("Cycling", "3")):
        page.get_by_label(label).focus()
        page.keyboard.type(rank)
    press(page.get_by_role("button", name="Continue"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Which ward do you live in?")
    expect(page.get_by_text("About you")).to_be_visible()
    press(page.get_by_label("Brookside"), " ")
    press(page.get_by_role("button", name="Continue"))
    press(page.get_by_role("button", name="Continue"))  # "Anything else?" is optional

    expect(page.get_by_role("heading", name="Check your answers before sending them")).to_be_visible()
    expect(page.locator(".summary-list").first).to_contain_text("1. Buses; 2. Parking; 3. Cycling")
    press(page.get_by_role("link", name=re.compile("Change your answer to How many minutes")))
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", re.compile("/check/$"))
    page.get_by_label(re.compile("How many minutes")).fill("20")
    press(page.get_by_role("button", name="Continue"))
    expect(page.get_by_role("heading", name="Check your answers before sending them")).to_be_visible()
    expect(page.locator(".summary-list").first).to_contain_text("20")
    press(page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_text("Thank you. Your answers have been sent.")).to_be_visible()


def test_resident_completes_a_one_page_survey_without_javascript(new_context, server):
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, "resident52@northbrook.example", next_path=server.data["survey_all_url"])
    form = page.locator("form.survey-form")
    # without JavaScript every question shows, saying whom it is for
    expect(
        form.get_by_text("Answer this only if you answered “Yes” to “Do you drive to the hospital?”.")
    ).to_be_visible()
    form.get_by_label("No").check()
    form.get_by_label(re.compile("How many minutes")).fill("10")
    form.get_by_label("Abbey").check()
    form.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()  # an answer to a question not asked
    expect(page.locator(".error-summary")).to_contain_text("Leave “How many minutes")

    form = page.locator("form.survey-form")
    form.get_by_label(re.compile("How many minutes")).fill("")
    form.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_text("Your answers so far are saved.")).to_be_visible()
    expect(page.get_by_text("You have answers saved that you have not sent yet.")).to_be_visible()

    page.goto(server.data["survey_all_url"])  # coming back: the answers so far are filled in
    form = page.locator("form.survey-form")
    expect(form.get_by_label("Abbey")).to_be_checked()
    for label, rank in (("Parking", "3"), ("Buses", "1"), ("Cycling", "2")):
        form.get_by_label(label, exact=True).select_option(rank)
    form.get_by_label("Anything else?").fill("More buses in the evening, please.")
    form.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Check your answers before sending them")).to_be_visible()
    expect(page.get_by_text("How many minutes")).to_have_count(0)  # not asked, so not listed
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you. Your answers have been sent.")).to_be_visible()


def test_conditional_question_shows_and_hides_live_with_javascript(new_context, server):
    page = new_context().new_page()
    sign_in(page, "resident53@northbrook.example", next_path=server.data["survey_all_url"])
    form = page.locator("form.survey-form")
    minutes = form.get_by_label(re.compile("How many minutes"))
    expect(minutes).to_be_hidden()
    form.get_by_label("Yes").check()
    expect(minutes).to_be_visible()
    form.get_by_label("No").check()
    expect(minutes).to_be_hidden()


def test_survey_pages_have_no_wcag_violations_and_are_valid_html(new_context, server, tmp_path):
    page = new_context().new_page()
    sign_in(page, "resident54@northbrook.example", next_path=server.data["survey_paged_url"])
    documents = {}

    def visit(name, path=None, check=True):
        if path:
            response = page.goto(path)
            documents[name] = response.text()
        if check:
            assert_accessible(page)

    visit("survey-paged-start", server.data["survey_paged_url"])
    page.get_by_role("button", name="Start now").click()
    visit("survey-question", page.url)
    page.get_by_role("button", name="Continue").click()
    page.locator(".error-summary").wait_for()
    visit("survey-question-error")
    visit("survey-one-page", server.data["survey_all_url"])
    page.get_by_role("button", name="Continue").click()
    page.locator(".error-summary").wait_for()
    visit("survey-one-page-error")
    form = page.locator("form.survey-form")
    form.get_by_label("No").check()
    for label, rank in (("Parking", "1"), ("Buses", "2"), ("Cycling", "3")):
        form.get_by_label(label, exact=True).select_option(rank)
    form.get_by_label("Castle Hill").check()
    form.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Check your answers before sending them")).to_be_visible()
    visit("survey-check-answers", page.url)
    assert check_html(documents, tmp_path) == []
