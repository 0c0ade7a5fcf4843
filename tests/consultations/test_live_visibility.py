"""The live stream shows nothing about pages the public cannot see and no text of moderated
comments: socket connect and frames, replay, and the HTTP event feed."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from consultations import live, services
from consultations.models import Comment, ConsultationPage, LiveEvent, ProposalPage, Vote
from tests.consultations.factories import make_consultation, make_proposal
from tests.consultations.live_helpers import communicator, receive, receive_until, session_cookie
from tests.support.moderation import set_status


@pytest.fixture(autouse=True)
def _keep_test_connection(monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def run(scenario):
    async_to_sync(scenario)()


def feed(client, page, since="0"):
    return client.get(reverse("consultations:events", args=[page.pk]), {"since": since})


def hide_page(page, how):
    if how == "draft":
        Page.objects.filter(pk=page.pk).update(live=False)
    else:
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="letmein")


async def socket_frames(page, since=0, cookie=None):
    comm = communicator(page.pk, since=since, cookie=cookie)
    connected, code = await comm.connect(timeout=5)
    frames = []
    if connected:
        while True:
            message = await receive(comm)
            if message["type"] == "hello":
                break
            frames.append(message)
        await comm.disconnect()
    return connected, code, frames


@pytest.mark.parametrize("how", ["draft", "private"])
def test_tally_of_a_hidden_proposal_is_withheld_from_replay_and_feed(how, client, resident, consultation):
    secret = make_proposal(consultation, title="Secret closure of the library")
    services.cast_vote(voter=resident, proposal=secret, choice="support")
    response = feed(client, consultation)
    assert response.json()["events"][0]["type"] == live.TALLY_CHANGED  # public: shown
    assert "Secret closure" in response.content.decode()

    hide_page(secret, how)
    response = feed(client, consultation)
    assert response.status_code == 200
    assert response.json()["events"] == [{"seq": 1, "type": live.WITHHELD, "html": None, "data": {}}]
    _, _, frames = async_to_sync(socket_frames)(consultation)
    assert [f["type"] for f in frames] == [live.WITHHELD]
    assert "Secret" not in json.dumps(frames)


def test_hidden_comment_text_leaves_replay_and_feed(client, resident, officer, consultation):
    kept = services.post_comment(author=resident, consultation=consultation, body="Kept words stay")
    gone = services.post_comment(author=resident, consultation=consultation, body="Rude words go")
    services.edit_comment(editor=resident, comment=gone, body="Still rude words")
    set_status(moderator=officer, comment=gone, status=Comment.Status.HIDDEN)

    body = feed(client, consultation).content.decode()
    assert "Kept words stay" in body
    assert "rude words" not in body.lower()
    types = [e["type"] for e in feed(client, consultation).json()["events"]]
    assert types == [live.COMMENT_POSTED, live.WITHHELD, live.WITHHELD, live.COMMENT_REMOVED]
    _, _, frames = async_to_sync(socket_frames)(consultation)
    assert "rude words" not in json.dumps(frames).lower()
    assert "Kept words stay" in json.dumps(frames)
    assert LiveEvent.objects.filter(data__id=kept.pk, type=live.COMMENT_POSTED).exists()


def test_removing_a_reply_leaves_no_copy_inside_its_parents_events(resident, officer, consultation):
    parent = services.post_comment(author=resident, consultation=consultation, body="Parent text")
    reply = services.post_comment(
        author=resident, consultation=consultation, parent=parent, body="Reply to remove"
    )
    services.edit_comment(editor=resident, comment=Comment.objects.get(pk=parent.pk), body="Parent edited")
    set_status(moderator=officer, comment=reply, status=Comment.Status.REMOVED)
    stored = json.dumps([e.as_message() for e in LiveEvent.objects.all()])
    assert "Reply to remove" not in stored and "Parent edited" in stored


@pytest.mark.parametrize("since", ["9" * 30, "-1", "²", "١٢", "1e3", " 1", "0x10"])
def test_feed_since_values_that_are_not_plain_digits_are_a_400(since, client, consultation):
    assert feed(client, consultation, since).status_code == 400


@pytest.mark.parametrize("since", ["9" * 30, "-1", "%C2%B2", "%D9%A1%D9%A2"])
def test_socket_since_values_that_are_not_plain_digits_close_cleanly(since, consultation):
    async def scenario():
        comm = communicator(consultation.pk, raw_since=since)
        connected, _ = await comm.connect(timeout=5)
        assert connected
        assert (await receive_until(comm, "error"))["data"]["code"] == "bad_since"
        assert await comm.receive_output(timeout=3) == {"type": "websocket.close", "code": 4400}

    run(scenario)


def test_consultation_under_a_draft_index_is_unseen_on_socket_and_feed(client, index, organisation, officer):
    page = make_consultation(index, "open", lead_organisation=organisation)
    assert feed(client, page).status_code == 200
    assert async_to_sync(socket_frames)(page)[0]
    Page.objects.filter(pk=index.pk).update(live=False)
    assert feed(client, page).status_code == 404
    connected, code, _ = async_to_sync(socket_frames)(page)
    assert not connected and code == 4404
    cookie = session_cookie(officer)  # its officers still follow it
    assert async_to_sync(socket_frames)(page, cookie=cookie)[0]


@pytest.mark.parametrize("how", ["draft", "private"])
@pytest.mark.parametrize("action", ["vote", "comment"])
def test_socket_writes_to_a_hidden_proposal_are_not_found(how, action, resident, consultation, proposal):
    secret = make_proposal(consultation, title="Hidden")
    hide_page(secret, how)
    cookie = session_cookie(resident)

    async def scenario():
        comm = communicator(consultation.pk, since=0, cookie=cookie)
        assert (await comm.connect(timeout=5))[0]
        await receive_until(comm, "hello")
        for target, expected in ((secret, "error"), (proposal, "ack")):
            frame = {"action": action, "proposal": target.pk, "choice": "support", "body": "My view on this"}
            await comm.send_to(text_data=json.dumps(frame))
            message = await receive_until(comm, expected)
            if expected == "error":
                assert message["data"]["code"] == "not_found"
        await comm.disconnect()

    run(scenario)
    assert not Vote.objects.filter(proposal=secret).exists()
    assert not Comment.objects.filter(proposal=secret).exists()
    assert (
        Vote.objects.filter(proposal=proposal).exists() or Comment.objects.filter(proposal=proposal).exists()
    )


def test_socket_writes_stop_when_the_consultation_is_unpublished(resident, consultation, proposal):
    cookie = session_cookie(resident)

    async def scenario():
        comm = communicator(consultation.pk, since=0, cookie=cookie)
        assert (await comm.connect(timeout=5))[0]
        await receive_until(comm, "hello")
        await database_sync_to_async(ConsultationPage.objects.filter(pk=consultation.pk).update)(live=False)
        await comm.send_to(
            text_data=json.dumps({"action": "vote", "proposal": proposal.pk, "choice": "support"})
        )
        assert (await receive_until(comm, "error"))["data"]["code"] == "not_found"
        await comm.disconnect()

    run(scenario)
    assert not Vote.objects.exists()
    assert ProposalPage.objects.filter(pk=proposal.pk).exists()


def test_events_about_a_hidden_proposal_are_stored_without_content(resident, consultation, proposal):
    secret = make_proposal(consultation, title="Secret plan")
    hide_page(secret, "draft")
    services.cast_vote(voter=resident, proposal=proposal, choice="support")
    Vote.objects.create(proposal=secret, user=resident, choice="support")
    live.tally_changed(secret)  # whatever path records it, the stream carries no content
    shown, hidden = LiveEvent.objects.order_by("seq")
    assert shown.type == live.TALLY_CHANGED and shown.data["proposal"] == proposal.pk
    assert (hidden.seq, hidden.type, hidden.html, hidden.data) == (2, live.WITHHELD, None, {})


def test_staff_watch_a_draft_proposal_but_cannot_write_to_it_over_the_socket(officer, consultation, proposal):
    draft = make_proposal(consultation, title="Draft plan")
    hide_page(draft, "draft")
    cookie = session_cookie(officer)

    async def scenario():
        comm = communicator(consultation.pk, since=0, cookie=cookie)
        assert (await comm.connect(timeout=5))[0]
        await receive_until(comm, "hello")
        await comm.send_to(
            text_data=json.dumps({"action": "vote", "proposal": draft.pk, "choice": "support"})
        )
        assert (await receive_until(comm, "error"))["data"]["code"] == "not_found"
        await comm.send_to(
            text_data=json.dumps({"action": "vote", "proposal": proposal.pk, "choice": "support"})
        )
        assert (await receive_until(comm, "ack"))["data"]["ok"]
        await comm.disconnect()

    run(scenario)
    assert list(Vote.objects.values_list("proposal_id", flat=True)) == [proposal.pk]
