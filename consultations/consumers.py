"""Websocket for a consultation's live stream: replay since a position, then push; residents may
also post comments and votes here, through the same services as the web forms."""

import json
import time
import uuid
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy

from civic import clientip, ratelimit, ws_auth
from civic.converters import parse_id

from . import live, permissions, services, socket_limits
from .hub import get_hub, send_frame
from .models import Comment, ConsultationPage, ProposalPage

CLOSE_NOT_FOUND = 4404
CLOSE_FORBIDDEN = 4403
CLOSE_BAD_REQUEST = 4400
CLOSE_RELOAD = 4409
CLOSE_IDLE = 4408
CLOSE_TOO_MANY = 4429
MAX_JSON_DEPTH = 8  # the actions take flat objects; anything deeper is refused, the socket stays open


class ConsultationConsumer(AsyncWebsocketConsumer):
    """One viewer's socket. It has no channel of its own: the process hub feeds it."""

    channel_layer_alias = "__civic_hub_only__"  # no per-viewer channel on the layer

    async def connect(self):
        self.consultation_id = self.scope["url_route"]["kwargs"]["page_id"]
        self.language = live.language_of_socket(self.query_value("lang"))  # fragments in the page's language
        self.topic = None
        self.ready = False
        self.buffer: list[tuple[int, str]] = []
        self.last_sent = 0
        self.last_seen = time.monotonic()
        self.slots = []
        user = self.scope["user"]
        self.user_id = user.pk if user.is_authenticated else None
        self.session_key = getattr(self.scope.get("session"), "session_key", None)
        since = self.parse_since()
        self.consultation, visible, self.standing = await database_sync_to_async(self.check_viewer)()
        if self.consultation is None or not visible:
            # Drafts, private pages and pages under a draft: the same answer as a page that never existed.
            await self.close(code=CLOSE_NOT_FOUND)
            return
        try:
            self.slots = await sync_to_async(socket_limits.acquire, thread_sensitive=False)(self.scope, user)
        except socket_limits.TooManySockets as exc:
            await self.accept()
            who = "this account" if str(exc) == "user" else "your network address"
            await self.send_error("too_many_sockets", f"Too many live connections are open from {who}.")
            await self.close(code=CLOSE_TOO_MANY)
            return
        await self.accept()
        if since is None:
            await self.send_error("bad_since", "since must be a whole number of 0 or more.")
            await self.close(code=CLOSE_BAD_REQUEST)
            return
        self.topic = await get_hub().join(self, self.consultation_id)
        try:
            events, last = await database_sync_to_async(live.events_since)(
                self.consultation_id, since if since >= 0 else 0, language=self.language
            )
        except live.TooFarBehind as exc:
            await self.send_control_now("reload", {"reason": str(exc)})
            await self.close(code=CLOSE_RELOAD)
            return
        except live.FutureSince as exc:
            await self.send_error("future_since", str(exc))
            events, last = [], await database_sync_to_async(live.last_seq)(self.consultation_id)
        for event in events:
            await self.send(text_data=live.frame(live.message_for(event, self.language)))
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
        slots, self.slots = getattr(self, "slots", []), []
        if slots:
            await sync_to_async(socket_limits.release, thread_sensitive=False)(slots)
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
        except (ValueError, RecursionError):
            await self.send_error("bad_json", "That message was not valid JSON.")
            return
        if too_deep(message, MAX_JSON_DEPTH):
            await self.send_error("bad_json", "That message is nested too deeply.")
            return
        if not isinstance(message, dict):
            await self.send_error("bad_json", "Send a JSON object.")
            return
        action = message.get("action")
        ref = message.get("ref")
        if action == "ping":
            await self.send_control_now("pong", {}, ref=ref)
        elif action in ("comment", "vote"):
            act = self.post_comment if action == "comment" else self.cast_vote
            result = await database_sync_to_async(self.as_current_user)(act, message)
            if result.get("error") == "account_changed":
                await self.close_for_account("changed")
                return
            await self.reply(ref, result)
        else:
            await self.send_error("unknown_action", "Unknown action. Use ping, comment or vote.", ref=ref)

    def check_viewer(self) -> tuple[ConsultationPage | None, bool, tuple]:
        """The page, whether this user may watch it, and the account's standing: one database hop."""
        user = self.scope["user"]
        consultation = ConsultationPage.objects.filter(pk=self.consultation_id).with_owners().first()
        if consultation is None:
            return None, False, ws_auth.standing(user)
        visible = permissions.can_view_page(user, consultation, session=self.scope.get("session"))
        return consultation, visible, ws_auth.standing(user)

    # Account changes ----------------------------------------------------------------------------

    async def account_changed(self, reason: str, session_key: str | None = None):
        """Called by the hub when this socket's account changed: close unless it may act as before."""
        if self.user_id is None:
            return
        if session_key is not None and session_key == self.session_key:
            await self.close_for_account(reason)
            return
        fresh = await database_sync_to_async(ws_auth.current_user)(self.scope)
        if await database_sync_to_async(ws_auth.standing)(fresh) != self.standing:
            await self.close_for_account(reason)

    async def close_for_account(self, reason: str):
        """Tell the client why, then close: it must reload the page to continue as it now may."""
        await self.send_control_now(
            "closed",
            {
                "code": "account_changed",
                "reason": reason,
                "message": self.in_language(
                    gettext_lazy("Your account has changed (for example you signed out). Reload the page.")
                ),
            },
        )
        await self.close(code=CLOSE_FORBIDDEN)
        await self.disconnect(CLOSE_FORBIDDEN)

    def current_user(self):
        """The account as it is now, or None when it may no longer act as it could at connect."""
        fresh = ws_auth.current_user(self.scope)
        return fresh if ws_auth.standing(fresh) == self.standing else None

    def current_consultation(self, user):
        """The consultation as it is now, if this user may still write to it: reachable (live, under
        live pages, restrictions passed); staff preview drafts but never contribute to them."""
        consultation = ConsultationPage.objects.filter(pk=self.consultation_id).with_owners().first()
        if consultation is None or not permissions.is_reachable(
            user, consultation, session=self.scope.get("session")
        ):
            return None
        return consultation

    def channel_key(self) -> str:
        user = self.scope.get("user")
        if user is not None and user.is_authenticated:
            return f"user:{user.pk}"
        return f"ip:{clientip.limit_key(clientip.for_scope(self.scope))}"

    def as_current_user(self, act, message: dict) -> dict:
        """Every write re-reads the account and the page: a suspension, sign-out, password or role
        change, or an unpublished page, applies to this frame even if no signal arrived."""
        user = self.current_user()
        if user is None:
            return {"error": "account_changed", "message": "Your account has changed."}
        consultation = self.current_consultation(user)
        if consultation is None:
            return {"error": "not_found", "message": "This consultation is not available."}
        return act(user, consultation, message)

    def visible_proposal(self, user, raw) -> ProposalPage | None:
        """A proposal of this consultation that this user may write to; None for any other id."""
        pk = parse_id(raw)
        if pk is None:
            return None
        proposal = ProposalPage.objects.filter(pk=pk).first()
        if proposal is None or proposal.consultation.pk != self.consultation_id:
            return None
        reachable = permissions.is_reachable(user, proposal, session=self.scope.get("session"))
        return proposal if reachable else None

    def post_comment(self, user, consultation, message: dict) -> dict:
        proposal = parent = None
        if message.get("proposal") is not None:
            proposal = self.visible_proposal(user, message["proposal"])
            if proposal is None:
                return {"error": "not_found", "message": "That proposal does not exist."}
        if message.get("parent") is not None:
            pk = parse_id(message["parent"])
            if pk is not None:
                parent = Comment.objects.filter(pk=pk, consultation_id=self.consultation_id).first()
            if parent is None or not permissions.can_see_comment(user, parent):
                return {"error": "not_found", "message": "That comment does not exist."}
        token = message.get("client_token")
        if token is not None:
            try:
                token = uuid.UUID(str(token))
            except (TypeError, ValueError):
                return {"error": "invalid", "message": "client_token is invalid.", "field": "client_token"}
        body, stance = message.get("body"), message.get("stance")
        if not isinstance(body, (str, type(None))) or not isinstance(stance, (str, type(None))):
            return {"error": "invalid", "message": "body and stance must be text."}
        language = message.get("language")
        if not isinstance(language, (str, type(None))):
            return {"error": "invalid_language", "message": "language must be text.", "field": "language"}
        try:
            comment = services.post_comment(
                author=user,
                consultation=consultation,
                proposal=proposal,
                parent=parent,
                body=body or "",
                stance=stance or "neutral",
                client_token=token,
                language=language,
            )
        except services.ParticipationError as exc:
            return {"error": exc.code, "message": exc.message, "field": exc.field}
        return {"ok": True, "comment": comment.pk, "status": comment.status}

    def cast_vote(self, user, consultation, message: dict) -> dict:
        proposal = self.visible_proposal(user, message.get("proposal"))
        if proposal is None:
            return {"error": "not_found", "message": "That proposal is not in this consultation."}
        try:
            vote, changed = services.cast_vote(
                voter=user, proposal=proposal, choice=str(message.get("choice"))
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

    def in_language(self, text) -> str:
        """A message shown to the viewer, in their page's language."""
        with translation.override(self.language):
            return str(text)

    def query_value(self, name: str) -> str | None:
        values = parse_qs(self.scope.get("query_string", b"").decode("latin-1")).get(name)
        return values[0] if values else None

    def parse_since(self) -> int | None:
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        raw = (query.get("since") or ["0"])[0]
        return parse_id(raw)


def too_deep(value, limit: int) -> bool:
    """True when JSON nests deeper than limit (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False
