"""Live events: every visible change on a consultation is stored with a gap-free number, then
published to the channel layer after commit. The database is the source of truth: sockets and
the HTTP fallback replay from the LiveEvent table, so nothing is lost when Redis is down."""

import copy
import json
import logging
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page

from civic import languages, pagecache
from civic.pages import public_pages

from .models import Comment, ConsultationPage, LiveEvent, LiveSequence, ProposalPage

log = logging.getLogger(__name__)

# Event types: stored, numbered and replayed. Everything else on the socket is a control message.
COMMENT_POSTED = "comment.posted"
COMMENT_UPDATED = "comment.updated"
COMMENT_REMOVED = "comment.removed"
TALLY_CHANGED = "tally.changed"
STATE_CHANGED = "consultation.state"
OFFICIAL_RESPONSE = "response.posted"
OPINION_COUNTS = "opinion.counts"  # a conversation statement's agree / disagree / pass counts
OPINION_GROUPS = "opinion.groups"  # a conversation's opinion groups were recomputed
# Takes the place of an event whose text may no longer be shown (its comment was hidden or removed,
# or its page is unpublished or private): clients keep the sequence, nothing else.
WITHHELD = "withheld"
EVENT_TYPES = {
    COMMENT_POSTED,
    COMMENT_UPDATED,
    COMMENT_REMOVED,
    TALLY_CHANGED,
    STATE_CHANGED,
    OFFICIAL_RESPONSE,
    OPINION_COUNTS,
    OPINION_GROUPS,
    WITHHELD,
}
# The event's HTML in the other interface languages, kept in its stored data under this key and never
# sent: message_for() puts the viewer's language in "html" (the html column holds the default's).
HTML_BY_LANGUAGE = "_html"
LABEL_BY_LANGUAGE = "_label"  # likewise a state event's "label" ("Open", "Ar agor")
# A comment event's other languages not rendered yet: rendered from the comment (then stored under
# HTML_BY_LANGUAGE) when a viewer in that language first needs it, so a write renders it once.
RENDER_LATER = "_later"
# Events that carry a comment's text: redacted in place when the comment leaves public view.
CARRIES_COMMENT_TEXT = (COMMENT_POSTED, COMMENT_UPDATED, OFFICIAL_RESPONSE)


class TooFarBehind(Exception):
    """The client's position was pruned or is too old to replay: it must reload the page."""


class FutureSince(Exception):
    """The client claims a position the stream has not reached."""


def group_name(consultation_id: int) -> str:
    return f"live.{consultation_id}"


def user_group_name(user_id: int) -> str:
    """The group every process with a socket of this account follows."""
    return f"live-user.{user_id}"


def account_changed(sender=None, *, user_id: int, reason: str = "", session_key: str | None = None, **kwargs):
    """civic.signals.account_changed: tell every process with a socket of this account to re-check
    it (a sign-out names its session, whose sockets close at once)."""
    layer = get_channel_layer()
    if layer is None or user_id is None:
        return
    try:
        async_to_sync(layer.group_send)(
            user_group_name(user_id),
            {"type": "live.account", "user": user_id, "reason": reason, "session": session_key},
        )
    except Exception:  # noqa: BLE001 - Redis down: write frames still re-check the account
        log.warning("live: could not announce a change to account %s", user_id, exc_info=True)


def frame(message: dict) -> str:
    """The exact text written to every socket: serialised once, reused for every viewer."""
    return json.dumps(message, separators=(",", ":"))


def record(
    consultation_id: int, type: str, *, html: str | None = None, data=None, later: bool = False
) -> LiveEvent:
    """Store the next event for a consultation and publish it after the transaction commits.

    The sequence row stays locked until commit, so numbers are gap-free and commit in order even
    with concurrent writers on PostgreSQL. The content is known already, so it is checked before the
    row is locked: writers on the consultation queue for as short a time as possible. With `later`
    (a comment's event, `html` a function) only the default language is rendered now."""
    if about_hidden_proposal(data):  # everyone watching would see it: keep the number, not the content
        type, html, data = WITHHELD, None, {}
    return _store(consultation_id, type, lambda: (html, data), checked=True, later=later)


def record_built(consultation_id: int, type: str, build) -> LiveEvent:
    """Like record(), but `build()` makes (html, data) once the sequence number is taken: what it
    reads (a tally) is read inside the serialised section, so the newest event is the newest state."""
    return _store(consultation_id, type, build, checked=False)


def _store(consultation_id: int, type: str, build, *, checked: bool, later: bool = False) -> LiveEvent:
    with transaction.atomic(savepoint=False):  # inside a caller's transaction: no savepoint round trips
        if checked and connection.vendor == "postgresql":
            html, data = _in_every_language(*build(), later=later)
            event = _numbered_insert(consultation_id, type, html, data or {})
            transaction.on_commit(lambda: changed(event))
            return event
        seq = next_seq(consultation_id)
        html, data = _in_every_language(*build(), later=later)
        if not checked and about_hidden_proposal(data):  # everyone watching would see it: keep the number
            type, html, data = WITHHELD, None, {}
        event = LiveEvent.objects.create(
            consultation_id=consultation_id, seq=seq, type=type, html=html, data=data or {}
        )
    transaction.on_commit(lambda: changed(event))
    return event


def _in_every_language(html, data, *, later: bool = False):
    """`html` may be a function that renders it: then it is rendered once per interface language
    (the default's in the html column, the others beside the data), so each viewer gets their own;
    with `later`, only the default's now, the others named for render_later()."""
    if not callable(html):
        return html, data
    if later:
        others = [code for code in languages.codes() if code != languages.default()]
        with translation.override(languages.default()):
            default = html()
        return default, ({**(data or {}), RENDER_LATER: others} if others else data)
    rendered = {}
    for code in languages.codes():
        with translation.override(code):
            rendered[code] = html()
    default = rendered.pop(languages.default())
    others = {code: text for code, text in rendered.items() if text != default}
    return default, ({**(data or {}), HTML_BY_LANGUAGE: others} if others else data)


def message_for(event: LiveEvent, language: str | None = None) -> dict:
    """The documented message ({seq, type, html, data}) with the HTML in the viewer's language."""
    message = event.as_message()
    data = message.get("data")
    if isinstance(data, dict) and (
        HTML_BY_LANGUAGE in data or LABEL_BY_LANGUAGE in data or RENDER_LATER in data
    ):
        data = dict(data)
        others = data.pop(HTML_BY_LANGUAGE, None) or {}
        labels = data.pop(LABEL_BY_LANGUAGE, None) or {}
        data.pop(RENDER_LATER, None)
        message["data"] = data
        if language in others:
            message["html"] = others[language]
        if language in labels:
            data["label"] = labels[language]
    return message


def frames(event: LiveEvent) -> dict[str, str]:
    """The event's frame for each interface language it has (serialised once each, shared by its
    viewers); languages still to render later are left out (see pending_languages)."""
    pending = pending_languages(event)
    return {code: frame(message_for(event, code)) for code in languages.codes() if code not in pending}


def pending_languages(event: LiveEvent) -> list[str]:
    """The languages whose HTML this event will render when first asked for."""
    data = event.data
    return list(data.get(RENDER_LATER) or []) if isinstance(data, dict) else []


def render_later(events: list[LiveEvent], asked_for) -> None:
    """Render the asked-for languages of comment events recorded with only the default's, from the
    comment as it is now, and store them with the event (once: later readers find them). An event
    redacted meanwhile changed type and is left alone; a comment no longer public renders nothing."""
    wanted = set(asked_for)
    due = {e.pk: e for e in events if wanted & set(pending_languages(e)) and e.type in CARRIES_COMMENT_TEXT}
    if not due:
        return
    ids = {e.data.get("id") for e in due.values()}
    comments = Comment.objects.select_related("author", "consultation").in_bulk(ids - {None})
    for event in due.values():
        comment = comments.get(event.data.get("id"))
        data = dict(event.data)
        rendered = dict(data.get(HTML_BY_LANGUAGE) or {})
        codes = [code for code in data[RENDER_LATER] if code in wanted]
        if comment is None or comment.status != Comment.Status.PUBLISHED:
            continue  # leaving public view: its redaction is on the way (viewers keep the default's)
        comment._prefetched_objects_cache = {"replies": Comment.objects.none()}  # type: ignore[attr-defined]
        for code in codes:
            with translation.override(code):
                rendered[code] = comment_html(comment)
        data[HTML_BY_LANGUAGE] = rendered
        data[RENDER_LATER] = [code for code in data[RENDER_LATER] if code not in codes]
        if not data[RENDER_LATER]:
            del data[RENDER_LATER]
        event.data = data
        LiveEvent.objects.filter(pk=event.pk, type=event.type).update(data=data)


def language_of_socket(raw: str | None) -> str:
    """A socket's `?lang=` (validated against LANGUAGES): anything else is the default language."""
    return languages.supported(raw) or languages.default()


def _numbered_insert(consultation_id: int, type: str, html: str | None, data) -> LiveEvent:
    """Take the next number and store the event in one statement (PostgreSQL): the sequence row is
    locked by the last statement before the commit, so the writers queued behind it wait as little
    as possible (one round trip and the commit, no Python in between)."""
    sequences, events = LiveSequence._meta.db_table, LiveEvent._meta.db_table
    event = LiveEvent(consultation_id=consultation_id, type=type, html=html, data=data)
    stored = LiveEvent._meta.get_field("data").get_db_prep_save(data, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH next AS (INSERT INTO {sequences} (consultation_id, last_seq) VALUES (%s, 1) "  # noqa: S608
            f"ON CONFLICT (consultation_id) DO UPDATE SET last_seq = {sequences}.last_seq + 1 "
            "RETURNING last_seq) "
            f"INSERT INTO {events} (consultation_id, seq, type, html, data, created_at) "
            "SELECT %s, last_seq, %s, %s, %s, %s FROM next RETURNING id, seq",
            [consultation_id, consultation_id, type, html, stored, event.created_at],
        )
        event.pk, event.seq = cursor.fetchone()
    event._state.adding = False
    return event


def changed(event: LiveEvent) -> None:
    """After commit: cached copies of the consultation's pages go stale first, then viewers hear of
    the event (one who reloads on hearing it gets the new page)."""
    pagecache.bump(pagecache.consultation_scope(event.consultation_id))
    publish(event)


def next_seq(consultation_id: int) -> int:
    """Take the consultation's next number in one statement; the upsert keeps its row locked until
    the transaction ends, so writers queue for it and numbers commit gap-free and in order."""
    table = LiveSequence._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (consultation_id, last_seq) VALUES (%s, 1) "  # noqa: S608 - our table
            f"ON CONFLICT (consultation_id) DO UPDATE SET last_seq = {table}.last_seq + 1 "
            "RETURNING last_seq",
            [consultation_id],
        )
        return cursor.fetchone()[0]


def publish(event: LiveEvent) -> bool:
    """Send one message per event to the consultation's group (one per server process).

    Failure is logged, never raised: the event is stored and clients catch up on reconnect."""
    layer = get_channel_layer()
    if layer is None:
        return False
    by_language = frames(event)
    try:
        async_to_sync(layer.group_send)(
            group_name(event.consultation_id),
            {
                "type": "live.event",
                "consultation": event.consultation_id,
                "seq": event.seq,
                "frame": by_language[languages.default()],
                "frames": by_language,  # each viewer gets their language's, rendered once here
                "later": pending_languages(event),  # rendered by a process with viewers in them
            },
        )
    except Exception:  # noqa: BLE001 - Redis down or slow must not break a resident's post
        log.warning("live: could not publish event %s#%s", event.consultation_id, event.seq, exc_info=True)
        return False
    return True


def last_seq(consultation_id: int) -> int:
    return (
        LiveSequence.objects.filter(consultation_id=consultation_id)
        .values_list("last_seq", flat=True)
        .first()
        or 0
    )


def events_since(
    consultation_id: int, since: int, limit: int | None = None, *, language: str | None = None
) -> tuple[list, int]:
    """Stored events after `since`, in order (with their HTML in `language`), and the current last seq.

    Raises TooFarBehind when events after `since` were pruned or exceed the replay limit, and
    FutureSince when `since` is beyond the last event."""
    limit = limit or settings.LIVE_MAX_REPLAY
    current = last_seq(consultation_id)
    if since > current:
        raise FutureSince(f"since={since} is ahead of the stream (last seq {current}).")
    if since == current:
        return [], current
    if current - since > limit:
        raise TooFarBehind(f"{current - since} events missed; reload the page.")
    events = list(
        LiveEvent.objects.filter(
            consultation_id=consultation_id, seq__gt=since, seq__lte=since + limit
        ).order_by("seq")
    )
    if not events or events[0].seq != since + 1:
        raise TooFarBehind("Older events have been pruned; reload the page.")
    events = withhold_hidden(events)
    if language:
        render_later(events, [language])
    return events, events[-1].seq


def _named_page(data):
    """The page an event is about below its consultation: a proposal, or another page (conversation)."""
    if not isinstance(data, dict):
        return None
    pid = data.get("proposal") or data.get("page")
    return pid if isinstance(pid, int) else None


def about_hidden_proposal(data) -> bool:
    """True when an event names a page the public cannot see (draft, private, under a draft)."""
    pid = _named_page(data)
    if pid is None:
        return False
    return not public_pages(Page.objects.filter(pk=pid)).exists()


def withheld(event: LiveEvent) -> LiveEvent:
    """An unsaved stand-in that keeps the event's number and drops its content."""
    return LiveEvent(consultation_id=event.consultation_id, seq=event.seq, type=WITHHELD, data={})


def withhold_hidden(events: list[LiveEvent]) -> list[LiveEvent]:
    """Replace events about proposals the public cannot see (drafts, private, under a draft)."""
    proposal_ids = {_named_page(e.data) for e in events} - {None}
    if not proposal_ids:
        return events
    public = set(public_pages(Page.objects.filter(pk__in=proposal_ids)).values_list("pk", flat=True))
    hidden = proposal_ids - public
    if not hidden:
        return events
    return [withheld(e) if _named_page(e.data) in hidden else e for e in events]


def redact_comment(comment: Comment) -> int:
    """Strip a comment's text from every stored event that carried it (same transaction as the
    moderation change), so replay and the HTTP feed no longer show it."""
    return LiveEvent.objects.filter(
        consultation_id=comment.consultation_id, type__in=CARRIES_COMMENT_TEXT, data__id=comment.pk
    ).update(type=WITHHELD, html=None, data={"id": comment.pk, "anchor": comment.anchor, "reason": "removed"})


def prune(older_than: timedelta | None = None, *, dry_run: bool = False, now=None) -> int:
    """Delete old events (keeping each consultation's newest) and return how many went (or, with
    dry_run, would go)."""
    if older_than is None:
        older_than = timedelta(days=settings.LIVE_EVENT_RETENTION_DAYS)
    cutoff = (now or timezone.now()) - older_than
    newest = LiveSequence.objects.values_list("consultation_id", "last_seq")
    keep = {(cid, seq) for cid, seq in newest}
    deleted = 0
    for cid, seq in keep:
        due = LiveEvent.objects.filter(consultation_id=cid, created_at__lt=cutoff, seq__lt=seq)
        deleted += due.count() if dry_run else due.delete()[0]
    return deleted


# What changed, rendered with the same partials the pages use.


def comment_html(comment: Comment) -> str:
    """The comment alone, without its replies: a stored event carries one comment's text, so
    redacting that comment redacts every copy (live.js keeps the replies already on the page)."""
    alone = copy.copy(comment)
    alone._prefetched_objects_cache = {
        **getattr(comment, "_prefetched_objects_cache", {}),
        "replies": Comment.objects.none(),
    }
    return render_to_string(
        "consultations/includes/_comment.html",
        {"comment": alone, "consultation": comment.consultation},
    )


def comment_data(comment: Comment) -> dict:
    return {
        "id": comment.pk,
        "anchor": comment.anchor,
        "proposal": comment.proposal_id,
        "parent": comment.parent_id,
        "paragraph": comment.paragraph or None,
        "stance": comment.stance,
        "author": comment.author_name,
    }


def comment_posted(comment: Comment) -> LiveEvent | None:
    if comment.status != Comment.Status.PUBLISHED:
        return None  # waiting for moderation: nobody else sees it yet
    return record(
        comment.consultation_id,
        COMMENT_POSTED,
        html=lambda: comment_html(comment),
        data=comment_data(comment),
        later=True,
    )


def comment_updated(comment: Comment) -> LiveEvent:
    if comment.status != Comment.Status.PUBLISHED:
        redact_comment(comment)
        return record(
            comment.consultation_id,
            COMMENT_REMOVED,
            data={**comment_data(comment), "author": "", "status": comment.status},
        )
    return record(
        comment.consultation_id,
        COMMENT_UPDATED,
        html=lambda: comment_html(comment),
        data=comment_data(comment),
        later=True,
    )


def status_changed(comment: Comment, previous: str) -> LiveEvent | None:
    """A moderation change: viewers see the comment appear when published, go when it leaves."""
    if comment.status == previous:
        return None
    if comment.status == Comment.Status.PUBLISHED:
        return comment_posted(comment)
    if previous == Comment.Status.PUBLISHED:
        return comment_updated(comment)
    return None


def tally_changed(proposal: ProposalPage) -> LiveEvent:
    """Record the proposal's tally as counted after taking the sequence number: votes committed
    by writers ahead in the queue are counted, so the last event always equals the stored count."""
    from .services import tally

    def build():
        result = tally(proposal)

        def html():
            return render_to_string(
                "consultations/includes/_tally.html", {"proposal": proposal, "tally": result}
            )

        data = {
            "proposal": proposal.pk,
            "support": result.support,
            "oppose": result.oppose,
            "total": result.total,
        }
        return html, data

    return record_built(proposal.consultation.pk, TALLY_CHANGED, build)


def sync_state(consultation: ConsultationPage) -> LiveEvent | None:
    """Record a state event when a consultation opened or closed since the last one."""
    state = consultation.state

    def last_state():
        data = (
            LiveEvent.objects.filter(consultation_id=consultation.pk, type=STATE_CHANGED)
            .order_by("-seq")
            .values_list("data", flat=True)
            .first()
        )
        return data.get("state") if data else None

    if last_state() == state:
        return None  # the common case, checked without taking the sequence lock
    with transaction.atomic():
        LiveSequence.objects.bulk_create(
            [LiveSequence(consultation_id=consultation.pk)], ignore_conflicts=True
        )
        LiveSequence.objects.select_for_update().get(consultation_id=consultation.pk)
        if last_state() == state:
            return None  # another process announced it while we waited for the lock
        labels = {}
        for code in languages.codes():
            with translation.override(code):
                labels[code] = consultation.state_label
        label = labels.pop(languages.default())
        return record(
            consultation.pk, STATE_CHANGED, data={"state": state, "label": label, LABEL_BY_LANGUAGE: labels}
        )
