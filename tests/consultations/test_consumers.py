"""The consultation websocket, driven with Channels' WebsocketCommunicator.

Scenarios run through async_to_sync so the consumer's database work shares the test's
transaction (see live_helpers)."""

import asyncio
import json
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from consultations import live, services
from consultations.models import Comment, Vote
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_consultation, make_proposal
from tests.consultations.live_helpers import (
    commit,
    communicator,
    receive,
    receive_until,
    session_cookie,
)


@pytest.fixture(autouse=True)
def _keep_test_connection(monkeypatch):
    """database_sync_to_async recycles connections outside autocommit, which would close the test
    transaction; the servers in the multi-process tests run with it as in production."""
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def run(scenario):
    async_to_sync(scenario)()


async def connect(page, user=None, **kwargs):
    if user is not None:
        kwargs["cookie"] = await database_sync_to_async(session_cookie)(user)
    comm = communicator(page.pk, **kwargs)
    connected, code = await comm.connect(timeout=5)
    return comm, connected, code


@pytest.mark.parametrize("state", ["upcoming", "open", "closed"])
def test_anyone_may_watch_a_published_consultation(state, index, organisation):
    page = make_consultation(index, state, lead_organisation=organisation)

    async def scenario():
        comm, connected, _ = await connect(page, since=0)
        assert connected
        hello = await receive_until(comm, "hello")
        assert hello["data"]["last_seq"] == 0
        await comm.disconnect()

    run(scenario)


@pytest.mark.parametrize("role,allowed", [(None, False), ("resident", False), ("officer", True)])
def test_draft_consultation_socket_is_refused_except_to_its_officers(role, allowed, index, organisation):
    draft = make_consultation(index, "open", live=False, lead_organisation=organisation)
    user = {
        "resident": UserFactory(),
        "officer": UserFactory(roles=["Officers"], organisation=organisation),
    }.get(role)

    async def scenario():
        comm, connected, code = await connect(draft, since=0, user=user)
        assert connected is allowed
        if not allowed:
            assert code == 4404
        await comm.disconnect()

    run(scenario)


def test_private_consultation_socket_is_refused(consultation):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=consultation, restriction_type="groups")  # no group admitted
    member = UserFactory()

    async def scenario():
        comm, connected, code = await connect(consultation, since=0, user=member)
        assert not connected and code == 4404

    run(scenario)


def test_unknown_page_is_refused(db):
    async def scenario():
        comm = communicator(424242, since=0)
        connected, code = await comm.connect(timeout=5)
        assert not connected and code == 4404

    run(scenario)


def test_replay_since_n_then_live_delivery(resident, consultation):
    for body in ("one", "two", "three"):
        services.post_comment(author=resident, consultation=consultation, body=f"Comment {body}")

    async def scenario():
        comm, connected, _ = await connect(consultation, since=1)
        assert connected
        replayed = [await receive(comm), await receive(comm)]
        assert [m["seq"] for m in replayed] == [2, 3]
        assert "Comment two" in replayed[0]["html"]
        assert (await receive_until(comm, "hello"))["data"]["last_seq"] == 3

        await database_sync_to_async(services.post_comment)(
            author=resident, consultation=consultation, body="Comment four"
        )
        await commit()
        message = await receive_until(comm, live.COMMENT_POSTED)
        assert message["seq"] == 4 and "Comment four" in message["html"]
        assert set(message) == {"seq", "type", "html", "data"}
        await comm.disconnect()

    run(scenario)


def test_every_viewer_receives_each_event_once_in_order(resident, proposal, make_user):
    voters = [make_user() for _ in range(5)]
    consultation = proposal.consultation

    async def scenario():
        viewers = []
        for _ in range(3):
            comm, connected, _ = await connect(consultation, since=0)
            assert connected
            await receive_until(comm, "hello")
            viewers.append(comm)
        for voter in voters:
            await database_sync_to_async(services.cast_vote)(voter=voter, proposal=proposal, choice="support")
        await commit()
        for comm in viewers:
            seqs = []
            while len(seqs) < 5:
                message = await receive(comm)
                if message["type"] == live.TALLY_CHANGED:
                    seqs.append(message["seq"])
            assert seqs == [1, 2, 3, 4, 5]
            await comm.disconnect()

    run(scenario)


def test_post_comment_over_socket_uses_the_same_rules(resident, consultation):
    async def scenario():
        comm, _, _ = await connect(consultation, since=0, user=resident)
        await receive_until(comm, "hello")
        token = str(uuid.uuid4())
        frame = {
            "action": "comment",
            "ref": "c1",
            "body": "<b>Via</b> socket",
            "stance": "support",
            "client_token": token,
        }
        await comm.send_to(text_data=json.dumps(frame))
        ack = await receive_until(comm, "ack")
        assert ack["data"]["ref"] == "c1" and ack["data"]["status"] == "published"
        await comm.send_to(text_data=json.dumps(frame))  # the same frame again: saved once
        assert (await receive_until(comm, "ack"))["data"]["comment"] == ack["data"]["comment"]
        await comm.send_to(text_data=json.dumps({"action": "comment", "ref": "c2", "body": ""}))
        error = await receive_until(comm, "error")
        assert error["data"]["code"] == "empty" and error["data"]["ref"] == "c2"
        await commit()
        posted = await receive_until(comm, live.COMMENT_POSTED)
        assert "Via socket" in posted["html"]
        await comm.disconnect()

    run(scenario)
    assert Comment.objects.get().body == "Via socket"


def test_anonymous_and_closed_posts_over_socket_are_refused(index, organisation, resident):
    closed = make_consultation(index, "closed", lead_organisation=organisation)
    proposal = make_proposal(closed)

    async def scenario():
        comm, _, _ = await connect(closed, since=0)
        await receive_until(comm, "hello")
        await comm.send_to(text_data=json.dumps({"action": "comment", "body": "Hello there"}))
        assert (await receive_until(comm, "error"))["data"]["code"] == "forbidden"
        await comm.disconnect()
        comm, _, _ = await connect(closed, since=0, user=resident)
        await receive_until(comm, "hello")
        await comm.send_to(
            text_data=json.dumps({"action": "vote", "proposal": proposal.pk, "choice": "support"})
        )
        error = await receive_until(comm, "error")
        assert error["data"]["code"] == "forbidden" and "closed" in error["data"]["message"]
        await comm.disconnect()

    run(scenario)
    assert not Comment.objects.exists() and not Vote.objects.exists()


def test_vote_over_socket_and_proposal_from_elsewhere(resident, consultation, proposal, index):
    other = make_proposal(make_consultation(index, "open", lead_organisation=consultation.lead_organisation))

    async def scenario():
        comm, _, _ = await connect(consultation, since=0, user=resident)
        await receive_until(comm, "hello")
        await comm.send_to(
            text_data=json.dumps({"action": "vote", "ref": 7, "proposal": proposal.pk, "choice": "oppose"})
        )
        ack = await receive_until(comm, "ack")
        assert ack["data"] == {"ok": True, "vote": "oppose", "changed": True, "ref": 7}
        await comm.send_to(text_data=json.dumps({"action": "vote", "proposal": other.pk, "choice": "oppose"}))
        assert (await receive_until(comm, "error"))["data"]["code"] == "not_found"
        await comm.disconnect()

    run(scenario)
    assert list(Vote.objects.values_list("proposal_id", "choice")) == [(proposal.pk, "oppose")]


@pytest.mark.parametrize(
    "frame,code",
    [
        ("{not json", "bad_json"),
        ("[1, 2]", "bad_json"),
        ('{"action": "dance"}', "unknown_action"),
        ('{"action": "vote", "proposal": "x", "choice": "support"}', "not_found"),
        ('{"action": "comment", "body": "hi there", "client_token": "nope"}', "invalid"),
        ("[" * 5000 + "]" * 5000, "bad_json"),  # deeper than the parser recurses
        ('{"action": "vote", "proposal": ' + '{"a": ' * 40 + "1" + "}" * 40 + "}", "bad_json"),
        ('{"action": "comment", "body": {"text": "hi there"}}', "invalid"),
        ('{"action": "vote", "proposal": "\u0661\u0662", "choice": "support"}', "not_found"),
        ('{"action": "vote", "proposal": 99999999999999999999999, "choice": "support"}', "not_found"),
        ('{"action": "comment", "body": "hi there", "parent": "\u00b2"}', "not_found"),
    ],
)
def test_malformed_frames_get_an_error_and_the_socket_stays_open(frame, code, resident, consultation):
    async def scenario():
        comm, _, _ = await connect(consultation, since=0, user=resident)
        await receive_until(comm, "hello")
        await comm.send_to(text_data=frame)
        assert (await receive_until(comm, "error"))["data"]["code"] == code
        await comm.send_to(text_data='{"action": "ping", "ref": "still-here"}')
        assert (await receive_until(comm, "pong"))["data"]["ref"] == "still-here"
        await comm.disconnect()

    run(scenario)
    assert not Comment.objects.exists()


def test_oversized_and_binary_frames_are_refused(resident, consultation, settings):
    settings.LIVE_MAX_FRAME_BYTES = 200

    async def scenario():
        comm, _, _ = await connect(consultation, since=0, user=resident)
        await receive_until(comm, "hello")
        await comm.send_to(text_data=json.dumps({"action": "comment", "body": "x" * 500}))
        assert (await receive_until(comm, "error"))["data"]["code"] == "too_large"
        await comm.send_to(bytes_data=b"\x00\x01")
        assert (await receive_until(comm, "error"))["data"]["code"] == "bad_frame"
        await comm.disconnect()

    run(scenario)
    assert not Comment.objects.exists()


def test_socket_posting_is_rate_limited(resident, consultation, settings, pinned_clock):
    settings.WRITE_RATE_LIMIT = "2/m"

    async def scenario():
        comm, _, _ = await connect(consultation, since=0, user=resident)
        await receive_until(comm, "hello")
        codes = []
        for n in range(3):
            await comm.send_to(text_data=json.dumps({"action": "comment", "body": f"Note {n}"}))
            reply = await receive(comm)
            while reply["type"] not in ("ack", "error"):
                reply = await receive(comm)
            codes.append(reply["data"].get("code", "ok"))
        assert codes == ["ok", "ok", "rate_limited"]
        await comm.disconnect()

    run(scenario)
    assert Comment.objects.count() == 2


def test_frame_flood_is_limited(consultation, settings, pinned_clock):
    settings.LIVE_FRAME_RATE = "3/m"

    async def scenario():
        comm, _, _ = await connect(consultation, since=0)
        await receive_until(comm, "hello")
        for _ in range(4):
            await comm.send_to(text_data='{"action": "ping"}')
        kinds = [(await receive(comm))["type"] for _ in range(4)]
        assert kinds.count("pong") == 3 and kinds[-1] == "error"
        await comm.disconnect()

    run(scenario)


@pytest.mark.parametrize("raw", ["-3", "abc"])
def test_bad_since_is_an_error_and_a_clean_close(raw, consultation):
    async def scenario():
        comm = communicator(consultation.pk, raw_since=raw)
        connected, _ = await comm.connect(timeout=5)
        assert connected
        error = await receive(comm)
        assert error["type"] == "error" and error["data"]["code"] == "bad_since"
        assert (await comm.receive_output(timeout=3))["type"] == "websocket.close"

    run(scenario)


def test_future_since_is_reported_then_stream_continues(resident, consultation):
    services.post_comment(author=resident, consultation=consultation, body="Only one")

    async def scenario():
        comm, connected, _ = await connect(consultation, since=50)
        assert connected
        assert (await receive(comm))["data"]["code"] == "future_since"
        assert (await receive_until(comm, "hello"))["data"]["last_seq"] == 1
        await comm.disconnect()

    run(scenario)


def test_stale_since_is_told_to_reload(consultation, settings):
    settings.LIVE_MAX_REPLAY = 2
    for _ in range(4):
        live.record(consultation.pk, live.COMMENT_POSTED)

    async def scenario():
        comm, connected, _ = await connect(consultation, since=0)
        assert connected
        message = await receive_until(comm, "reload")
        assert "reload" in message["data"]["reason"]
        close = await comm.receive_output(timeout=3)
        assert close == {"type": "websocket.close", "code": 4409}

    run(scenario)


def test_presence_counts_viewers_and_corrects_after_silent_loss(consultation, settings):
    settings.LIVE_IDLE_TIMEOUT = 1
    settings.LIVE_PRESENCE_INTERVAL = 1

    async def scenario():
        first, _, _ = await connect(consultation, since=0)
        assert (await receive_until(first, "hello"))["data"]["viewers"] == 1
        second, _, _ = await connect(consultation, since=0)
        await receive_until(second, "hello")
        assert (await receive_until(first, "presence"))["data"]["viewers"] == 2
        # The second viewer vanishes without a close frame and stops pinging; the first keeps
        # pinging, so only the second is dropped as idle.
        for _ in range(6):
            await first.send_to(text_data='{"action": "ping"}')
            await asyncio.sleep(0.4)
        seen = []
        while True:
            message = await receive(first, timeout=3)
            if message["type"] == "presence":
                seen.append(message["data"]["viewers"])
                if message["data"]["viewers"] == 1:
                    break
        assert seen[-1] == 1
        await first.disconnect()

    run(scenario)
