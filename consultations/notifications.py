"""Who hears about what happens in consultations: the services call these inside their transactions."""

from django.db.models import Q
from django.urls import reverse

from civic import notifications
from civic.models import NotificationKind

from .models import Comment

EXCERPT = 300


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _link(comment: Comment) -> str:
    """The comment on the right page of comments (the link checks who may see it)."""
    return reverse("consultations:summaries:comment_link", args=[comment.pk])


def reply_published(reply: Comment) -> int:
    """A published reply tells the author of the comment it answers (never themselves)."""
    if reply.parent_id is None or reply.status != Comment.Status.PUBLISHED:
        return 0
    parent_author = Comment.objects.filter(pk=reply.parent_id).values_list("author_id", flat=True).first()
    if parent_author is None:
        return 0
    title = f"{reply.author.public_name if reply.author else 'Someone'} replied to your comment"
    return notifications.notify(
        [parent_author],
        NotificationKind.REPLY,
        title=f"{title} on {reply.consultation.title}",
        body=_excerpt(reply.body),
        url=_link(reply),
        dedupe_key=f"reply:{reply.pk}",
        actor=reply.author_id,
    )


def thread_participants(top: Comment) -> set[int]:
    """Everyone who wrote in a thread (the first comment and its replies), except removed comments."""
    return set(
        Comment.objects.filter(Q(pk=top.pk) | Q(parent_id=top.pk), author__isnull=False)
        .exclude(status=Comment.Status.REMOVED)
        .values_list("author_id", flat=True)
    )


def official_response_posted(response: Comment) -> int:
    """An official reply in a thread tells everyone who took part in it."""
    if response.parent_id is None:
        return 0
    top = Comment(pk=response.parent_id)
    organisation = response.organisation.name if response.organisation else "The organisers"
    return notifications.notify(
        thread_participants(top),
        NotificationKind.OFFICIAL_RESPONSE,
        title=f"{organisation} responded in a conversation on {response.consultation.title}",
        body=_excerpt(response.body),
        url=_link(response),
        dedupe_key=f"official_response:{response.pk}",
        actor=response.author_id,
    )
