"""The one write path for participation: web forms, sockets, API, commands and tests call these."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import ratelimit
from civic.errors import CivicError
from civic.models import User
from civic.text import plain_text
from civic.types import Account, signed_in
from search import indexing as search_indexing

from . import live, notifications, paragraphs, permissions
from .models import AlertTopic, Comment, ConsultationPage, Follow, ProposalPage, Stance, Topic, Vote

MIN_COMMENT_LENGTH = 2


class ParticipationError(CivicError):
    """A contribution was refused; the message is safe to show to the person."""


@dataclass(frozen=True)
class Tally:
    support: int = 0
    oppose: int = 0

    @property
    def total(self) -> int:
        return self.support + self.oppose

    @property
    def support_percent(self) -> int:
        return round(100 * self.support / self.total) if self.total else 0

    @property
    def oppose_percent(self) -> int:
        return 100 - self.support_percent if self.total else 0


def clean_comment_body(body: str) -> str:
    """Plain text within the length limits, or a ParticipationError saying what is wrong."""
    text = plain_text(body or "")
    limit = settings.COMMENT_MAX_LENGTH
    if len(text) < MIN_COMMENT_LENGTH:
        raise ParticipationError(_("Enter your comment."), code="empty", field="body")
    if len(text) > limit:
        raise ParticipationError(
            _("Your comment must be %(limit)s characters or fewer (it is %(length)s).")
            % {"limit": f"{limit:,}", "length": f"{len(text):,}"},
            code="too_long",
            field="body",
        )
    return text


def check_proposal_belongs(proposal: ProposalPage | None, consultation: ConsultationPage) -> None:
    """A contribution on a proposal must name that proposal's own consultation."""
    if proposal is not None and proposal.consultation.pk != consultation.pk:
        raise ParticipationError(_("That proposal is not part of this consultation."), code="mismatch")


def check_reachable(
    user: Account, page: ConsultationPage | ProposalPage, *, session: SessionBase | None = None
) -> None:
    """Contributions go only to pages this person can reach: never drafts or restricted pages."""
    if not permissions.is_reachable(user, page, session=session):
        raise ParticipationError(_("This page does not exist."), code="not_found")


def check_published(page: ConsultationPage | ProposalPage) -> None:
    """Staff post publicly (official and assisted responses) only on published pages."""
    if not permissions.is_published(page):
        raise ParticipationError(_("This page is not published."), code="not_found")


def check_paragraph(
    paragraph_id: str, proposal: ProposalPage | None, parent: Comment | None
) -> paragraphs.Paragraph | None:
    """The proposal paragraph a comment is about (None for the whole page); an id that is not one of
    this proposal's paragraphs as published (another proposal's, removed, made up) is refused."""
    if not paragraph_id:
        return None
    if proposal is None:
        raise ParticipationError(
            _("Only a proposal's paragraphs can be commented on."), code="mismatch", field="paragraph"
        )
    if parent is not None:
        raise ParticipationError(
            _("A reply answers its comment: it cannot be about a paragraph too."),
            code="mismatch",
            field="paragraph",
        )
    found = paragraphs.find(proposal, paragraph_id)
    if found is None:
        raise ParticipationError(
            _(
                "That paragraph is not part of this proposal (it may have been removed). "
                "Choose “Comment on this paragraph” beside a paragraph on the page."
            ),
            code="mismatch",
            field="paragraph",
        )
    return found


def _check_rate(user: Account, scope: str = "write") -> None:
    try:
        ratelimit.hit(scope, str(user.pk))
    except ratelimit.RateLimited as exc:
        raise ParticipationError(str(exc), code="rate_limited") from exc


def post_comment(
    *,
    author: Account,
    consultation: ConsultationPage,
    body: str,
    stance: str = Stance.NEUTRAL,
    proposal: ProposalPage | None = None,
    parent: Comment | None = None,
    paragraph: str = "",
    client_token: uuid.UUID | None = None,
    session: SessionBase | None = None,
) -> Comment:
    """Save a comment if the rules allow it; a repeated client_token returns the first one. A comment
    on one paragraph of a proposal names its block id and keeps the paragraph's text as it reads now."""
    check_proposal_belongs(proposal, consultation)
    check_reachable(author, proposal or consultation, session=session)
    decision = permissions.can_comment(author, consultation)
    account = signed_in(author)
    if not decision or account is None:
        raise ParticipationError(decision.reason, code="forbidden")
    if stance not in Stance.values:
        raise ParticipationError(_("Choose a valid stance."), code="invalid_stance", field="stance")
    text = clean_comment_body(body)
    quoted = check_paragraph(paragraph, proposal, parent)
    if parent is not None:
        parent = Comment.objects.get(pk=parent.pk)  # its status and lock as they are now
        if parent.consultation_id != consultation.pk or parent.proposal_id != (
            proposal.pk if proposal else None
        ):
            raise ParticipationError(_("You can only reply to a comment on this page."), code="mismatch")
        if parent.parent is not None:
            parent = parent.parent  # one level of replies: answer the thread, not the reply
        if parent.status != Comment.Status.PUBLISHED:
            raise ParticipationError(_("That comment can no longer be replied to."), code="mismatch")
        if parent.locked:
            raise ParticipationError(_("This conversation has been closed to new replies."), code="locked")
    try:
        _check_rate(author)
    except ParticipationError:
        # The same form sent again after a slow answer is not a new write: it returns the first.
        existing = _same_submission(account, client_token)
        if existing is None:
            raise
        return existing
    pre_moderated = consultation.is_pre_moderated
    status = Comment.Status.PENDING if pre_moderated else Comment.Status.PUBLISHED
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                consultation=consultation,
                proposal=proposal,
                parent=parent,
                author=account,
                body=text,
                paragraph=quoted.id if quoted else "",
                paragraph_text=quoted.text if quoted else "",
                stance=stance,
                status=status,
                client_token=client_token,
                needs_review=pre_moderated,
                queued_at=timezone.now() if pre_moderated else None,
            )
            # It is new: no replies yet (Django's prefetch cache, which the stubs do not declare).
            comment._prefetched_objects_cache = {"replies": Comment.objects.none()}  # type: ignore[attr-defined]
            search_indexing.schedule(comment)
            notifications.reply_published(comment)  # pre-moderated replies tell when approved
            if account.auto_follow:  # commenting follows unless switched off
                _follow(account, proposal or consultation)
            # Last: the consultation's sequence row stays locked from here to the commit, and every
            # writer on the consultation queues for it, so nothing else runs while it is held.
            live.comment_posted(comment)
    except IntegrityError:
        # The same form arrived twice (a repeated client_token): the first one won, and is returned.
        existing = _same_submission(account, client_token)
        if existing is None:
            raise
        return existing
    return comment


def _same_submission(account: User, client_token: uuid.UUID | None) -> Comment | None:
    if client_token is None:
        return None
    return Comment.objects.filter(author=account, client_token=client_token).first()


def cast_vote(
    *, voter: Account, proposal: ProposalPage, choice: str, session: SessionBase | None = None
) -> tuple[Vote, bool]:
    """Record or change a vote; returns (vote, changed). One vote per person per proposal."""
    check_reachable(voter, proposal, session=session)
    if choice not in Vote.Choice.values:
        raise ParticipationError(_("Choose support or oppose."), code="invalid_choice", field="choice")
    decision = permissions.can_vote(voter, proposal)
    account = signed_in(voter)
    if not decision or account is None:
        raise ParticipationError(decision.reason, code="forbidden")
    _check_rate(voter)
    with transaction.atomic():
        vote = Vote.objects.select_for_update().filter(proposal=proposal, user=account).first()
        if vote is None:
            try:
                with transaction.atomic():
                    vote = Vote.objects.create(proposal=proposal, user=account, choice=choice)
                live.tally_changed(proposal)
                return vote, True
            except IntegrityError:
                vote = Vote.objects.select_for_update().get(proposal=proposal, user=account)
        if vote.choice == choice:
            return vote, False
        vote.choice = choice
        vote.save(update_fields=["choice", "updated_at"])
        live.tally_changed(proposal)
        return vote, True


def tallies(proposal_ids: Iterable[int]) -> dict[int, Tally]:
    """Vote counts for many proposals in one query."""
    counts: dict[int, dict[str, int]] = {pid: {} for pid in proposal_ids}
    rows = (
        Vote.objects.filter(proposal_id__in=list(counts))
        .values_list("proposal_id", "choice")
        .annotate(n=Count("id"))
        .order_by()
    )
    for proposal_id, choice, n in rows:
        counts[proposal_id][choice] = n
    return {pid: Tally(c.get("support", 0), c.get("oppose", 0)) for pid, c in counts.items()}


def tally(proposal: ProposalPage) -> Tally:
    return tallies([proposal.pk])[proposal.pk]


def edit_comment(
    *, editor: Account, comment: Comment, body: str, session: SessionBase | None = None
) -> Comment:
    """Let an author correct their own comment while the consultation is open."""
    check_reachable(editor, comment.proposal or comment.consultation, session=session)
    if not getattr(editor, "is_authenticated", False) or comment.author_id != editor.pk:
        raise ParticipationError(_("You can only edit your own comments."), code="forbidden")
    decision = permissions.can_comment(editor, comment.consultation)
    if not decision:
        raise ParticipationError(decision.reason, code="forbidden")
    if comment.status in (Comment.Status.HIDDEN, Comment.Status.REMOVED):
        raise ParticipationError(_("This comment has been moderated and cannot be edited."), code="forbidden")
    text = clean_comment_body(body)
    _check_rate(editor)
    with transaction.atomic():
        comment.body = text
        comment.save(update_fields=["body", "updated_at"])
        search_indexing.schedule(comment)
        if comment.status == Comment.Status.PUBLISHED:
            live.comment_updated(comment)
    return comment


def _follow(user: User, page: ConsultationPage | ProposalPage) -> None:
    Follow.objects.bulk_create([Follow(user=user, page_id=page.pk)], ignore_conflicts=True)


def follow_page(
    *, user: Account, page: ConsultationPage | ProposalPage, session: SessionBase | None = None
) -> bool:
    """Follow a consultation or proposal to hear its results; returns False if already following."""
    decision = permissions.can_follow(user, page, session=session)
    account = signed_in(user)
    if not decision or account is None:
        code = "not_found" if account is not None and account.is_active else "forbidden"
        raise ParticipationError(decision.reason, code=code)
    _check_rate(account, ratelimit.FOLLOW)  # a script cannot flip following thousands of times
    with transaction.atomic():
        if Follow.objects.filter(user=account, page_id=page.pk).exists():
            return False
        _follow(account, page)
    return True


def unfollow_page(*, user: Account, page: ConsultationPage | ProposalPage) -> bool:
    """Stop following (allowed even if the page has since gone); returns False if not following."""
    account = signed_in(user)
    if account is None:
        raise ParticipationError(_("Sign in to change what you follow."), code="forbidden")
    _check_rate(account, ratelimit.FOLLOW)
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(user=account, page_id=page.pk).delete()
    return bool(deleted)


def set_alert_topics(*, user: Account, topic_ids: Iterable[int]) -> list[int]:
    """Choose the topics a resident hears of new consultations on (with the alerts switched on)."""
    account = signed_in(user)
    if account is None:
        raise ParticipationError(_("Sign in to choose your topics."), code="forbidden")
    _check_rate(account, ratelimit.NOTIFICATION_SETTINGS)
    wanted = set(Topic.objects.filter(pk__in=list(topic_ids)).values_list("pk", flat=True))
    with transaction.atomic():
        AlertTopic.objects.filter(user=account).exclude(topic_id__in=wanted).delete()
        AlertTopic.objects.bulk_create(
            [AlertTopic(user=account, topic_id=pk) for pk in sorted(wanted)], ignore_conflicts=True
        )
    return sorted(wanted)
