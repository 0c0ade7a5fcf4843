"""The live stream in the viewer's language: each event's HTML is rendered once per interface
language when it is recorded; the socket (?lang=) and the HTTP feed (the address's language) give
each viewer theirs, live and on replay, in the documented {seq, type, html, data} shape."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from consultations import live, services
from consultations.models import LiveEvent
from project.asgi import application
from tests.consultations.live_helpers import commit, receive, receive_until


@pytest.fixture(autouse=True)
def _keep_test_connection(monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def socket(page_id, since=0, lang=None):
    query = f"?since={since}" + (f"&lang={lang}" if lang is not None else "")
    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost")]
    return WebsocketCommunicator(application, f"/ws/consultations/{page_id}/{query}", headers=headers)


def test_welsh_and_english_viewers_get_the_same_event_in_their_language(resident, consultation):
    async def scenario():
        welsh, english, unknown = (
            socket(consultation.pk, lang="cy"),
            socket(consultation.pk),
            socket(consultation.pk, lang="fr"),
        )
        for comm in (welsh, english, unknown):
            connected, _ = await comm.connect(timeout=5)
            assert connected
            await receive_until(comm, "hello")
        await database_sync_to_async(services.post_comment)(
            author=resident, consultation=consultation, body="Llyfrgell Northbrook"
        )
        await commit()
        cy = await receive_until(welsh, live.COMMENT_POSTED)
        en = await receive_until(english, live.COMMENT_POSTED)
        other = await receive_until(unknown, live.COMMENT_POSTED)
        assert cy["seq"] == en["seq"] and cy["data"] == en["data"]
        assert set(cy) == set(en) == {"seq", "type", "html", "data"}
        assert live.HTML_BY_LANGUAGE not in cy["data"]
        assert "Ateb" in cy["html"] and ">Reply<" not in cy["html"]
        assert "Reply" in en["html"] and "Ateb" not in en["html"]
        assert other["html"] == en["html"]
        for comm in (welsh, english, unknown):
            await comm.disconnect()

    async_to_sync(scenario)()


def test_replay_since_comes_out_in_the_viewers_language(resident, consultation):
    services.post_comment(author=resident, consultation=consultation, body="Llyfrgell Northbrook")

    async def scenario():
        comm = socket(consultation.pk, since=0, lang="cy")
        connected, _ = await comm.connect(timeout=5)
        assert connected
        replayed = await receive(comm)
        assert replayed["type"] == live.COMMENT_POSTED and "Ateb" in replayed["html"]
        await comm.disconnect()

    async_to_sync(scenario)()


def test_http_feed_follows_the_address_language(client, resident, consultation):
    services.post_comment(author=resident, consultation=consultation, body="Llyfrgell Northbrook")
    welsh = client.get(f"/cy/consultations/{consultation.pk}/events/", {"since": 0}).json()
    english = client.get(f"/consultations/{consultation.pk}/events/", {"since": 0}).json()
    assert "Ateb" in welsh["events"][0]["html"]
    assert "Reply" in english["events"][0]["html"]
    assert welsh["events"][0]["data"] == english["events"][0]["data"]
    assert live.HTML_BY_LANGUAGE not in welsh["events"][0]["data"]


def test_a_write_renders_only_the_default_language_and_the_first_reader_of_another_stores_it(
    client, resident, consultation
):
    """The writer renders its comment once (English); the first Welsh reader renders the Welsh
    and stores it with the event, so later readers and replays do not render it again."""
    from django.test.signals import template_rendered

    rendered = []

    def count(sender, template, **kwargs):
        if template.name == "consultations/includes/_comment.html":
            rendered.append(template.name)

    template_rendered.connect(count)
    try:
        services.post_comment(author=resident, consultation=consultation, body="Llyfrgell Northbrook")
        assert len(rendered) == 1
        event = LiveEvent.objects.get(consultation_id=consultation.pk, type=live.COMMENT_POSTED)
        assert "Reply" in event.html  # the default language in the html column, as before
        assert live.HTML_BY_LANGUAGE not in event.data and event.data[live.RENDER_LATER] == ["cy"]
        english = client.get(f"/consultations/{consultation.pk}/events/", {"since": 0}).json()
        assert len(rendered) == 1 and "Reply" in english["events"][0]["html"]
        for _ in range(2):
            welsh = client.get(f"/cy/consultations/{consultation.pk}/events/", {"since": 0}).json()
            assert "Ateb" in welsh["events"][0]["html"]
            assert set(welsh["events"][0]["data"]) == set(english["events"][0]["data"])
        assert len(rendered) == 2  # the Welsh once, for both readers
    finally:
        template_rendered.disconnect(count)
    event.refresh_from_db()
    assert "Ateb" in event.data[live.HTML_BY_LANGUAGE]["cy"] and live.RENDER_LATER not in event.data
    live.redact_comment(consultation.comments.get())
    event.refresh_from_db()
    assert event.html is None and live.HTML_BY_LANGUAGE not in event.data


def test_a_comment_hidden_before_its_welsh_was_rendered_never_renders_it(client, resident, consultation):
    comment = services.post_comment(author=resident, consultation=consultation, body="Llyfrgell Northbrook")
    comment.status = comment.Status.HIDDEN
    comment.save(update_fields=["status"])
    event = LiveEvent.objects.get(consultation_id=consultation.pk, type=live.COMMENT_POSTED)
    live.render_later([event], ["cy"])
    event.refresh_from_db()
    assert live.HTML_BY_LANGUAGE not in event.data


def test_state_label_comes_in_the_viewers_language(consultation):
    event = live.sync_state(consultation) or LiveEvent.objects.get(
        consultation_id=consultation.pk, type=live.STATE_CHANGED
    )
    english, welsh = live.message_for(event, "en-gb")["data"], live.message_for(event, "cy")["data"]
    assert set(english) == set(welsh) == {"state", "label"}
    assert english["state"] == welsh["state"] == "open"
    assert english["label"] == "Open" and welsh["label"] != "Open"
