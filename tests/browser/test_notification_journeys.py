"""A resident who commented hears "you said, we did" by email and on their account page, and both
links end on a page the resident may see (the consultation page), showing the response."""

import re
import time
import uuid

from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in
from .test_resident_journeys import PASSWORD, sign_up_and_confirm


def wait_for_mail_about(server, address: str, subject: str, timeout: float = 20) -> str:
    """The plain-text body of the newest email to address whose subject contains subject."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in reversed(server.mails_to(address)):
            if subject in str(message["Subject"]):
                return message.get_body(("plain",)).get_content()
        time.sleep(0.2)
    raise AssertionError(f"No email about {subject!r} to {address}")


def test_resident_who_commented_reads_you_said_we_did_on_a_page_they_may_see(new_context, server):
    data = server.data
    resident = new_context().new_page()
    address = sign_up_and_confirm(resident, server, "DischargeCarer")
    sign_in(resident, address, PASSWORD, next_path=data["proposal_url"])
    form = resident.locator("#comment-form")
    form.get_by_label("Your comment").fill(
        f"Arrange the care before the day I leave ({uuid.uuid4().hex[:6]})."
    )
    form.get_by_role("button", name="Post comment").click()
    expect(resident.get_by_text("Your comment has been published")).to_be_visible()

    # An officer of a partner organisation publishes the response to that proposal.
    we_did = f"Care is now booked two days before discharge ({uuid.uuid4().hex[:6]})."
    officer = new_context().new_page()
    new_response = (
        f"/consultations/{data['consultation_id']}/summary/responses/new/?proposal={data['proposal_id']}"
    )
    sign_in(officer, "officer@northbrook.example", next_path=new_response)
    officer.goto(new_response)
    officer.get_by_label("You said").fill("Care at home is not ready on the day people leave hospital.")
    officer.get_by_label("We did").fill(we_did)
    officer.get_by_role("button", name="Publish and notify residents").click()
    expect(officer.get_by_text("The response is published")).to_be_visible()

    # The email links to the consultation page (its results are not published: the summary is
    # still closed to residents), where the response shows with the proposal it answers.
    body = wait_for_mail_about(server, address, "You said, we did")
    assert we_did in body
    # The server's BASE_URL has no port: follow the link's path on the test server.
    link = re.search(r"http://127\.0\.0\.1(?::\d+)?(/\S+#responses)", body).group(1)
    assert link == data["consultation_url"] + "#responses"
    response = resident.goto(link)
    assert response.status == 200
    responses = resident.locator("#responses")
    expect(responses).to_contain_text(we_did)
    expect(responses).to_contain_text("Proposal:")
    assert_accessible(resident)

    # The account page has it too (no second email): the header counts it, opening it marks it read
    # and lands on the same section.
    resident.goto("/")
    header_link = resident.get_by_role("link", name=re.compile(r"^Notifications\s*, \d+ unread$"))
    expect(header_link).to_be_visible()
    header_link.click()
    notification = resident.get_by_role("link", name=re.compile("^You said, we did: "))
    expect(notification).to_have_count(1)
    assert_accessible(resident)
    notification.click()
    expect(resident).to_have_url(re.compile(re.escape(data["consultation_url"]) + "#responses$"))
    expect(resident.locator("#responses")).to_contain_text(we_did)
    assert len([m for m in server.mails_to(address) if "You said, we did" in str(m["Subject"])]) == 1
