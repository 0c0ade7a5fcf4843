"""Stored live events: numbering, replay, pruning, state changes and the HTTP fallback."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations import live, services
from consultations.models import Comment, LiveEvent
from tests.consultations.factories import CommentFactory, make_consultation
from tests.support.auth import sign_in
from tests.support.moderation import set_status


def test_events_are_numbered_per_consultation(consultation, index):
    other = make_consultation(index, "open", lead_organisation=consultation.lead_organisation)
    first = live.record(consultation.pk, live.COMMENT_POSTED, data={"n": 1})
    second = live.record(consultation.pk, live.COMMENT_POSTED, data={"n": 2})
    elsewhere = live.record(other.pk, live.COMMENT_POSTED)
    assert (first.seq, second.seq, elsewhere.seq) == (1, 2, 1)
    assert live.last_seq(consultation.pk) == 2


def test_posting_a_comment_records_an_event_with_the_page_partial(resident, consultation):
    comment = services.post_comment(author=resident, consultation=consultation, body="Live hello")
    event = LiveEvent.objects.get(consultation=consultation)
    assert event.type == live.COMMENT_POSTED and event.seq == 1
    assert f'id="comment-{comment.pk}"' in event.html and "Live hello" in event.html
    assert event.data["id"] == comment.pk and event.data["proposal"] is None
    assert resident.email not in event.html


def test_pre_moderated_comment_is_not_broadcast(resident, consultation):
    consultation.moderation_policy = "pre"
    consultation.save()
    services.post_comment(author=resident, consultation=consultation, body="Wait for me")
    assert not LiveEvent.objects.exists()


def test_votes_record_tally_events(resident, make_user, proposal):
    services.cast_vote(voter=resident, proposal=proposal, choice="support")
    services.cast_vote(voter=make_user(), proposal=proposal, choice="oppose")
    services.cast_vote(voter=resident, proposal=proposal, choice="support")  # unchanged: no event
    events = list(LiveEvent.objects.order_by("seq"))
    assert [e.type for e in events] == [live.TALLY_CHANGED, live.TALLY_CHANGED]
    assert live.message_for(events[-1])["data"] == {
        "proposal": proposal.pk,
        "support": 1,
        "oppose": 1,
        "total": 2,
    }
    assert "<strong>1</strong> support" in events[-1].html


def test_moderation_and_edits_record_events(resident, officer, consultation):
    comment = services.post_comment(author=resident, consultation=consultation, body="First words")
    services.edit_comment(editor=resident, comment=comment, body="Better words")
    set_status(moderator=officer, comment=comment, status="hidden")
    types = list(LiveEvent.objects.order_by("seq").values_list("type", flat=True))
    # the hidden comment's earlier events were redacted in the same transaction
    assert types == [live.WITHHELD, live.WITHHELD, live.COMMENT_REMOVED]
    assert not any("words" in f"{e.html}{e.data}" for e in LiveEvent.objects.all())


def test_residents_cannot_moderate_or_edit_others(resident, make_user, consultation):
    comment = services.post_comment(author=resident, consultation=consultation, body="Mine")
    with pytest.raises(services.ParticipationError):
        set_status(moderator=resident, comment=comment, status="hidden")
    with pytest.raises(services.ParticipationError):
        services.edit_comment(editor=make_user(), comment=comment, body="Not mine")
    comment.refresh_from_db()
    assert comment.status == "published" and comment.body == "Mine"


def test_events_since_replays_in_order(consultation):
    for n in range(5):
        live.record(consultation.pk, live.COMMENT_POSTED, data={"n": n})
    events, last = live.events_since(consultation.pk, 2)
    assert [e.seq for e in events] == [3, 4, 5] and last == 5
    assert live.events_since(consultation.pk, 5) == ([], 5)


def test_future_since_is_refused(consultation):
    live.record(consultation.pk, live.COMMENT_POSTED)
    with pytest.raises(live.FutureSince):
        live.events_since(consultation.pk, 9)


def test_client_too_far_behind_must_reload(consultation, settings):
    settings.LIVE_MAX_REPLAY = 3
    for _ in range(5):
        live.record(consultation.pk, live.COMMENT_POSTED)
    with pytest.raises(live.TooFarBehind):
        live.events_since(consultation.pk, 0)
    assert len(live.events_since(consultation.pk, 2)[0]) == 3


def test_prune_keeps_recent_and_newest_and_old_positions_must_reload(consultation):
    for _ in range(4):
        live.record(consultation.pk, live.COMMENT_POSTED)
    LiveEvent.objects.filter(seq__lte=3).update(created_at=timezone.now() - timedelta(days=30))
    LiveEvent.objects.filter(seq=4).update(created_at=timezone.now() - timedelta(days=30))
    assert live.prune(timedelta(days=7)) == 3
    assert list(LiveEvent.objects.values_list("seq", flat=True)) == [4]  # newest is kept
    with pytest.raises(live.TooFarBehind):
        live.events_since(consultation.pk, 1)
    assert live.events_since(consultation.pk, 3)[1] == 4


def test_prune_command_deletes_old_events_and_reports_how_many(consultation, index, capsys):
    from django.core.management import call_command

    other = make_consultation(index, "open", lead_organisation=consultation.lead_organisation)
    for _ in range(3):
        live.record(consultation.pk, live.COMMENT_POSTED)
        live.record(other.pk, live.COMMENT_POSTED)
    LiveEvent.objects.filter(seq__lte=2).update(created_at=timezone.now() - timedelta(days=10))
    call_command("prune_live_events", "--days", "7")
    assert "Deleted 4 live event(s) older than 7 day(s)." in capsys.readouterr().out
    kept = sorted(LiveEvent.objects.values_list("consultation", "seq"))
    assert kept == [(consultation.pk, 3), (other.pk, 3)]


def test_prune_command_by_default_keeps_events_within_the_retention_period(consultation, settings, capsys):
    from django.core.management import call_command

    for _ in range(3):
        live.record(consultation.pk, live.COMMENT_POSTED)
    days = settings.LIVE_EVENT_RETENTION_DAYS
    LiveEvent.objects.filter(seq=1).update(created_at=timezone.now() - timedelta(days=days + 1))
    LiveEvent.objects.filter(seq=2).update(created_at=timezone.now() - timedelta(days=days - 1))
    call_command("prune_live_events")
    assert "Deleted 1 live event(s)" in capsys.readouterr().out
    assert list(LiveEvent.objects.order_by("seq").values_list("seq", flat=True)) == [2, 3]


def test_prune_command_refuses_a_negative_age(consultation):
    from django.core.management import CommandError, call_command

    live.record(consultation.pk, live.COMMENT_POSTED)
    live.record(consultation.pk, live.COMMENT_POSTED)
    with pytest.raises(CommandError, match="0 or more"):
        call_command("prune_live_events", "--days", "-1")
    assert LiveEvent.objects.count() == 2


def test_state_change_is_recorded_once(index, organisation):
    page = make_consultation(index, "open", lead_organisation=organisation)
    assert live.sync_state(page).data["state"] == "open"
    assert live.sync_state(page) is None
    page.closes_at = timezone.now() - timedelta(minutes=1)
    page.save()
    assert live.sync_state(page).data["state"] == "closed"


# HTTP fallback ---------------------------------------------------------------------------------


def events_url(page, since=None):
    return f"/consultations/{page.pk}/events/" + ("" if since is None else f"?since={since}")


def test_http_fallback_returns_events_since(client, resident, consultation):
    services.post_comment(author=resident, consultation=consultation, body="One")
    services.post_comment(author=resident, consultation=consultation, body="Two")
    body = client.get(events_url(consultation, 1)).json()
    assert body["last_seq"] == 2
    assert [e["seq"] for e in body["events"]] == [2]
    assert set(body["events"][0]) == {"seq", "type", "html", "data"}
    assert "Two" in body["events"][0]["html"]
    assert client.get(events_url(consultation)).json()["last_seq"] == 2


@pytest.mark.parametrize("since", ["-1", "abc", "1.5", "9" * 30])
def test_http_fallback_rejects_bad_since(client, consultation, since):
    response = client.get(events_url(consultation, since))
    assert response.status_code == 400
    assert "since" in response.json()["error"]


def test_http_fallback_future_and_stale_positions(client, consultation, settings):
    live.record(consultation.pk, live.COMMENT_POSTED)
    assert client.get(events_url(consultation, 5)).status_code == 400
    settings.LIVE_MAX_REPLAY = 1
    live.record(consultation.pk, live.COMMENT_POSTED)
    live.record(consultation.pk, live.COMMENT_POSTED)
    response = client.get(events_url(consultation, 0))
    assert response.status_code == 410 and response.json()["reload"] is True


def test_http_fallback_refuses_drafts_and_unknown_pages(client, index, organisation, officer):
    draft = make_consultation(index, "open", live=False, lead_organisation=organisation)
    assert client.get(events_url(draft, 0)).status_code == 404
    assert client.get("/consultations/987654/events/").status_code == 404
    sign_in(client, officer)  # officers of the owning organisation may watch a draft
    assert client.get(events_url(draft, 0)).status_code == 200


def test_http_fallback_query_count_is_bounded(client, resident, consultation, django_assert_max_num_queries):
    for n in range(30):
        CommentFactory(consultation=consultation)
        live.record(consultation.pk, live.COMMENT_POSTED, data={"n": n})
    with django_assert_max_num_queries(7):  # the page and its ancestors must be public: +1
        body = client.get(events_url(consultation, 0)).json()
    assert len(body["events"]) == 30


def test_pages_carry_the_live_position(client, resident, consultation, proposal):
    services.post_comment(author=resident, consultation=consultation, body="Counted")
    html = client.get(consultation.url).content.decode()
    assert 'data-live-seq="1"' in html
    assert f'data-live-ws="/ws/consultations/{consultation.pk}/"' in html
    assert "js/live.js" in html
    proposal_html = client.get(proposal.url).content.decode()
    assert f'data-live-proposal="{proposal.pk}"' in proposal_html


def test_hidden_comment_count(resident, officer, consultation):
    comment = services.post_comment(author=resident, consultation=consultation, body="Hide me")
    set_status(moderator=officer, comment=comment, status="removed")
    assert not Comment.objects.visible().exists()
    assert LiveEvent.objects.order_by("-seq").first().data["status"] == "removed"


@pytest.mark.parametrize(
    "size,header",
    [(5, b"\x81\x05"), (200, b"\x81\x7e\x00\xc8"), (70000, b"\x81\x7f" + (70000).to_bytes(8, "big"))],
)
def test_prebuilt_websocket_frames_follow_rfc_6455(size, header):
    from consultations.hub import websocket_text_frame

    frame = websocket_text_frame("x" * size)
    assert frame.startswith(header) and frame[len(header) :] == b"x" * size


class TwistedLikeTransport:
    """The attributes of a Twisted TCP transport that send_frame reads, over a real socket."""

    def __init__(self, sock, *, queued=b"", tls=False):
        self.socket = sock
        self.dataBuffer = b""
        self.offset = 0
        self._tempDataBuffer = [queued] if queued else []
        self._tempDataLen = len(queued)
        self.TLS = tls
        self.connected = True
        self._writeDisconnected = False
        self.written = []

    def write(self, data):
        self.written.append(data)


@pytest.fixture
def socket_pair():
    import socket

    server, client = socket.socketpair()
    server.setblocking(False)
    client.setblocking(False)
    yield server, client
    server.close()
    client.close()


def test_a_frame_goes_straight_to_an_idle_socket(socket_pair):
    from consultations.hub import send_frame

    server, client = socket_pair
    transport = TwistedLikeTransport(server)
    send_frame(transport, b"\x81\x02hi")
    assert client.recv(100) == b"\x81\x02hi"
    assert transport.written == []


@pytest.mark.parametrize("kind", ["queued", "tls"])
def test_a_frame_waits_behind_queued_data_and_never_bypasses_tls(socket_pair, kind):
    from consultations.hub import send_frame

    server, client = socket_pair
    queued = b"earlier" if kind == "queued" else b""
    transport = TwistedLikeTransport(server, queued=queued, tls=kind == "tls")
    send_frame(transport, b"\x81\x02hi")
    assert transport.written == [b"\x81\x02hi"]
    with pytest.raises(BlockingIOError):
        client.recv(100)  # nothing overtook the queue or went round the encryption


def test_what_the_kernel_does_not_take_is_queued_in_order(socket_pair):
    from consultations.hub import send_frame

    server, client = socket_pair
    filler = b"f" * 65536
    try:
        while True:
            server.send(filler)
    except BlockingIOError:
        pass  # the socket buffer is now full
    transport = TwistedLikeTransport(server)
    frame = b"\x81\x7e\x10\x00" + b"x" * 4096
    send_frame(transport, frame)
    assert b"".join(transport.written) == frame  # all of it, since the kernel took none
