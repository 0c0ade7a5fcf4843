"""The one write path for conversations: votes, statements, moderation, and the debounced recompute."""

import difflib
import logging
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import connection, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import ratelimit
from civic.text import plain_text
from civic.types import Account, signed_in

from .. import live
from ..models import LiveEvent
from ..services import ParticipationError, check_reachable
from . import opinions, permissions
from .models import ConversationPage, OpinionResult, OpinionVote, Statement

log = logging.getLogger(__name__)

MIN_STATEMENT_LENGTH = 5
SIMILAR_THRESHOLD = 0.6
STALE_ENQUEUE = timedelta(minutes=5)  # a queued recompute that never started is queued again
CHOICES = {
    "agree": OpinionVote.Choice.AGREE,
    "disagree": OpinionVote.Choice.DISAGREE,
    "pass": OpinionVote.Choice.PASS,
}


@dataclass(frozen=True)
class Counts:
    agree: int = 0
    disagree: int = 0
    passed: int = 0

    @property
    def total(self) -> int:
        return self.agree + self.disagree + self.passed


def statement_counts(conversation: ConversationPage) -> dict[int, Counts]:
    """Agree / disagree / pass counts of every statement in one query."""
    found: dict[int, dict[int, int]] = {}
    rows = (
        OpinionVote.objects.filter(conversation=conversation)
        .values_list("statement_id", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    for statement_id, value, n in rows:
        found.setdefault(statement_id, {})[value] = n
    return {sid: Counts(c.get(1, 0), c.get(-1, 0), c.get(0, 0)) for sid, c in found.items()}


def counts_for(statement: Statement) -> Counts:
    rows = dict(
        OpinionVote.objects.filter(statement=statement)
        .values_list("value")
        .annotate(n=Count("id"))
        .order_by()
    )
    return Counts(rows.get(1, 0), rows.get(-1, 0), rows.get(0, 0))


def _check_rate(user: Account, scope: str = "write", rate: str | None = None) -> None:
    try:
        ratelimit.hit(scope, str(user.pk), rate)
    except ratelimit.RateLimited as exc:
        raise ParticipationError(str(exc), code="rate_limited") from exc


def parse_choice(raw: object) -> int:
    """agree / disagree / pass, or a ParticipationError (a tampered form saves nothing)."""
    if not isinstance(raw, str) or raw not in CHOICES:
        raise ParticipationError(_("Choose agree, disagree or pass."), code="invalid_choice", field="choice")
    return int(CHOICES[raw])


def cast_opinion(
    *,
    voter: Account,
    conversation: ConversationPage,
    statement_id: int | None,
    choice: str,
    session: SessionBase | None = None,
) -> tuple[OpinionVote, bool]:
    """Record or change a vote on a statement; returns (vote, changed)."""
    check_reachable(voter, conversation, session=session)
    value = parse_choice(choice)
    statement = Statement.objects.filter(pk=statement_id).first() if statement_id else None
    if statement is None or statement.conversation_id != conversation.pk:
        raise ParticipationError(
            _("That statement is not part of this conversation."), code="mismatch", field="statement"
        )
    if statement.status != Statement.Status.PUBLISHED:
        raise ParticipationError(
            _("That statement is not open for votes."), code="mismatch", field="statement"
        )
    decision = permissions.can_take_part(voter, conversation)
    account = signed_in(voter)
    if not decision or account is None:
        raise ParticipationError(decision.reason, code="forbidden")
    _check_rate(voter, "opinion", settings.OPINION_VOTE_RATE_LIMIT)
    with transaction.atomic():
        changed = _upsert_vote(conversation.pk, statement.pk, account.pk, value)
        if changed:
            _changed(conversation, statement)
    vote = OpinionVote.objects.get(statement=statement, user=account) if changed is None else changed
    return vote, changed is not None


def _upsert_vote(conversation_id: int, statement_id: int, user_id: int, value: int) -> OpinionVote | None:
    """Insert or change this person's vote in one statement that touches only its own row (no
    savepoint, no lock beyond it); returns the vote when it was new or changed, None when unchanged."""
    table = OpinionVote._meta.db_table
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (conversation_id, statement_id, user_id, value, created_at, updated_at) "  # noqa: S608 - our table
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (statement_id, user_id) DO UPDATE SET "
            f"value = excluded.value, updated_at = excluded.updated_at WHERE {table}.value <> excluded.value "
            "RETURNING id, created_at",
            [conversation_id, statement_id, user_id, value, now, now],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    return OpinionVote(
        pk=row[0],
        conversation_id=conversation_id,
        statement_id=statement_id,
        user_id=user_id,
        value=value,
        created_at=row[1],
        updated_at=now,
    )


def _changed(conversation: ConversationPage, statement: Statement) -> None:
    """A vote changed: viewers get the statement's new counts; the groups are recomputed later."""
    counts_changed(conversation, statement)
    transaction.on_commit(lambda: schedule_recompute(conversation.pk))


def counts_changed(conversation: ConversationPage, statement: Statement) -> LiveEvent:
    """Record the statement's counts as read after taking the sequence number (newest event, newest count)."""

    def build() -> tuple[str, dict[str, int]]:
        counts = counts_for(statement)
        html = render_to_string(
            "consultations/conversations/includes/_counts.html", {"statement": statement, "counts": counts}
        )
        data = {
            "page": conversation.pk,
            "statement": statement.pk,
            "agree": counts.agree,
            "disagree": counts.disagree,
            "pass": counts.passed,
            "total": counts.total,
        }
        return html, data

    return live.record_built(conversation.consultation.pk, live.OPINION_COUNTS, build)


# Statements ---------------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return re.sub(r"[^\w ]+", "", re.sub(r"\s+", " ", text.casefold())).strip()


def clean_statement(text: str) -> str:
    """One short line of plain text, or a ParticipationError saying what is wrong."""
    cleaned = re.sub(r"\s+", " ", plain_text(text or "")).strip()
    limit = settings.CONVERSATION_STATEMENT_MAX_LENGTH
    if len(cleaned) < MIN_STATEMENT_LENGTH:
        raise ParticipationError(_("Enter your statement."), code="empty", field="text")
    if len(cleaned) > limit:
        raise ParticipationError(
            _("Your statement must be %(limit)s characters or fewer (it is %(length)s).")
            % {"limit": limit, "length": len(cleaned)},
            code="too_long",
            field="text",
        )
    return cleaned


def similar_statements(conversation: ConversationPage, text: str, *, limit: int = 3) -> list[Statement]:
    """Published statements that say much the same (word overlap or close spelling), best first."""
    wanted = _normal(text)
    if len(wanted) < MIN_STATEMENT_LENGTH:
        return []
    words = set(wanted.split())
    scored = []
    for statement in conversation.statements.published().only("id", "text", "conversation_id"):
        other = _normal(statement.text)
        other_words = set(other.split())
        overlap = len(words & other_words) / max(1, len(words | other_words))
        ratio = difflib.SequenceMatcher(None, wanted, other).ratio() if overlap >= 0.3 else 0.0
        score = max(overlap, ratio)
        if score >= SIMILAR_THRESHOLD:
            scored.append((score, statement.pk, statement))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [s[2] for s in scored[:limit]]


def submit_statement(
    *, author: Account, conversation: ConversationPage, text: str, session: SessionBase | None = None
) -> Statement:
    """Save a resident's statement (pending a moderator when the conversation is pre-moderated)."""
    check_reachable(author, conversation, session=session)
    decision = permissions.can_take_part(author, conversation)
    account = signed_in(author)
    if not decision or account is None:
        raise ParticipationError(decision.reason, code="forbidden")
    cleaned = clean_statement(text)
    normal = _normal(cleaned)
    existing = conversation.statements.exclude(status=Statement.Status.HIDDEN).values_list("text", flat=True)
    if any(_normal(t) == normal for t in existing):
        raise ParticipationError(
            _("That statement is already in this conversation."), code="duplicate", field="text"
        )
    _check_rate(author)
    status = Statement.Status.PENDING if conversation.is_pre_moderated else Statement.Status.PUBLISHED
    return Statement.objects.create(conversation=conversation, text=cleaned, author=account, status=status)


def moderate_statement(*, moderator: Account, statement: Statement, action: str) -> Statement:
    """Approve (publish) or hide a statement; hidden statements leave the groups at the next recompute."""
    conversation = statement.conversation
    if not permissions.can_moderate(moderator, conversation):
        raise ParticipationError(_("You cannot moderate this conversation."), code="forbidden")
    target = {"approve": Statement.Status.PUBLISHED, "hide": Statement.Status.HIDDEN}.get(action)
    if target is None:
        raise ParticipationError(_("Choose approve or hide."), code="invalid_choice", field="action")
    if statement.status == target:
        return statement
    statement.status = target
    statement.moderated_at = timezone.now()
    statement.save(update_fields=["status", "moderated_at"])
    transaction.on_commit(lambda: schedule_recompute(conversation.pk))
    return statement


def sync_seed_statements(conversation: ConversationPage) -> int:
    """Publish the officers' seed statements that are not yet in the conversation; returns how many."""
    have = {_normal(t) for t in conversation.statements.values_list("text", flat=True)}
    limit = settings.CONVERSATION_STATEMENT_MAX_LENGTH
    new = []
    for line in conversation.seed_lines():
        text = re.sub(r"\s+", " ", plain_text(line))[: max(limit, 500)]
        if len(text) >= MIN_STATEMENT_LENGTH and _normal(text) not in have:
            have.add(_normal(text))
            new.append(Statement(conversation=conversation, text=text, is_seed=True))
    Statement.objects.bulk_create(new)
    return len(new)


# Opinion groups -----------------------------------------------------------------------------------


def opinion_settings() -> opinions.Settings:
    return opinions.Settings(
        min_participants=settings.OPINION_MIN_PARTICIPANTS,
        min_votes=settings.OPINION_MIN_VOTES,
        seed=settings.OPINION_SEED,
    )


def schedule_recompute(conversation_id: int) -> bool:
    """Queue one recompute unless one is already queued (the debounce); returns whether it queued."""
    from .tasks import recompute_opinions_task

    now = timezone.now()
    result = OpinionResult.objects.filter(conversation_id=conversation_id)
    if result.filter(enqueued_at__gte=now - STALE_ENQUEUE).exists():
        return False  # the common case in a burst of votes: no write, no row lock to wait for
    OpinionResult.objects.bulk_create([OpinionResult(conversation_id=conversation_id)], ignore_conflicts=True)
    claimed = result.filter(enqueued_at__isnull=True).update(enqueued_at=now) or result.filter(
        enqueued_at__lt=now - STALE_ENQUEUE
    ).update(enqueued_at=now)
    if not claimed:
        return False
    try:
        recompute_opinions_task.enqueue(conversation_id)
    except Exception:  # noqa: BLE001 - the votes are stored; the next vote (or STALE_ENQUEUE) retries
        log.warning("conversations: could not queue a recompute of %s", conversation_id, exc_info=True)
        OpinionResult.objects.filter(conversation_id=conversation_id).update(enqueued_at=None)
        return False
    return True


def vote_triples(conversation_id: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(participant, statement, value) of every vote on a published statement, as three arrays.

    Two plain queries and no join: the votes of one conversation come off its index in one pass
    (a join on the statements' status let a stale plan loop over the index once per statement)."""
    published = list(
        Statement.objects.filter(
            conversation_id=conversation_id, status=Statement.Status.PUBLISHED
        ).values_list("pk", flat=True)
    )
    rows = (
        OpinionVote.objects.filter(conversation_id=conversation_id, user__isnull=False)
        .values_list("user_id", "statement_id", "value")
        .order_by()
    )
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:  # plain tuples: no model machinery for 250,000 rows
        cursor.execute(sql, params)
        found = cursor.fetchall()
    # Erased accounts: each former participant stays one (negative) participant, linked to nobody.
    erased = OpinionVote.objects.filter(conversation_id=conversation_id, user__isnull=True).exclude(
        former_participant=None
    )
    numbers: dict[object, int] = {}
    for former, statement_id, value in erased.values_list("former_participant", "statement_id", "value"):
        found.append((-numbers.setdefault(former, len(numbers) + 1), statement_id, value))
    matrix = np.array(found, dtype=np.int64).reshape(-1, 3)
    matrix = matrix[np.isin(matrix[:, 1], np.array(published, dtype=np.int64))]
    return matrix[:, 0], matrix[:, 1], matrix[:, 2]


def _snapshot(conversation_id: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The votes as of one moment, read without taking a lock: votes go on being saved meanwhile."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return vote_triples(conversation_id)
    with transaction.atomic():
        with connection.cursor() as cursor:  # both queries see the same snapshot; a read-only one
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return vote_triples(conversation_id)


def recompute(conversation_id: int) -> dict[str, Any]:
    """Compute and store a conversation's opinion groups, then tell viewers (a background task)."""
    OpinionResult.objects.bulk_create([OpinionResult(conversation_id=conversation_id)], ignore_conflicts=True)
    OpinionResult.objects.filter(conversation_id=conversation_id).update(
        enqueued_at=None
    )  # later votes queue again
    started = time.perf_counter()
    people, statements, values = _snapshot(conversation_id)
    data = opinions.compute(people, statements, values, settings=opinion_settings())
    seconds = time.perf_counter() - started
    conversation = ConversationPage.objects.filter(pk=conversation_id).first()
    if conversation is None:
        return data
    with transaction.atomic():
        OpinionResult.objects.filter(conversation_id=conversation_id).update(
            data=data, computed_at=timezone.now(), seconds=seconds
        )
        live.record(
            conversation.consultation.pk,
            live.OPINION_GROUPS,
            data={"page": conversation_id, "status": data["status"], "groups": len(data.get("groups", []))},
        )
    return data
