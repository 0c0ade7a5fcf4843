"""What conversations hold about a person: their votes and statements ('download my data'), and
what erasing an account does to them (unlinked, still counted: see consultations.personal_data)."""

import uuid
from functools import partial

from django.conf import settings
from django.db import transaction

from civic.links import absolute
from civic.models import User
from civic.personal_data import when

from .models import OpinionVote, Statement
from .services import schedule_recompute


def _address(conversation) -> str | None:
    url = conversation.get_url()
    return absolute(url) if url else None


def votes(user: User) -> list[dict]:
    """Their agree / disagree / pass votes, with the statement and the conversation."""
    rows = (
        OpinionVote.objects.filter(user=user)
        .select_related("statement", "conversation")
        .order_by("created_at", "id")
    )
    return [
        {
            "conversation": vote.conversation.title,
            "statement": vote.statement.text,
            "vote": vote.get_value_display(),
            "cast": when(vote.created_at),
            "last_changed": when(vote.updated_at),
            "address": _address(vote.conversation),
        }
        for vote in rows
    ]


def statements(user: User) -> list[dict]:
    """Statements they wrote, and whether they are published, waiting or hidden."""
    rows = Statement.objects.filter(author=user).select_related("conversation").order_by("created_at", "id")
    return [
        {
            "conversation": statement.conversation.title,
            "text": statement.text,
            "status": statement.get_status_display(),
            "written": when(statement.created_at),
        }
        for statement in rows
    ]


def erase(user: User) -> None:
    """Unlink votes and statements; each erased person stays one participant in the groups. With
    ERASURE_CONTRIBUTIONS "remove" their statements are withdrawn (hidden) too; votes stay counted."""
    OpinionVote.objects.filter(user=user).update(user=None, former_participant=uuid.uuid4())
    written = Statement.objects.filter(author=user)
    if settings.ERASURE_CONTRIBUTIONS == "remove":
        conversation_ids = set(written.values_list("conversation_id", flat=True))
        written.update(author=None, status=Statement.Status.HIDDEN)
        for conversation_id in conversation_ids:  # the groups drop the withdrawn statements
            transaction.on_commit(partial(schedule_recompute, conversation_id))
        return
    written.update(author=None)
