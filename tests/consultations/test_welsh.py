"""Consultation pages, conversations, the report page, the moderation log and moderation emails in Welsh.

Pages are fetched at their /cy/ addresses and only <main> is scanned (the page frame is base.html's).
Test data is Welsh or neutral, so any English word found is interface text left unmarked or untranslated.
"""

import re
import uuid

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import RichText

from consultations import tasks
from consultations.conversations import services as conversation_services
from consultations.conversations.models import OpinionVote
from consultations.models import Comment, ConsultationIndexPage, Flag, ModerationDecision, Vote
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import (
    CommentFactory,
    make_consultation,
    make_conversation,
    make_proposal,
    make_statements,
)
from tests.support.auth import sign_in
from tests.welsh import assert_welsh, english_words

# The error summary and the field error prefix come from templates/includes/ (helper civic marks those):
# "There is a problem" and "Error:" stay English until that branch is merged.
SHARED_ERROR_WORDS = frozenset({"there", "error"})
# The scanner reads radio buttons' values too: these are stored values ("question" stance, "other"
# reason), never shown; their labels are checked as text.
RADIO_VALUES = frozenset({"question", "other"})


def welsh(path: str) -> str:
    """The Welsh address of a page or view (English is the plain address)."""
    return path if path.startswith("/cy/") else f"/cy{path}"


def main_of(response) -> str:
    html = response.content.decode()
    found = re.search(r"<main\b.*?</main>", html, re.S)
    assert found, "no <main> on the page"
    return found.group(0)


@pytest.fixture
def index(home):
    page = ConsultationIndexPage(title="Ymgynghoriadau", slug="ymgynghoriadau")
    home.add_child(instance=page)
    return page


@pytest.fixture
def council(db):
    return OrganisationFactory(name="Cyngor Northbrook", slug="cyngor-northbrook")


def welsh_consultation(index, council, state="open", **fields):
    return make_consultation(
        index,
        state,
        lead_organisation=council,
        title=fields.pop("title", "Llyfrgell Northbrook"),
        summary="Oriau newydd i'r llyfrgell.",
        **fields,
    )


def welsh_proposal(consultation, **fields):
    return make_proposal(
        consultation,
        title=fields.pop("title", "Oriau hwyrach"),
        problem="<p>Mae'r llyfrgell yn cau yn gynnar.</p>",
        proposed_change=[
            ("paragraph", RichText("<p>Agor tan wyth bob nos.</p>")),
            ("paragraph", RichText("<p>Agor ar ddydd Sul.</p>")),
        ],
        location_name="Stryd Fawr",
        **fields,
    )


@pytest.fixture
def consultation(index, council):
    return welsh_consultation(index, council)


@pytest.fixture
def proposal(consultation):
    return welsh_proposal(consultation)


@pytest.fixture
def resident(db):
    return UserFactory(roles=["Residents"], display_name="Gwenllian")


def test_consultation_index_in_welsh(client, index, council):
    welsh_consultation(index, council, "open")
    welsh_consultation(index, council, "upcoming", title="Parc y Dref")
    welsh_consultation(index, council, "closed", title="Canolfan Hamdden", results_published=True)
    response = client.get(welsh(index.url))
    assert response.status_code == 200
    html = main_of(response)
    assert "3 ymgynghoriad" in html and "Hidlo ymgynghoriadau" in html
    assert "Yn agor" in html and "Yn cau" in html and "Caeodd" in html
    assert_welsh(html)


def test_consultation_index_filter_errors_in_welsh(client, index, council):
    welsh_consultation(index, council)
    response = client.get(welsh(index.url), {"state": "sideways"})
    assert response.status_code == 200
    assert_welsh(main_of(response), allow=SHARED_ERROR_WORDS)


def test_open_consultation_page_in_welsh(client, consultation, proposal, resident):
    conversation = make_conversation(consultation, title="Sgwrs y dref", question="Beth hoffech chi?")
    Vote.objects.create(proposal=proposal, user=UserFactory(), choice="support")
    top = CommentFactory(consultation=consultation, body="Syniad da iawn.", stance="support")
    CommentFactory(consultation=consultation, body="Cytuno.", parent=top)
    sign_in(client, resident)
    response = client.get(welsh(consultation.url))
    assert response.status_code == 200
    html = main_of(response)
    assert "Sut i gymryd rhan" in html and "Ychwanegu eich sylw" in html and conversation.title in html
    assert "0 sylw" in html and "(1 pleidlais)" in html
    assert_welsh(html, allow=RADIO_VALUES)


def test_pre_moderated_page_with_a_pending_comment_and_a_reply_in_welsh(client, index, council, resident):
    from consultations.models import Follow

    page = welsh_consultation(index, council, moderation_policy="pre")
    top = CommentFactory(consultation=page, body="Syniad da iawn.", author=UserFactory(display_name="Dafydd"))
    CommentFactory(consultation=page, body="Fy sylw i.", author=resident, status="pending")
    Follow.objects.create(user=resident, page=page)
    sign_in(client, resident)
    html = main_of(client.get(welsh(page.url), {"reply_to": top.pk}))
    assert "Yn aros am gymedroli" in html and "Yn ateb Dafydd." in html and "Dad-ddilyn" in html
    assert "Mae cymedrolwr yn gwirio pob sylw" in html
    assert_welsh(html, allow=RADIO_VALUES)


def test_officer_view_with_thread_buttons_and_official_response_form_in_welsh(client, consultation, council):
    officer = UserFactory(roles=["Officers"], organisation=council, display_name="Swyddog")
    CommentFactory(consultation=consultation, body="Syniad da iawn.", pinned=True, locked=True)
    sign_in(client, officer)
    html = main_of(client.get(welsh(consultation.url)))
    assert "Dadbinio" in html and "Ailagor atebion" in html and "Cyhoeddi ymateb swyddogol" in html
    assert_welsh(html, allow=RADIO_VALUES)


def test_closed_consultation_page_in_welsh(client, index, council, resident):
    closed = welsh_consultation(index, council, "closed", results_published=True)
    welsh_proposal(closed)
    CommentFactory(consultation=closed, body="Diolch.")
    sign_in(client, resident)
    html = main_of(client.get(welsh(closed.url)))
    assert "Mae'r ymgynghoriad hwn wedi cau" in html and "canlyniadau wedi'u cyhoeddi" in html
    assert_welsh(html)


def test_upcoming_consultation_page_in_welsh(client, index, council):
    upcoming = welsh_consultation(index, council, "upcoming")
    html = main_of(client.get(welsh(upcoming.url)))
    assert "Mae'r ymgynghoriad hwn yn agor ar" in html
    # Signed out, the reason to sign in comes from civic.permissions (helper civic): only this page's
    # own words are checked here.
    assert english_words(html) <= {"sign", "in", "or", "create", "an", "account", "to", "take", "part"}


def test_proposal_page_with_comments_votes_and_paragraph_comments_in_welsh(client, proposal, resident):
    consultation = proposal.consultation
    first = proposal.paragraphs()[0]
    Vote.objects.create(proposal=proposal, user=resident, choice="oppose")
    Vote.objects.create(proposal=proposal, user=UserFactory(), choice="support")
    Comment.objects.create(
        consultation=consultation,
        proposal=proposal,
        author=UserFactory(display_name="Dafydd"),
        body="Mae hyn yn bwysig.",
        paragraph=first.id,
        paragraph_text=first.text,
    )
    CommentFactory(consultation=consultation, proposal=proposal, body="Cwestiwn bach.", stance="question")
    sign_in(client, resident)
    response = client.get(welsh(proposal.url), {"paragraph": first.id})
    assert response.status_code == 200
    html = main_of(response)
    assert "Y broblem" in html and "Gwneud sylw ar y paragraff hwn" in html
    assert "Fe wnaethoch chi bleidleisio i wrthwynebu." in html and "Newid fy mhleidlais" in html
    assert "(2 pleidlais)" in html and "Ar <a" in html
    assert_welsh(html, allow=RADIO_VALUES)


def test_closed_proposal_page_in_welsh(client, index, council, resident):
    closed = welsh_consultation(index, council, "closed")
    proposal = welsh_proposal(closed)
    sign_in(client, resident)
    html = main_of(client.get(welsh(proposal.url)))
    assert "Caeodd yr ymgynghoriad hwn ar" in html
    assert_welsh(html)


def test_comment_form_errors_re_rendered_in_welsh(client, proposal, resident):
    sign_in(client, resident)
    with translation.override("cy"):
        url = reverse("consultations:post_comment", args=[proposal.pk])
    assert url.startswith("/cy/")
    response = client.post(url, {"body": "", "stance": "sideways", "client_token": str(uuid.uuid4())})
    assert response.status_code == 400
    html = main_of(response)
    assert "Rhowch eich sylw." in html
    assert_welsh(html, allow=SHARED_ERROR_WORDS | RADIO_VALUES)


def test_vote_errors_re_rendered_in_welsh(client, proposal, resident):
    sign_in(client, resident)
    with translation.override("cy"):
        url = reverse("consultations:cast_vote", args=[proposal.pk])
    response = client.post(url, {"choice": "maybe"})
    assert response.status_code == 400
    html = main_of(response)
    assert "Dewiswch gefnogi neu wrthwynebu." in html
    assert_welsh(html, allow=SHARED_ERROR_WORDS | RADIO_VALUES)


def test_comment_report_page_in_welsh(client, consultation, resident):
    comment = CommentFactory(consultation=consultation, body="Sylw swnllyd.")
    sign_in(client, resident)
    with translation.override("cy"):
        url = reverse("consultations:report_comment", args=[comment.pk])
    html = main_of(client.get(url))
    assert "Rhoi gwybod am sylw" in html and "Oddi ar y pwnc" in html
    assert_welsh(html, allow=RADIO_VALUES)
    errors = client.post(url, {"note": ""})
    assert errors.status_code == 400
    assert "Dewiswch reswm." in main_of(errors)
    assert_welsh(main_of(errors), allow=SHARED_ERROR_WORDS | RADIO_VALUES)


def test_moderation_log_in_welsh(client, consultation):
    hidden = CommentFactory(consultation=consultation, body="Sbam.", status="hidden")
    ModerationDecision.objects.create(
        comment=hidden, consultation=consultation, decision="hide", reason="spam", previous_status="published"
    )
    Flag.objects.create(comment=hidden, user=UserFactory(), reason="spam")
    with translation.override("cy"):
        url = reverse("consultations:moderation_log", args=[consultation.pk])
    html = main_of(client.get(url))
    assert "Cofnod cymedroli" in html and "Sbam neu hysbysebu" in html and "Cuddio" in html
    assert_welsh(html)


def test_conversation_page_in_welsh(client, consultation, resident):
    conversation = make_conversation(consultation, title="Sgwrs y dref", question="Beth hoffech chi?")
    statements = make_statements(conversation, "Mwy o feinciau", "Llai o geir", "Llyfrgell ar agor yn hwyr")
    for n in range(12):
        voter = UserFactory(roles=["Residents"])
        for i, statement in enumerate(statements):
            value = 1 if i == 0 else (1 if (i % 2) == (n % 2) else -1)
            OpinionVote.objects.create(
                conversation=conversation, statement=statement, user=voter, value=value
            )
    assert conversation_services.recompute(conversation.pk)["status"] == "ok"
    sign_in(client, resident)
    one = main_of(client.get(welsh(conversation.url)))
    assert "Grŵp A" in one and "Map barn o 12 cyfranogwr mewn 2 grŵp." in one
    assert_welsh(one)
    every = main_of(client.get(welsh(conversation.url), {"view": "all"}))
    assert "Pob datganiad" in every
    assert_welsh(every)


def test_conversation_without_enough_votes_in_welsh(client, consultation, resident):
    conversation = make_conversation(consultation, title="Sgwrs y dref", question="Beth hoffech chi?")
    make_statements(conversation, "Mwy o feinciau")
    conversation_services.recompute(conversation.pk)
    sign_in(client, resident)
    html = main_of(client.get(welsh(conversation.url)))
    assert "Dim digon o bleidleisiau eto" in html
    assert_welsh(html)


def test_moderation_decision_email_in_welsh(consultation):
    author = UserFactory(roles=["Residents"], display_name="Gwenllian", language="cy")  # emails: the profile
    comment = CommentFactory(consultation=consultation, author=author, body="Fy sylw i.")
    with translation.override("cy"):
        sent = tasks.notify_authors_of_decision.call([comment.pk], "hide", "off_topic", "Cadwch at y pwnc.")
    assert sent == 1
    message = mail.outbox[-1]
    assert message.subject.endswith(f"Eich sylw ar {consultation.title}")
    assert "Mae wedi'i guddio" in message.body and "Oddi ar y pwnc" in message.body
    assert_welsh(re.sub(r"https?://\S+", "", message.body))  # the page's address is no interface text


def test_moderation_digest_body_in_welsh(db):
    with translation.override("cy"):
        body = render_to_string(
            "consultations/email/digest.txt",
            {
                "moderator": UserFactory.build(display_name="Gwenllian"),
                "waiting": 3,
                "late": 1,
                "sla_hours": 48,
                "queue_url": "/ciw/",
                "site_name": "Cyngor Northbrook",
            },
        )
    assert "Mae 3 cyfraniad yn aros am gymedroli" in body
    assert_welsh(body)


def test_consultation_date_notifications_written_in_welsh(index, council):
    from datetime import timedelta

    from django.utils import timezone

    from civic.models import Notification
    from consultations import notifications
    from consultations.models import Follow

    page = welsh_consultation(index, council)
    page.opens_at = timezone.now() - timedelta(hours=2)
    page.save()
    Follow.objects.create(user=UserFactory(language="cy"), page=page)  # the follower's language, not cron's
    counts = notifications.consultation_dates(closing_soon_days=1, within=timedelta(days=1))
    assert counts["opened"] == 1
    note = Notification.objects.get()
    assert note.title == f"Ar agor nawr: {page.title}" and note.body.startswith("Dywedwch eich dweud tan ")
    assert_welsh(note.title + " " + note.body)
