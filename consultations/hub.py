"""The per-process fan-out hub for live updates.

Each server process subscribes ONE channel to a consultation's group while it has local viewers.
An event therefore crosses the channel layer once per process, not once per viewer; the hub then
writes the same pre-serialised frame to every local socket, in sequence order, filling any gap
from the database. Presence counts travel the same way: each process reports its local count and
the totals are summed from reports fresher than the idle timeout."""

import asyncio
import contextlib
import logging
import os
import time
import uuid
import weakref

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings

from . import live, socket_limits

log = logging.getLogger(__name__)
GROUP_REFRESH_SECONDS = 3600  # channels_redis forgets group members after a day


class Topic:
    """Local viewers of one consultation and what this process has delivered to them."""

    def __init__(self, consultation_id: int):
        self.consultation_id = consultation_id
        self.viewers: set = set()
        self.last_seq = 0
        self.ready = asyncio.Event()
        self.lock = asyncio.Lock()
        self.reports: dict[str, tuple[int, float]] = {}  # process id -> (count, when)
        self.announced_total = -1
        self.presence_pending = False


class Hub:
    """One per event loop (one per server process in production)."""

    def __init__(self):
        self.process_id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.layer = get_channel_layer()
        self.channel_name: str | None = None
        self.topics: dict[int, Topic] = {}
        self.users: dict[int, set] = {}  # account id -> its sockets in this process
        self.tasks: list[asyncio.Task] = []
        self.started = asyncio.Lock()
        self.locks: dict[tuple, list] = {}  # group -> [lock, users]: one subscription change at a time

    @contextlib.asynccontextmanager
    async def serialised(self, key: tuple):
        """Subscribe and unsubscribe one group in order: an unsubscribe that reached Redis after a
        newer subscribe would leave this process deaf to a page it still has viewers of."""
        entry = self.locks.setdefault(key, [asyncio.Lock(), 0])
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                self.locks.pop(key, None)

    # Subscription -------------------------------------------------------------------------

    async def start(self):
        async with self.started:
            if self.channel_name is not None or self.layer is None:
                return
            self.channel_name = await self.layer.new_channel(prefix="live-hub.")
            loop = asyncio.get_running_loop()
            self.tasks = [loop.create_task(self.receive_loop()), loop.create_task(self.tick_loop())]

    async def join(self, consumer, consultation_id: int) -> Topic:
        """Register a socket; the first local viewer subscribes this process to the group."""
        await self.start()
        async with self.serialised(("consultation", consultation_id)):
            topic = self.topics.get(consultation_id)
            if topic is None:
                topic = self.topics[consultation_id] = Topic(consultation_id)
                try:
                    if self.layer is not None:
                        await self.layer.group_add(live.group_name(consultation_id), self.channel_name)
                except Exception:  # noqa: BLE001 - Redis down: replay and the HTTP fallback still work
                    log.warning("live: could not subscribe to %s", consultation_id, exc_info=True)
                topic.last_seq = await database_sync_to_async(live.last_seq)(consultation_id)
                topic.ready.set()
            topic.viewers.add(consumer)
        self.presence_changed(topic)
        await self.join_user(consumer)
        return topic

    async def join_user(self, consumer):
        """Follow the account's group while it has a socket here, so account changes reach it."""
        user_id = getattr(consumer, "user_id", None)
        if user_id is None:
            return
        async with self.serialised(("account", user_id)):
            sockets = self.users.setdefault(user_id, set())
            sockets.add(consumer)
            if len(sockets) == 1 and self.layer is not None:
                try:
                    await self.layer.group_add(live.user_group_name(user_id), self.channel_name)
                except Exception:  # noqa: BLE001 - every write frame re-checks the account anyway
                    log.warning("live: could not follow account %s", user_id, exc_info=True)

    async def leave_user(self, consumer):
        user_id = getattr(consumer, "user_id", None)
        sockets = self.users.get(user_id)
        if sockets is None or consumer not in sockets:
            return
        sockets.discard(consumer)
        async with self.serialised(("account", user_id)):
            if sockets or self.users.get(user_id) is not sockets:
                return
            self.users.pop(user_id, None)
            try:
                if self.layer is not None:
                    await self.layer.group_discard(live.user_group_name(user_id), self.channel_name)
            except Exception:  # noqa: BLE001
                log.warning("live: could not stop following account %s", user_id)

    async def leave(self, consumer, consultation_id: int):
        topic = self.topics.get(consultation_id)
        if topic is None:
            return
        topic.viewers.discard(consumer)
        await self.leave_user(consumer)
        self.presence_changed(topic)
        async with self.serialised(("consultation", consultation_id)):
            if topic.viewers or self.topics.get(consultation_id) is not topic:
                return
            self.topics.pop(consultation_id, None)
            try:
                if self.layer is not None:
                    await self.layer.group_discard(live.group_name(consultation_id), self.channel_name)
            except Exception:  # noqa: BLE001
                log.warning("live: could not unsubscribe from %s", consultation_id)

    # Receiving ----------------------------------------------------------------------------

    async def receive_loop(self):
        resubscribe = False
        while True:
            try:
                if resubscribe:
                    # Redis may have restarted without our group memberships: join them again,
                    # and fill anything missed while it was away from the database.
                    for cid in list(self.topics):
                        await self.layer.group_add(live.group_name(cid), self.channel_name)
                    for user_id in list(self.users):
                        await self.layer.group_add(live.user_group_name(user_id), self.channel_name)
                    resubscribe = False
                    for topic in list(self.topics.values()):
                        await self.catch_up(topic)
                message = await self.layer.receive(self.channel_name)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - a layer outage must not kill the hub
                log.warning("live: channel layer unavailable; retrying", exc_info=True)
                resubscribe = True
                await asyncio.sleep(1)
                continue
            try:
                if message.get("type") == "live.event":
                    await self.on_event(
                        message["consultation"],
                        message["seq"],
                        message.get("frames") or message["frame"],
                        message.get("later") or (),
                    )
                elif message.get("type") == "live.presence":
                    await self.on_presence(message)
                elif message.get("type") == "live.account":
                    await self.on_account(message)
            except Exception:  # noqa: BLE001
                log.exception("live: could not handle %s", message.get("type"))

    async def on_event(self, consultation_id: int, seq: int, text: str | dict[str, str], later=()):
        topic = self.topics.get(consultation_id)
        if topic is None:
            return
        async with topic.lock:
            if seq <= topic.last_seq:
                return  # already delivered (for example filled from the database)
            if seq > topic.last_seq + 1:
                # Events from other processes can overtake each other: fill from the database.
                missing = await database_sync_to_async(self.fetch_range)(consultation_id, topic.last_seq, seq)
                for event_seq, event_text in missing:
                    await self.deliver(topic, event_seq, event_text)
            wanted = {getattr(consumer, "language", "") for consumer in topic.viewers} & set(later)
            if wanted:  # viewers here read a language the writer left for later: render it once here
                text = await database_sync_to_async(self.fetch_one)(consultation_id, seq, wanted) or text
            await self.deliver(topic, seq, text)

    async def on_account(self, message: dict):
        """An account changed: each of its sockets here re-checks it and closes if it lost rights."""
        for consumer in list(self.users.get(message.get("user"), ())):
            try:
                await consumer.account_changed(message.get("reason", ""), message.get("session"))
            except Exception:  # noqa: BLE001 - one socket's failure must not spare the others
                log.warning(
                    "live: could not re-check a socket of account %s", message.get("user"), exc_info=True
                )

    async def catch_up(self, topic: Topic):
        """Deliver stored events this process has not seen (after a layer outage)."""
        async with topic.lock:
            missing = await database_sync_to_async(self.fetch_range)(
                topic.consultation_id, topic.last_seq, None
            )
            for event_seq, event_text in missing:
                await self.deliver(topic, event_seq, event_text)

    @staticmethod
    def fetch_range(consultation_id: int, after: int, before: int | None) -> list[tuple[int, dict[str, str]]]:
        from .models import LiveEvent

        events = LiveEvent.objects.filter(consultation_id=consultation_id, seq__gt=after)
        if before is not None:
            events = events.filter(seq__lt=before)
        events = live.withhold_hidden(list(events.order_by("seq")))
        live.render_later(events, live.languages.codes())
        return [(e.seq, live.frames(e)) for e in events]

    @staticmethod
    def fetch_one(consultation_id: int, seq: int, languages) -> dict[str, str] | None:
        """One stored event's frames with these languages rendered (None if it is gone)."""
        from .models import LiveEvent

        events = live.withhold_hidden(
            list(LiveEvent.objects.filter(consultation_id=consultation_id, seq=seq))
        )
        if not events:
            return None
        live.render_later(events, languages)
        return live.frames(events[0])

    async def deliver(self, topic: Topic, seq: int, text: str | dict[str, str]):
        """`text` is one frame, or one per interface language; each is framed once for all its viewers."""
        topic.last_seq = seq
        texts = text if isinstance(text, dict) else None
        framed: dict[str, tuple[str, bytes]] = {}
        for consumer in list(topic.viewers):
            language = getattr(consumer, "language", "")
            if language not in framed:
                chosen = (texts.get(language) or next(iter(texts.values()))) if texts else text
                framed[language] = (chosen, websocket_text_frame(chosen))
            await consumer.push(seq, *framed[language])

    # Presence -----------------------------------------------------------------------------

    PRESENCE_DEBOUNCE = 0.5

    def presence_changed(self, topic: Topic):
        """Coalesce joins and leaves: one report and one announcement per half second."""
        if topic.presence_pending:
            return
        topic.presence_pending = True

        async def flush():
            await asyncio.sleep(self.PRESENCE_DEBOUNCE)
            topic.presence_pending = False
            await self.report_presence(topic)

        asyncio.get_running_loop().create_task(flush())

    def presence_frame(self, topic: Topic, total: int) -> str:
        return live.frame(
            {"seq": topic.last_seq, "type": "presence", "html": None, "data": {"viewers": total}}
        )

    async def report_presence(self, topic: Topic):
        """Tell every process (including this one) how many viewers this process has."""
        count = len(topic.viewers)
        await self.announce(topic)
        if self.layer is None:
            return
        try:
            await self.layer.group_send(
                live.group_name(topic.consultation_id),
                {
                    "type": "live.presence",
                    "consultation": topic.consultation_id,
                    "process": self.process_id,
                    "count": count,
                },
            )
        except Exception:  # noqa: BLE001
            log.debug("live: presence report failed", exc_info=True)

    async def on_presence(self, message: dict):
        topic = self.topics.get(message["consultation"])
        if topic is None or message["process"] == self.process_id:
            return
        topic.reports[message["process"]] = (message["count"], time.monotonic())
        await self.announce(topic)

    def total(self, topic: Topic) -> int:
        fresh_after = time.monotonic() - settings.LIVE_PRESENCE_INTERVAL * 3
        topic.reports = {
            p: r for p, r in topic.reports.items() if r[1] >= fresh_after and p != self.process_id
        }
        return len(topic.viewers) + sum(count for count, _ in topic.reports.values())

    async def announce(self, topic: Topic):
        total = self.total(topic)
        if total == topic.announced_total:
            return
        topic.announced_total = total
        text = self.presence_frame(topic, total)
        for consumer in list(topic.viewers):
            await consumer.send_control(text)

    # Housekeeping -------------------------------------------------------------------------

    async def tick_loop(self):
        """Drop silent sockets, refresh presence and group membership, notice state changes."""
        last_refresh = time.monotonic()
        while True:
            interval = min(settings.LIVE_PRESENCE_INTERVAL, max(1, settings.LIVE_IDLE_TIMEOUT / 2))
            await asyncio.sleep(interval)
            now = time.monotonic()
            try:
                for topic in list(self.topics.values()):
                    for consumer in list(topic.viewers):
                        if now - consumer.last_seen > settings.LIVE_IDLE_TIMEOUT:
                            await consumer.close_idle()
                    if topic.consultation_id in self.topics:
                        await self.report_presence(topic)
                        await database_sync_to_async(self.check_state)(topic.consultation_id)
                await sync_to_async(socket_limits.renew, thread_sensitive=False)()
                if now - last_refresh > GROUP_REFRESH_SECONDS and self.layer is not None:
                    last_refresh = now
                    for cid in list(self.topics):
                        await self.layer.group_add(live.group_name(cid), self.channel_name)
                    for user_id in list(self.users):
                        await self.layer.group_add(live.user_group_name(user_id), self.channel_name)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001
                log.warning("live: housekeeping failed", exc_info=True)

    @staticmethod
    def check_state(consultation_id: int):
        from .models import ConsultationPage

        page = ConsultationPage.objects.filter(pk=consultation_id).first()
        if page is not None:
            live.sync_state(page)


def websocket_text_frame(text: str) -> bytes:
    """An unmasked, final websocket text frame (RFC 6455 section 5.2), as a server sends it."""
    payload = text.encode()
    length = len(payload)
    if length < 126:
        header = bytes((0x81, length))
    elif length < 1 << 16:
        header = bytes((0x81, 126)) + length.to_bytes(2, "big")
    else:
        header = bytes((0x81, 127)) + length.to_bytes(8, "big")
    return header + payload


def send_frame(transport, frame: bytes) -> None:
    """Write a frame to a daphne socket: straight to the kernel when nothing is queued ahead of it
    (one system call, where Twisted's write registers the socket, sends, then unregisters it), else
    queued behind what is waiting, so frames never overtake each other."""
    sock = getattr(transport, "socket", None)
    queued = getattr(transport, "_tempDataLen", None)
    buffer = getattr(transport, "dataBuffer", None)
    if (
        sock is None
        or queued is None
        or buffer is None
        or queued
        or len(buffer) != getattr(transport, "offset", -1)
        or getattr(transport, "TLS", True)  # TLS sockets carry encrypted records: leave them to Twisted
        or not getattr(transport, "connected", False)
        or getattr(transport, "_writeDisconnected", True)
    ):
        transport.write(frame)
        return
    try:
        sent = sock.send(frame)
    except (BlockingIOError, InterruptedError):
        sent = 0
    except OSError:
        return  # the connection is gone; Twisted notices on its next read and disconnects the consumer
    if sent < len(frame):
        transport.write(frame[sent:])


_hubs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub]" = weakref.WeakKeyDictionary()


def get_hub() -> Hub:
    """The hub of the running event loop (one per server process)."""
    loop = asyncio.get_running_loop()
    hub = _hubs.get(loop)
    if hub is None:
        hub = _hubs[loop] = Hub()
    return hub
