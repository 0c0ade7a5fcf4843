"""Who hears about what happens in consultations: the services call these inside their transactions.

Notifications about comments copy neither the words nor the writer's name: they link to the
comment, whose page checks who may see it, so a comment hidden, removed or erased later leaves
nothing behind in anyone's notifications or inbox."""

from django.db.models import Q
from django.urls import reverse

from civic import notifications
from civic.models import NotificationKind

from . import permissions
from .models import Comment, Follow, ProposalPage

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
    return notifications.notify(
        [parent_author],
        NotificationKind.REPLY,
        title=f"New reply to your comment on {reply.consultation.title}",
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
        url=_link(response),
        dedupe_key=f"official_response:{response.pk}",
        actor=response.author_id,
    )


def followers_of(page_ids: list[int]) -> set[int]:
    return set(Follow.objects.filter(page_id__in=page_ids).values_list("user_id", flat=True))


def responses_url(consultation) -> str:
    """Where "you said, we did" is read: the consultation page, which anyone who may see the page
    can open (the summary stays closed to residents until results are published)."""
    return f"{consultation.url or '/'}#responses"


def response_published(response, *, already_emailed: set[int]) -> int:
    """A "you said, we did" response tells the followers of what it answers.

    Whole-consultation and theme responses reach followers of the consultation and of its
    proposals; a proposal's response reaches followers of that proposal and of the consultation.
    `already_emailed` (people the response's own email reaches) see it on their account page only."""
    consultation = response.consultation
    if not permissions.is_published(consultation):
        return 0
    if response.proposal_id:
        pages = [consultation.pk, response.proposal_id]
    else:
        pages = [consultation.pk, *ProposalPage.objects.child_of(consultation).values_list("pk", flat=True)]
    return notifications.notify(
        followers_of(pages),
        NotificationKind.RESULTS,
        title=f"You said, we did: {consultation.title}",
        body=_excerpt(f"You said: {response.you_said}\n\nWe did: {response.we_did}"),
        url=responses_url(consultation),
        dedupe_key=f"you_said_we_did:{response.pk}",
        actor=response.created_by_id,
        email_skip=already_emailed,
    )


def results_published(consultation) -> int:
    """Ticking "results published" on a live consultation tells its followers, once."""
    if not consultation.results_published or not permissions.is_published(consultation):
        return 0
    return notifications.notify(
        followers_of([consultation.pk]),
        NotificationKind.RESULTS,
        title=f"Results published: {consultation.title}",
        body="The organisers have published the results of this consultation and what they will do.",
        url=consultation.url or "/",
        dedupe_key=f"results:{consultation.pk}",
    )
