"""The hub's subscriptions follow its viewers, whatever order Redis answers in."""

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer

from consultations import live
from consultations.hub import Hub


class SlowToUnsubscribe(InMemoryChannelLayer):
    """The real in-memory layer, with an unsubscribe that takes a while, as Redis can."""

    async def group_discard(self, group, channel):
        await asyncio.sleep(0.2)
        await super().group_discard(group, channel)


class Viewer:
    user_id = None


def subscribed(hub, group) -> bool:
    return hub.channel_name in hub.layer.groups.get(group, {})


def test_a_viewer_joining_while_the_last_one_leaves_keeps_the_page_subscribed(consultation, monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    group = live.group_name(consultation.pk)

    async def scenario():
        hub = Hub()
        hub.layer = SlowToUnsubscribe()
        first, second = Viewer(), Viewer()
        await hub.join(first, consultation.pk)
        assert subscribed(hub, group)
        leaving = asyncio.ensure_future(hub.leave(first, consultation.pk))
        await asyncio.sleep(0.05)  # the unsubscribe is on its way
        await hub.join(second, consultation.pk)
        await leaving
        assert consultation.pk in hub.topics and second in hub.topics[consultation.pk].viewers
        assert subscribed(hub, group), "the late unsubscribe left a page with a viewer unsubscribed"
        await hub.leave(second, consultation.pk)
        assert not subscribed(hub, group) and consultation.pk not in hub.topics
        assert hub.locks == {}
        for task in hub.tasks:
            task.cancel()

    async_to_sync(scenario)()
