"""Moderation and officer workflows: flags, decisions (one or many), official responses, pinned
and locked threads, responses entered on behalf of residents, and account suspension.

Every function checks permission, writes inside one transaction, logs to Wagtail's audit trail
and publishes live events after commit. Views, the admin and commands call these."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail.log_actions import log

from civic import names, ratelimit
from civic.permissions import is_verified
from search import indexing as search_indexing

from . import live, notifications
from .models import (
    Comment,
    ConsultationPage,
    Flag,
    ModerationDecision,
    ModerationReason,
    ProposalPage,
    Stance,
)
from .permissions import (
    can_moderate,
    can_respond_officially,
    moderated_consultations,
)
from .services import (
    ParticipationError,
    check_language,
    check_proposal_belongs,
    check_published,
    check_reachable,
    clean_comment_body,
)
from .summaries.services import comments_moderated

Decision = ModerationDecision.Decision
STATUS_FOR_DECISION = {
    Decision.APPROVE: Comment.Status.PUBLISHED,
    Decision.HIDE: Comment.Status.HIDDEN,
    Decision.REMOVE: Comment.Status.REMOVED,
}
MAX_NOTE = 1000
MAX_BULK = 500


def sla() -> timedelta:
    return timedelta(hours=settings.MODERATION_SLA_HOURS)


QUEUE_FIELDS = (
    "id",
    "body",
    "language",
    "stance",
    "status",
    "channel",
    "flag_count",
    "queued_at",
    "created_at",
    "is_official",
    "parent_id",
    "consultation__title",
    "proposal__title",
    "author__display_name",
    "organisation__name",
)


def queue_for(user):
    """Contributions waiting for review that this user may decide, oldest first."""
    # A list of ids (a council has tens of consultations) plans far better than a subquery.
    consultation_ids = list(moderated_consultations(user).values_list("pk", flat=True))
    return (
        Comment.objects.filter(needs_review=True, consultation_id__in=consultation_ids)
        .select_related("consultation", "proposal", "author", "organisation")
        .only(*QUEUE_FIELDS)  # pages are wide rows: fetch only what the queue shows
        .order_by("queued_at", "id")
    )


def queue_counts(user) -> dict[str, int]:
    """How many contributions wait for this user's decision and how many are past the target (one query)."""
    late = Q(queued_at__lt=timezone.now() - sla())
    counts = queue_for(user).order_by().aggregate(waiting=Count("id"), overdue=Count("id", filter=late))
    return {"waiting": counts["waiting"] or 0, "overdue": counts["overdue"] or 0}


# Residents ---------------------------------------------------------------------------------


def flag_comment(*, user, comment: Comment, reason: str, note: str = "", session=None) -> Flag:
    """Record a resident's report; enough reports hide the comment until a moderator decides."""
    check_reachable(user, comment.proposal or comment.consultation, session=session)
    if not getattr(user, "is_authenticated", False):
        raise ParticipationError("Sign in to report a comment.", code="forbidden")
    if not is_verified(user) or user.is_suspended:
        raise ParticipationError("Your account cannot report comments at the moment.", code="forbidden")
    if reason not in ModerationReason.values:
        raise ParticipationError(
            "Choose a reason for reporting this comment.", code="invalid", field="reason"
        )
    if comment.status != Comment.Status.PUBLISHED:
        raise ParticipationError("This comment is already with the moderators.", code="invalid")
    if comment.author_id == user.pk:
        raise ParticipationError("You cannot report your own comment.", code="invalid")
    note = " ".join((note or "").split())[:500]
    try:
        ratelimit.hit("flag", str(user.pk))
    except ratelimit.RateLimited as exc:
        raise ParticipationError(str(exc), code="rate_limited") from exc
    with transaction.atomic():
        locked = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
        if Flag.objects.filter(comment=locked, user=user).exists():
            raise ParticipationError("You have already reported this comment. Thank you.", code="duplicate")
        flag = Flag.objects.create(comment=locked, user=user, reason=reason, note=note)
        locked.flag_count = F("flag_count") + 1
        if not locked.needs_review:
            locked.needs_review = True
            locked.queued_at = timezone.now()
            locked.sla_alerted = False
        locked.save(update_fields=["flag_count", "needs_review", "queued_at", "sla_alerted", "updated_at"])
        locked.refresh_from_db(fields=["flag_count"])
        if (
            locked.flag_count >= locked.consultation.flag_threshold
            and locked.status == Comment.Status.PUBLISHED
        ):
            locked.status = Comment.Status.HIDDEN
            locked.save(update_fields=["status", "updated_at"])
            live.status_changed(locked, Comment.Status.PUBLISHED)
            search_indexing.schedule(locked)
            comments_moderated([locked.pk])
            log(
                instance=locked,
                action="civic.flag_threshold",
                user=None,
                data={"flags": locked.flag_count, "consultation": locked.consultation_id},
            )
    return flag


# Moderators --------------------------------------------------------------------------------


def decide(
    *, moderator, comment_ids, decision: str, reason: str = "", note: str = "", expected_queue: bool = True
) -> list[ModerationDecision]:
    """Apply one decision to one or many contributions, all or nothing.

    Refuses (changing nothing) if any id is unknown, outside the moderator's organisations, or
    already decided by someone else since the moderator looked."""
    if decision not in Decision.values:
        raise ParticipationError("Choose approve, hide or remove.", code="invalid", field="decision")
    if decision != Decision.APPROVE and reason not in ModerationReason.values:
        raise ParticipationError("Choose a reason for hiding or removing.", code="invalid", field="reason")
    if reason and reason not in ModerationReason.values:
        raise ParticipationError("Choose a reason from the list.", code="invalid", field="reason")
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ParticipationError(f"Keep the note under {MAX_NOTE} characters.", code="invalid", field="note")
    ids = sorted({int(pk) for pk in comment_ids})
    if not ids:
        raise ParticipationError("Select at least one contribution.", code="invalid", field="comments")
    if len(ids) > MAX_BULK:
        raise ParticipationError(f"Decide at most {MAX_BULK} at a time.", code="invalid", field="comments")
    new_status = STATUS_FOR_DECISION[decision]
    decisions = []
    with transaction.atomic():
        comments = list(
            Comment.objects.select_for_update(of=("self",))
            .select_related("consultation", "author")
            .filter(pk__in=ids)
            .order_by("pk")
        )
        if len(comments) != len(ids):
            raise ParticipationError(
                "Some of those contributions no longer exist. Nothing was changed.", code="stale"
            )
        allowed = set(
            moderated_consultations(moderator)
            .filter(pk__in={c.consultation_id for c in comments})
            .values_list("pk", flat=True)
        )
        foreign = [c.pk for c in comments if c.consultation_id not in allowed]
        if foreign:
            raise ParticipationError(
                "You cannot moderate some of those contributions. Nothing was changed.", code="forbidden"
            )
        stale = [c.pk for c in comments if expected_queue and not c.needs_review]
        if stale:
            raise ParticipationError(
                f"{len(stale)} of those contributions were decided by someone else meanwhile. "
                "Nothing was changed: reload the queue.",
                code="stale",
            )
        now = timezone.now()
        for comment in comments:
            previous = comment.status
            comment.status = new_status
            comment.needs_review = False
            comment.queued_at = None
            comment.save(update_fields=["status", "needs_review", "queued_at", "updated_at"])
            decisions.append(
                ModerationDecision(
                    comment=comment,
                    consultation_id=comment.consultation_id,
                    moderator=moderator,
                    decision=decision,
                    reason=reason,
                    note=note,
                    previous_status=previous,
                    created_at=now,
                )
            )
            log(
                instance=comment,
                action=f"civic.moderate.{decision}",
                user=moderator,
                data={
                    "reason": reason,
                    "note": note,
                    "previous_status": previous,
                    "consultation": comment.consultation_id,
                },
            )
            live.status_changed(comment, previous)
            search_indexing.schedule(comment)
            if previous == Comment.Status.PENDING and new_status == Comment.Status.PUBLISHED:
                notifications.reply_published(comment)  # a held reply reaches its parent's author now
        ModerationDecision.objects.bulk_create(decisions)
        comments_moderated(ids)
        author_ids = [c.pk for c in comments if c.author_id and c.channel == Comment.Channel.ONLINE]
        if author_ids:
            from .tasks import notify_authors_of_decision

            transaction.on_commit(
                lambda: _enqueue(notify_authors_of_decision, author_ids, decision, reason, note)
            )
    return decisions


def _enqueue(task, *args):
    try:
        task.enqueue(*args)
    except Exception:  # noqa: BLE001 - a queue outage must not undo a decision already made
        import logging

        logging.getLogger(__name__).warning("moderation: could not queue %s", task, exc_info=True)


# Officers ----------------------------------------------------------------------------------


def post_official_response(
    *,
    officer,
    consultation: ConsultationPage,
    body: str,
    proposal: ProposalPage | None = None,
    parent: Comment | None = None,
    pinned: bool = False,
    language: str | None = None,
) -> Comment:
    """An officer answers as their organisation; the response is marked and may be pinned."""
    if not can_respond_officially(officer, consultation):
        raise ParticipationError(
            "Only officers of the organisations running this consultation can respond officially.",
            code="forbidden",
        )
    if not officer.organisation_id:
        raise ParticipationError("Your account has no organisation to respond for.", code="forbidden")
    text = clean_comment_body(body)
    language = check_language(language)
    check_proposal_belongs(proposal, consultation)
    if parent is not None:
        if parent.consultation_id != consultation.pk:
            raise ParticipationError("You can only reply to a comment on this page.", code="mismatch")
        parent = parent if parent.parent_id is None else parent.parent
        proposal = parent.proposal
    check_published(proposal or consultation)
    with transaction.atomic():
        comment = Comment.objects.create(
            consultation=consultation,
            proposal=proposal,
            parent=parent,
            author=officer,
            organisation_id=officer.organisation_id,
            is_official=True,
            pinned=pinned and parent is None,
            body=text,
            language=language,
            stance=Stance.NEUTRAL,
            status=Comment.Status.PUBLISHED,
        )
        comment = Comment.objects.select_related("organisation", "consultation").get(pk=comment.pk)
        live.record(
            consultation.pk,
            live.OFFICIAL_RESPONSE,
            html=live.comment_html(comment),
            data=live.comment_data(comment),
        )
        search_indexing.schedule(comment)
        notifications.official_response_posted(comment)
        log(
            instance=comment,
            action="civic.official_response",
            user=officer,
            data={"consultation": consultation.pk},
        )
    return comment


def set_thread_flags(
    *, officer, comment: Comment, pinned: bool | None = None, locked: bool | None = None
) -> Comment:
    """Pin a response to the top, or lock a thread against further replies."""
    if not can_moderate(officer, comment.consultation):
        raise ParticipationError("You cannot manage threads in this consultation.", code="forbidden")
    if comment.parent_id is not None:
        raise ParticipationError("Only a whole thread can be pinned or locked.", code="invalid")
    with transaction.atomic():
        fields = []
        if pinned is not None:
            comment.pinned = pinned
            fields.append("pinned")
        if locked is not None:
            comment.locked = locked
            fields.append("locked")
        comment.save(update_fields=[*fields, "updated_at"])
        if comment.status == Comment.Status.PUBLISHED:
            live.comment_updated(comment)
        log(
            instance=comment,
            action="civic.thread",
            user=officer,
            data={"pinned": comment.pinned, "locked": comment.locked},
        )
    return comment


def enter_on_behalf(
    *,
    officer,
    consultation: ConsultationPage,
    body: str,
    channel: str,
    stance: str = Stance.NEUTRAL,
    proposal: ProposalPage | None = None,
    respondent_name: str = "",
    respondent_postcode: str = "",
    consent: bool = False,
    language: str | None = None,
) -> Comment:
    """Type in a response received on paper, by phone or at an event (assisted digital)."""
    if not can_moderate(officer, consultation):
        raise ParticipationError("You cannot enter responses for this consultation.", code="forbidden")
    if channel not in (Comment.Channel.PAPER, Comment.Channel.PHONE, Comment.Channel.EVENT):
        raise ParticipationError("Choose paper, phone or event.", code="invalid", field="channel")
    if not consent:
        raise ParticipationError(
            "Record that the resident agreed to their response being used.", code="invalid", field="consent"
        )
    if stance not in Stance.values:
        raise ParticipationError("Choose a valid stance.", code="invalid", field="stance")
    check_proposal_belongs(proposal, consultation)
    check_published(proposal or consultation)
    text = clean_comment_body(body)
    language = check_language(language)
    try:
        respondent = names.clean_private_name(respondent_name, max_length=120)
    except ValidationError as exc:
        raise ParticipationError(exc.messages[0], code="invalid", field="respondent_name") from exc
    postcode = " ".join((respondent_postcode or "").upper().split())[:10]
    with transaction.atomic():
        comment = Comment.objects.create(
            consultation=consultation,
            proposal=proposal,
            author=None,
            entered_by=officer,
            channel=channel,
            body=text,
            language=language,
            stance=stance,
            status=Comment.Status.PUBLISHED,
            respondent_name=respondent,
            respondent_postcode=postcode,
            consent_recorded=True,
        )
        live.comment_posted(comment)
        search_indexing.schedule(comment)
        log(
            instance=comment,
            action="civic.assisted_entry",
            user=officer,
            data={"channel": channel, "consultation": consultation.pk},
        )
    return comment


# Public account of moderation --------------------------------------------------------------


def public_log(consultation: ConsultationPage) -> dict:
    """Counts by decision and by reason; no names, no text, nothing personal."""
    from django.db.models import Count

    rows = (
        ModerationDecision.objects.filter(consultation=consultation)
        .values_list("decision", "reason")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_decision: dict[str, int] = {}
    by_reason: dict[str, int] = {}
    for decision, reason, n in rows:
        by_decision[decision] = by_decision.get(decision, 0) + n
        if decision != Decision.APPROVE and reason:
            by_reason[reason] = by_reason.get(reason, 0) + n
    return {
        "decisions": [(Decision(d).label, by_decision.get(d, 0)) for d in Decision.values],
        "reasons": sorted(
            ((ModerationReason(r).label, n) for r, n in by_reason.items()), key=lambda item: -item[1]
        ),
        "total": sum(by_decision.values()),
        "waiting": Comment.objects.filter(consultation=consultation, needs_review=True).count(),
        "flags": Flag.objects.filter(comment__consultation=consultation).count(),
    }


def overdue(queryset):
    return queryset.filter(queued_at__lt=timezone.now() - sla())


def waiting_filter(state: str):
    """Queue filters: pending (pre-moderation) or flagged contributions."""
    if state == "pending":
        return Q(status=Comment.Status.PENDING)
    if state == "flagged":
        return Q(flag_count__gt=0)
    return Q()
