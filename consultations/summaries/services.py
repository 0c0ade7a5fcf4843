"""Writes for summaries: storing computed themes, officers' edits, responses and notifications."""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import pagecache
from civic.errors import CivicError
from civic.models import User
from civic.pages import public_pages

from ..models import Comment, CommentQuerySet, ConsultationPage, ProposalPage, Vote
from ..notifications import response_published
from .models import FeedbackResponse, Theme, ThemeMembership, ThemeRun
from .themes import OTHER_LABEL, ThemeDraft, ThemeResult, _pick_quotes, compute_themes, phrase_label

if TYPE_CHECKING:
    from allauth.account.models import EmailAddress


class SummaryError(CivicError):
    """An officer's edit was refused; the message is safe to show."""


def public_proposal_ids(consultation: ConsultationPage) -> list[int]:
    """The consultation's proposals anyone may read (drafts and restricted ones left out)."""
    cached: list[int] | None = getattr(consultation, "_public_proposal_ids", None)
    if cached is None:  # asked several times while one summary is built
        cached = list(public_pages(ProposalPage.objects.child_of(consultation)).values_list("id", flat=True))
        consultation._public_proposal_ids = cached
    return cached


def summarised_comments(consultation: ConsultationPage) -> CommentQuerySet:
    """The contributions a summary covers: published comments and replies on the consultation
    and its public proposals (a draft or restricted proposal's comments stay out of every export)."""
    return Comment.objects.visible().filter(
        Q(proposal__isnull=True) | Q(proposal_id__in=public_proposal_ids(consultation)),
        consultation=consultation,
    )


def request_themes(consultation: ConsultationPage) -> ThemeRun:
    """Mark themes as being prepared and queue the computation once the transaction commits."""
    from .tasks import compute_themes_task

    with transaction.atomic():
        run, _created = ThemeRun.objects.update_or_create(
            consultation=consultation,
            defaults={"status": ThemeRun.Status.QUEUED, "requested_at": timezone.now(), "error": ""},
        )
        transaction.on_commit(lambda: compute_themes_task.enqueue(consultation.pk))
    return run


def build_themes(consultation_id: int) -> ThemeRun:
    """Compute themes and replace the stored ones (what the background task runs)."""
    consultation = ConsultationPage.objects.get(pk=consultation_id)
    run, _created = ThemeRun.objects.get_or_create(consultation=consultation)
    ThemeRun.objects.filter(pk=run.pk).update(status=ThemeRun.Status.RUNNING)
    from ..surveys.themes import free_text_answers  # surveys import summaries

    try:
        rows = list(summarised_comments(consultation).order_by("id").values_list("id", "body"))
        # Free-text survey answers join the comments under negative ids (comments' ids are positive).
        answers = free_text_answers(consultation)
        answer_keys = {-(i + 1): key for i, (key, _text) in enumerate(answers)}
        result = compute_themes(rows + [(-(i + 1), text) for i, (_key, text) in enumerate(answers)])
        save_themes(consultation, result, answer_keys)
    except Exception as exc:
        ThemeRun.objects.filter(pk=run.pk).update(
            status=ThemeRun.Status.FAILED, finished_at=timezone.now(), error=str(exc)[:500]
        )
        raise
    ThemeRun.objects.filter(pk=run.pk).update(
        status=ThemeRun.Status.READY, finished_at=timezone.now(), comment_count=len(rows), error=""
    )
    run.refresh_from_db()
    return run


def _memberships(theme: Theme, draft: ThemeDraft) -> list[ThemeMembership]:
    ranks = {cid: rank for rank, cid in enumerate(draft.quotes, start=1)}
    return [
        ThemeMembership(comment_id=cid, theme=theme, weight=weight, quote_rank=ranks.get(cid))
        for cid, weight in draft.members
        if cid > 0  # negative ids are survey answers
    ]


RENAME_KEPT_OVERLAP = 0.5  # a new theme sharing at least this share of comments keeps an officer's name


def _officer_names(consultation: ConsultationPage, result: ThemeResult) -> dict[int, str]:
    """Officers' own theme names carried to the recomputed theme that holds mostly the same
    comments (by id() of the draft); each name goes to one theme at most."""
    renamed = {
        pk: label
        for pk, label, machine in Theme.objects.filter(consultation=consultation, is_other=False).values_list(
            "pk", "label", "machine_label"
        )
        if label != machine
    }
    if not renamed:
        return {}
    old: dict[int, set[int]] = {pk: set() for pk in renamed}
    for theme_id, comment_id in ThemeMembership.objects.filter(theme_id__in=renamed).values_list(
        "theme_id", "comment_id"
    ):
        old[theme_id].add(comment_id)
    pairs = []
    for draft in result.themes:
        new = {cid for cid in draft.ids if cid > 0}
        for pk, members in old.items():
            overlap = len(new & members) / max(len(new | members), 1)
            if overlap >= RENAME_KEPT_OVERLAP:
                pairs.append((-overlap, pk, id(draft)))
    names: dict[int, str] = {}
    used: set[int] = set()
    for _overlap, pk, draft_id in sorted(pairs):
        if pk not in used and draft_id not in names:
            names[draft_id] = renamed[pk]
            used.add(pk)
    return names


@transaction.atomic
def save_themes(
    consultation: ConsultationPage, result: ThemeResult, answer_keys: dict[int, tuple[int, str]] | None = None
) -> list[Theme]:
    """Replace a consultation's themes with a fresh computation; an officer's name for a theme
    stays on the new theme that holds mostly the same comments (sign-offs start over).

    answer_keys maps the negative ids of free-text survey answers to (response id, question id)."""
    names = _officer_names(consultation, result)
    Theme.objects.filter(consultation=consultation).delete()
    themes: list[Theme] = []
    rows: list[ThemeMembership] = []
    for position, draft in enumerate([*result.themes, result.other]):
        theme = Theme.objects.create(
            consultation=consultation,
            label=names.get(id(draft), draft.label),
            machine_label=draft.label,
            key_terms=draft.terms,
            is_other=draft.is_other,
            position=position,
        )
        themes.append(theme)
        rows.extend(_memberships(theme, draft))
    ThemeMembership.objects.bulk_create(rows, batch_size=2000)
    if answer_keys:
        from ..surveys.themes import save_memberships  # surveys import summaries

        answers = []
        for theme, draft in zip(themes, [*result.themes, result.other], strict=True):
            ranks = {cid: rank for rank, cid in enumerate(draft.quotes, start=1)}
            answers += [
                (theme.pk, answer_keys[i], w, ranks.get(i)) for i, w in draft.members if i in answer_keys
            ]
        save_memberships(answers)
    return themes


def _comment_texts(theme: Theme, *, published_only: bool = False) -> list[tuple[int, str, float]]:
    memberships = theme.memberships.all()
    if published_only:
        memberships = memberships.filter(comment__status=Comment.Status.PUBLISHED)
    return list(
        memberships.order_by("-weight", "comment_id").values_list("comment_id", "comment__body", "weight")
    )


WORD = re.compile(r"\w+")


def _keep_terms(terms: list[str], texts: list[str]) -> list[str]:
    """Key terms still said by some published comment: a withdrawn comment's words go with it."""
    words = {w for text in texts for w in WORD.findall(text.lower())}
    return [term for term in terms if set(WORD.findall(term.lower())) <= words]


def comments_moderated(comment_ids: Iterable[int]) -> None:
    """After comments are hidden, removed or approved again: quotes come only from published
    comments, key terms keep only words some published comment still says, and machine labels are
    phrased again from the published comments alone.

    Called in the moderation transaction, so a withdrawn comment's text leaves the summary, its
    PDF and printable report as the decision is stored. Officers' own theme names are kept."""
    for theme in Theme.objects.filter(memberships__comment_id__in=list(comment_ids)).distinct():
        _requote(theme)
        rows = _comment_texts(theme, published_only=True)
        kept = _keep_terms(theme.key_terms, [body for _cid, body, _w in rows])
        machine = theme.machine_label
        if not theme.is_other:
            machine = phrase_label([(body, weight) for _cid, body, weight in rows], kept)
        if kept == theme.key_terms and machine == theme.machine_label:
            continue
        if theme.label == theme.machine_label:  # not renamed by an officer: follows the machine
            theme.label = machine
        theme.key_terms = kept
        theme.machine_label = machine
        theme.save(update_fields=["key_terms", "machine_label", "label"])


def _requote(theme: Theme) -> None:
    """Choose the theme's quotes again from its own published members, strongest first."""
    rows = _comment_texts(theme, published_only=True)
    quotes = _pick_quotes([(cid, w) for cid, _body, w in rows], {cid: body for cid, body, _w in rows})
    theme.memberships.update(quote_rank=None)
    for rank, cid in enumerate(quotes, start=1):
        ThemeMembership.objects.filter(theme=theme, comment_id=cid).update(quote_rank=rank)


@transaction.atomic
def rename_theme(theme: Theme, label: str) -> Theme:
    """An officer's own words for a theme; it stays machine-suggested until signed off."""
    label = " ".join((label or "").split())
    if not label:
        raise SummaryError(_("Enter a name for the theme."))
    theme.label = label[:200]
    theme.save(update_fields=["label"])
    return theme


@transaction.atomic
def merge_themes(target: Theme, source: Theme) -> Theme:
    """Move every comment of source into target; the merged theme needs signing off again."""
    if source.pk == target.pk:
        raise SummaryError(_("A theme cannot be merged into itself. Choose a different theme."))
    if source.consultation_id != target.consultation_id:
        raise SummaryError(_("Both themes must belong to the same consultation."))
    source.memberships.update(theme=target, quote_rank=None)
    source.survey_answers.update(theme=target, quote_rank=None)
    source.delete()
    target.signed_off_at = None
    target.signed_off_by = None
    target.save(update_fields=["signed_off_at", "signed_off_by"])
    _requote(target)
    return target


@transaction.atomic
def split_theme(theme: Theme) -> tuple[Theme, Theme]:
    """Split a theme in two by clustering its own comments again; both halves need signing off."""
    rows = _comment_texts(theme)
    if len(rows) < 4:
        raise SummaryError(_("A theme needs at least 4 comments to be split."))
    result = compute_themes([(cid, body) for cid, body, _w in rows], k=2, fold_small=False)
    groups = [draft for draft in result.themes if draft.members]
    if len(groups) < 2:
        raise SummaryError(_("These comments are too alike to split automatically."))
    keep, move = groups[0], groups[1]
    last = Theme.objects.filter(consultation_id=theme.consultation_id).aggregate(m=Max("position"))["m"]
    new = Theme.objects.create(
        consultation_id=theme.consultation_id,
        label=move.label,
        machine_label=move.label,
        key_terms=move.terms,
        is_other=False,
        position=(last or 0) + 1,
    )
    moved = set(move.ids)
    theme.memberships.filter(comment_id__in=moved).update(theme=new, quote_rank=None)
    for extra in result.other.ids:  # compute_themes(fold_small=False) leaves only wordless ones here
        theme.memberships.filter(comment_id=extra).update(quote_rank=None)
    theme.signed_off_at = None
    theme.signed_off_by = None
    if theme.label == theme.machine_label and not theme.is_other:
        theme.label = theme.machine_label = keep.label
        theme.key_terms = keep.terms
    theme.save()
    _requote(theme)
    _requote(new)
    return theme, new


@transaction.atomic
def sign_off_theme(theme: Theme, officer: User) -> Theme:
    """An officer has read the theme and vouches for its name and contents."""
    theme.signed_off_at = timezone.now()
    theme.signed_off_by = officer
    theme.save(update_fields=["signed_off_at", "signed_off_by"])
    return theme


@transaction.atomic
def withdraw_sign_off(theme: Theme) -> Theme:
    theme.signed_off_at = None
    theme.signed_off_by = None
    theme.save(update_fields=["signed_off_at", "signed_off_by"])
    return theme


def publish_response(
    *,
    consultation: ConsultationPage,
    officer: User,
    you_said: str,
    we_did: str,
    theme: Theme | None = None,
    proposal: ProposalPage | None = None,
) -> FeedbackResponse:
    """Publish 'you said, we did' and email the residents it answers once it is saved."""
    from .tasks import notify_followers_task, notify_response_task

    you_said, we_did = (you_said or "").strip(), (we_did or "").strip()
    if not you_said or not we_did:
        raise SummaryError(_("Say what residents said and what the council will do."))
    if theme is not None and theme.consultation_id != consultation.pk:
        raise SummaryError(_("That theme is not part of this consultation."))
    if proposal is not None and proposal.consultation.pk != consultation.pk:
        raise SummaryError(_("That proposal is not part of this consultation."))
    with transaction.atomic():
        response = FeedbackResponse.objects.create(
            consultation=consultation,
            theme=theme,
            proposal=proposal,
            you_said=you_said,
            we_did=we_did,
            created_by=officer,
        )
        pagecache.bump_on_commit(pagecache.consultation_scope(consultation.pk))  # shown on its page
        transaction.on_commit(lambda: notify_response_task.enqueue(response.pk))
        # Followers hear too, from a task: thousands of rows must not hold up the officer's request.
        transaction.on_commit(lambda: notify_followers_task.enqueue(response.pk))
    return response


def tell_followers(response: FeedbackResponse) -> int:
    """Notify the followers of what a response answers; those its own email reaches (participants)
    see it on their account page only, so nobody gets two emails."""
    participants = set(response_recipients(response).values_list("user_id", flat=True))
    with transaction.atomic():
        return response_published(response, already_emailed=participants)


def response_recipients(response: FeedbackResponse) -> "QuerySet[EmailAddress]":
    """Active residents with a confirmed email who took part in what the response answers."""
    from allauth.account.models import EmailAddress

    comments = Comment.objects.visible().filter(consultation_id=response.consultation_id)
    if response.theme_id:
        took_part = Q(
            user_id__in=comments.filter(theme_membership__theme_id=response.theme_id).values("author_id")
        )
    elif response.proposal_id:
        took_part = Q(user_id__in=comments.filter(proposal_id=response.proposal_id).values("author_id")) | Q(
            user_id__in=Vote.objects.filter(proposal_id=response.proposal_id).values("user_id")
        )
    else:
        proposals = _proposal_ids(response.consultation)
        took_part = Q(user_id__in=comments.values("author_id")) | Q(
            user_id__in=Vote.objects.filter(proposal_id__in=proposals).values("user_id")
        )
    recipients: QuerySet[EmailAddress] = (
        EmailAddress.objects.filter(took_part, verified=True, primary=True, user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    )
    return recipients


def _proposal_ids(consultation: ConsultationPage) -> list[int]:
    return list(ProposalPage.objects.child_of(consultation).values_list("id", flat=True))


__all__ = [
    "OTHER_LABEL",
    "SummaryError",
    "build_themes",
    "merge_themes",
    "publish_response",
    "rename_theme",
    "request_themes",
    "sign_off_theme",
    "split_theme",
]
