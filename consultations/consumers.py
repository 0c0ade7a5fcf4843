"""Websocket for a consultation's live stream: replay since a position, then push; residents may
also post comments and votes here, through the same services as the web forms."""

import json
import time
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from civic import ratelimit
from civic.converters import parse_id

from . import live, permissions, services
from .hub import get_hub, send_frame
from .models import Comment, ConsultationPage, ProposalPage

CLOSE_NOT_FOUND = 4404
CLOSE_FORBIDDEN = 4403
CLOSE_BAD_REQUEST = 4400
CLOSE_RELOAD = 4409
CLOSE_IDLE = 4408


def _frame_id(value) -> int:
    """An id from a socket frame; anything but 1-18 ASCII digits (or a small int) is a ValueError."""
    parsed = parse_id(value)
    if parsed is None:
        raise ValueError("not an id")
    return parsed


class ConsultationConsumer(AsyncWebsocketConsumer):
    """One viewer's socket. It has no channel of its own: the process hub feeds it."""

    channel_layer_alias = "__civic_hub_only__"  # no per-viewer channel on the layer

    async def connect(self):
        self.consultation_id = self.scope["url_route"]["kwargs"]["page_id"]
        self.topic = None
        self.ready = False
        self.buffer: list[tuple[int, str]] = []
        self.last_sent = 0
        self.last_seen = time.monotonic()
        since = self.parse_since()
        self.consultation = await self.load_consultation()
        if self.consultation is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if not await database_sync_to_async(permissions.can_view_consultation)(
            self.scope["user"], self.consultation
        ):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.accept()
        if since is None:
            await self.send_error("bad_since", "since must be a whole number of 0 or more.")
            await self.close(code=CLOSE_BAD_REQUEST)
            return
        self.topic = await get_hub().join(self, self.consultation_id)
        try:
            events, last = await database_sync_to_async(live.events_since)(
                self.consultation_id, since if since >= 0 else 0
            )
        except live.TooFarBehind as exc:
            await self.send_control_now("reload", {"reason": str(exc)})
            await self.close(code=CLOSE_RELOAD)
            return
        except live.FutureSince as exc:
            await self.send_error("future_since", str(exc))
            events, last = [], await database_sync_to_async(live.last_seq)(self.consultation_id)
        for event in events:
            await self.send(text_data=live.frame(event.as_message()))
        self.last_sent = last
        await self.send_control_now(
            "hello",
            {"last_seq": last, "consultation": self.consultation_id, "viewers": get_hub().total(self.topic)},
        )
        self.ready = True
        while self.buffer:
            seq, text = self.buffer.pop(0)
            await self.push(seq, text)

    async def disconnect(self, code):
        if self.topic is not None:
            await get_hub().leave(self, self.consultation_id)
            self.topic = None

    # Called by the hub ------------------------------------------------------------------------

    async def push(self, seq: int, text: str, frame: bytes | None = None):
        """Write an event frame to this socket, in order, exactly once."""
        if not self.ready:
            self.buffer.append((seq, text))
        elif seq > self.last_sent:
            self.last_sent = seq
            await self.write(text, frame)

    async def send_control(self, text: str):
        if self.ready:
            await self.write(text)

    async def write(self, text: str, frame: bytes | None = None):
        """Send a frame; with a pre-built websocket frame and a daphne socket, write it directly."""
        if frame is not None:
            transport = self.direct_transport()
            if transport is not None:
                send_frame(transport, frame)
                return
        try:
            await self.base_send({"type": "websocket.send", "text": text})
        except Exception:  # noqa: BLE001 - the socket went away; disconnect() tidies up
            self.ready = False

    def direct_transport(self):
        """The open socket under daphne, when nothing wraps our send (see civic.ws_auth)."""
        protocol = getattr(self.base_send, "args", (None,))[0] if self.base_send else None
        if protocol is None or getattr(protocol, "state", None) != getattr(protocol, "STATE_OPEN", -1):
            return None
        return getattr(protocol, "transport", None)

    async def close_idle(self):
        await self.send_control_now("idle", {"reason": "No message for too long; reconnect."})
        await self.close(code=CLOSE_IDLE)
        await self.disconnect(CLOSE_IDLE)

    # From the client --------------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        self.last_seen = time.monotonic()
        if bytes_data is not None or text_data is None:
            await self.send_error("bad_frame", "Send JSON text frames.")
            return
        if len(text_data.encode()) > settings.LIVE_MAX_FRAME_BYTES:
            await self.send_error(
                "too_large", f"Messages must be under {settings.LIVE_MAX_FRAME_BYTES} bytes."
            )
            return
        try:
            ratelimit.hit("socket", self.channel_key(), settings.LIVE_FRAME_RATE)
        except ratelimit.RateLimited as exc:
            await self.send_error("rate_limited", str(exc))
            return
        try:
            message = json.loads(text_data)
        except ValueError:
            await self.send_error("bad_json", "That message was not valid JSON.")
            return
        if not isinstance(message, dict):
            await self.send_error("bad_json", "Send a JSON object.")
            return
        action = message.get("action")
        ref = message.get("ref")
        if action == "ping":
            await self.send_control_now("pong", {}, ref=ref)
        elif action == "comment":
            await self.reply(ref, await database_sync_to_async(self.post_comment)(message))
        elif action == "vote":
            await self.reply(ref, await database_sync_to_async(self.cast_vote)(message))
        else:
            await self.send_error("unknown_action", "Unknown action. Use ping, comment or vote.", ref=ref)

    def channel_key(self) -> str:
        user = self.scope.get("user")
        if user is not None and user.is_authenticated:
            return f"user:{user.pk}"
        client = self.scope.get("client") or ("?", 0)
        return f"ip:{client[0]}"

    def post_comment(self, message: dict) -> dict:
        user = self.scope["user"]
        consultation = ConsultationPage.objects.get(pk=self.consultation_id)
        proposal = parent = None
        try:
            if message.get("proposal") is not None:
                proposal = ProposalPage.objects.filter(pk=_frame_id(message["proposal"])).first()
                if proposal is None:
                    return {"error": "not_found", "message": "That proposal does not exist."}
            if message.get("parent") is not None:
                parent = Comment.objects.filter(pk=_frame_id(message["parent"])).first()
                if parent is None:
                    return {"error": "not_found", "message": "That comment does not exist."}
            token = message.get("client_token")
            if token is not None:
                import uuid

                token = uuid.UUID(str(token))
        except (TypeError, ValueError):
            return {"error": "invalid", "message": "proposal, parent and client_token are invalid."}
        try:
            comment = services.post_comment(
                author=user,
                consultation=consultation,
                proposal=proposal,
                parent=parent,
                body=str(message.get("body") or ""),
                stance=str(message.get("stance") or "neutral"),
                client_token=token,
            )
        except services.ParticipationError as exc:
            return {"error": exc.code, "message": exc.message, "field": exc.field}
        return {"ok": True, "comment": comment.pk, "status": comment.status}

    def cast_vote(self, message: dict) -> dict:
        try:
            proposal = ProposalPage.objects.filter(pk=_frame_id(message.get("proposal"))).first()
        except (TypeError, ValueError):
            proposal = None
        if proposal is None or proposal.consultation.pk != self.consultation_id:
            return {"error": "not_found", "message": "That proposal is not in this consultation."}
        try:
            vote, changed = services.cast_vote(
                voter=self.scope["user"], proposal=proposal, choice=str(message.get("choice"))
            )
        except services.ParticipationError as exc:
            return {"error": exc.code, "message": exc.message, "field": exc.field}
        return {"ok": True, "vote": vote.choice, "changed": changed}

    # Sending ----------------------------------------------------------------------------------

    async def reply(self, ref, result: dict):
        if result.get("ok"):
            await self.send_control_now("ack", result, ref=ref)
        else:
            await self.send_error(result["error"], result["message"], ref=ref, field=result.get("field"))

    async def send_control_now(self, type_: str, data: dict, ref=None):
        payload = dict(data)
        if ref is not None:
            payload["ref"] = ref
        await self.send(
            text_data=live.frame({"seq": self.last_sent, "type": type_, "html": None, "data": payload})
        )

    async def send_error(self, code: str, message: str, ref=None, field=None):
        data = {"code": code, "message": message}
        if field:
            data["field"] = field
        await self.send_control_now("error", data, ref=ref)

    def parse_since(self) -> int | None:
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        raw = (query.get("since") or ["0"])[0]
        return parse_id(raw)

    @database_sync_to_async
    def load_consultation(self):
        return ConsultationPage.objects.filter(pk=self.consultation_id).with_owners().first()
