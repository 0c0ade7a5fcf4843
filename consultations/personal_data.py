"""What consultations hold about a person: 'download my data' and 'delete my account' (apps.py).

The export has only the person's own contributions: never who replied to them, who reported
their comments or which moderator decided (civic.personal_data says why). Erasure keeps their
comments (text kept, "Former participant"), votes and reports of comments, linked to nobody."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet, Value
from django.db.models.functions import Concat
from django.urls import reverse
from wagtail.models import ModelLogEntry

from civic.links import absolute
from civic.models import User
from civic.personal_data import Rows, register, register_eraser, register_rows, when
from search import indexing as search_indexing

from . import live
from .conversations import personal_data as conversation_data
from .models import AlertTopic, Comment, ConsultationPage, Flag, Follow, LiveEvent, ModerationDecision, Vote
from .summaries.services import comments_moderated


def _page_address(page) -> str | None:
    url = page.get_url()
    return absolute(url) if url else None


def _comments_written(user: User) -> "QuerySet[Comment]":
    decisions = ModerationDecision.objects.only("comment_id", "decision", "reason", "note", "created_at")
    return (
        Comment.objects.filter(author=user)
        .select_related("consultation", "proposal", "organisation")
        .prefetch_related(Prefetch("decisions", queryset=decisions.order_by("created_at", "id")))
        .order_by("created_at", "id")
    )


def _comment(comment: Comment) -> dict:
    """A comment or reply they wrote, with every moderation outcome (never the moderator)."""
    return {
        "id": comment.pk,
        "consultation": comment.consultation.title,
        "proposal": comment.proposal.title if comment.proposal else None,
        "in_reply_to_comment": comment.parent_id,
        "text": comment.body,
        "stance": comment.get_stance_display(),
        "status": comment.get_status_display(),
        "official_response_for": comment.organisation.name
        if comment.is_official and comment.organisation
        else None,
        "posted": when(comment.created_at),
        "last_changed": when(comment.updated_at),
        "times_reported_by_others": comment.flag_count,
        "address": (
            absolute(reverse("consultations:summaries:comment_link", args=[comment.pk]))
            if comment.status == Comment.Status.PUBLISHED
            else None
        ),
        "moderation": [
            {
                "decision": decision.get_decision_display(),
                "reason": decision.get_reason_display() or None,
                "note": decision.note or None,
                "decided": when(decision.created_at),
            }
            for decision in comment.decisions.all()
        ],
    }


comments = Rows(_comments_written, _comment)


def votes(user: User) -> list[dict]:
    """Votes they cast, with the proposal and its consultation."""
    rows = list(Vote.objects.filter(user=user).select_related("proposal").order_by("created_at", "id"))
    parents = {vote.proposal.path[: -ConsultationPage.steplen] for vote in rows}
    titles = dict(ConsultationPage.objects.filter(path__in=parents).values_list("path", "title"))
    return [
        {
            "proposal": vote.proposal.title,
            "consultation": titles.get(vote.proposal.path[: -ConsultationPage.steplen]),
            "vote": vote.get_choice_display(),
            "channel": vote.get_channel_display(),
            "cast": when(vote.created_at),
            "last_changed": when(vote.updated_at),
            "address": _page_address(vote.proposal),
        }
        for vote in rows
    ]


def _flag(flag: Flag) -> dict:
    """A comment they reported to moderators: which one and why, not the other person's words."""
    return {
        "comment": flag.comment_id,
        "consultation": flag.comment.consultation.title,
        "reason": flag.get_reason_display(),
        "note": flag.note or None,
        "reported": when(flag.created_at),
    }


flags = Rows(
    lambda user: (
        Flag.objects.filter(user=user).select_related("comment__consultation").order_by("created_at", "id")
    ),
    _flag,
)


def entered_responses(user: User) -> list[dict] | None:
    """Staff who typed in paper or phone responses: when and where, never the respondent's details."""
    rows = Comment.objects.filter(entered_by=user).select_related("consultation").order_by("created_at", "id")
    entered = [
        {
            "comment": comment.pk,
            "consultation": comment.consultation.title,
            "channel": comment.get_channel_display(),
            "entered": when(comment.created_at),
        }
        for comment in rows
    ]
    return entered or None


def erase(user: User) -> None:
    """Unlink the person's contributions (ERASURE_CONTRIBUTIONS "keep": tallies, themes, the queue
    and summaries keep counting them) or withdraw their comments ("remove"); votes stay counted."""
    comments = list(
        Comment.objects.filter(author=user).select_related("consultation", "proposal", "organisation")
    )
    ids = [comment.pk for comment in comments]
    Comment.objects.filter(pk__in=ids).update(author=None, client_token=None, former_author=uuid.uuid4())
    Vote.objects.filter(user=user).update(user=None)
    if settings.ERASURE_CONTRIBUTIONS == "remove":
        Flag.objects.filter(user=user).update(user=None, note="")
        _remove(comments)
        return
    Flag.objects.filter(user=user).update(user=None)
    # The audit trail's labels named the author ("Comment 12 by Sam"); the entries themselves stay.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id__in=[str(pk) for pk in ids]
    ).update(label=Concat(Value("Comment "), "object_id", Value(" by Former participant")))
    # Stored live events that show a comment are drawn again without the name, for replay.
    shown = set(
        LiveEvent.objects.filter(type__in=live.CARRIES_COMMENT_TEXT, data__id__in=ids).values_list(
            "data__id", flat=True
        )
    )
    for comment in comments:
        comment.author = None
        if comment.pk in shown:
            LiveEvent.objects.filter(
                consultation_id=comment.consultation_id,
                type__in=live.CARRIES_COMMENT_TEXT,
                data__id=comment.pk,
            ).update(html=live.comment_html(comment), data=live.comment_data(comment))
    search_indexing.schedule(*comments)  # officer search shows "Former participant" after commit


def _remove(comments: list[Comment]) -> None:
    """The "remove" policy: each comment is withdrawn as a moderator's removal would withdraw it
    (its text blanked, off the queue, out of summaries, themes, search and stored live events)."""
    ids = [comment.pk for comment in comments]
    Comment.objects.filter(pk__in=ids).update(
        status=Comment.Status.REMOVED, body="", needs_review=False, queued_at=None
    )
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id__in=[str(pk) for pk in ids]
    ).update(label=Concat(Value("Comment "), "object_id", Value(" by Former participant")))
    for comment in comments:
        previous = comment.status
        comment.author, comment.status, comment.body = None, Comment.Status.REMOVED, ""
        if live.status_changed(comment, previous) is None:
            live.redact_comment(comment)  # pending or hidden: no viewer saw it go, but replay must not
    comments_moderated(ids)  # quotes and key terms come only from published comments
    search_indexing.schedule(*comments)  # removed comments leave the index after commit


# Consultations and proposals the person follows (erasing the account deletes these).
follows = Rows(
    lambda user: Follow.objects.filter(user=user).select_related("page").order_by("created_at", "pk"),
    lambda row: {"page": row.page.title, "address": _page_address(row.page), "since": when(row.created_at)},
)


def alert_topics(user: User) -> list[dict]:
    """Topics the person chose for new-consultation alerts (erasing the account deletes these)."""
    rows = AlertTopic.objects.filter(user=user).select_related("topic").order_by("topic__name")
    return [{"topic": row.topic.name} for row in rows]


def register_collectors() -> None:
    register_rows("comments", comments, title="Your comments and their moderation")
    register("votes", votes, title="Your votes", size=lambda user: Vote.objects.filter(user=user).count())
    register_rows("reported_comments", flags, title="Comments you reported to moderators")
    register(
        "entered_responses",
        entered_responses,
        title="Responses you entered for residents",
        size=lambda user: Comment.objects.filter(entered_by=user).count(),
    )
    register_rows("follows", follows, title="Consultations and proposals you follow")
    register("alert_topics", alert_topics, title="Topics of your new-consultation alerts")
    register_eraser("consultations", erase)
    register("conversation_votes", conversation_data.votes, title="Your votes in conversations")
    register(
        "conversation_statements", conversation_data.statements, title="Statements you wrote in conversations"
    )
    register_eraser("conversations", conversation_data.erase)
