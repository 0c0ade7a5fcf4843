"""Who may do what with consultations: every view, consumer, template and API asks here."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.utils import formats
from wagtail.models import PagePermissionTester, PageViewRestriction

from civic import roles

from .models import State


@dataclass(frozen=True)
class Decision:
    """An answer with the reason a person is shown when the answer is no."""

    allowed: bool
    reason: str = ""

    def __bool__(self):
        return self.allowed


ALLOWED = Decision(True)


def is_verified(user) -> bool:
    """True when the user has confirmed an email address (cached for the request)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_civic_verified", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._civic_verified = cached
    return cached


def can_manage_consultation(user, consultation) -> bool:
    """Officers and moderators of the lead or a partner organisation, and administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    if roles.is_admin(user):
        return True
    if not roles.role_names(user) & roles.STAFF_ROLES or not user.organisation_id:
        return False
    return user.organisation_id in consultation.organisation_ids()


def can_view_consultation(user, consultation) -> bool:
    """Published, unrestricted consultations are public; drafts only to those who manage them."""
    if can_manage_consultation(user, consultation):
        return True
    if not consultation.live:
        return False
    restricted = PageViewRestriction.objects.filter(
        page__path__in=[consultation.path[:i] for i in range(4, len(consultation.path) + 1, 4)]
    ).exists()
    return not restricted


def can_contribute(user, consultation) -> Decision:
    """Signed-in, verified, unsuspended people may take part while a consultation is open."""
    if not getattr(user, "is_authenticated", False):
        return Decision(False, "Sign in or create an account to take part.")
    if not user.is_active:
        return Decision(False, "This account is not active.")
    if user.is_suspended:
        until = formats.date_format(user.suspended_until, "j F Y")
        return Decision(False, f"Your account is suspended until {until}.")
    if not is_verified(user):
        return Decision(False, "Confirm your email address to take part. Check your inbox.")
    if not consultation.live:
        return Decision(False, "This consultation is not published.")
    state = consultation.state
    if state == State.UPCOMING:
        opens = formats.date_format(consultation.opens_at, "j F Y")
        return Decision(False, f"This consultation opens on {opens}.")
    if state == State.CLOSED:
        closed = formats.date_format(consultation.closes_at, "j F Y")
        return Decision(False, f"This consultation closed on {closed}. Responses are no longer accepted.")
    return ALLOWED


def can_comment(user, consultation) -> Decision:
    return can_contribute(user, consultation)


def can_vote(user, proposal) -> Decision:
    return can_contribute(user, proposal.consultation)


def can_see_comment(user, comment) -> bool:
    """Published comments are public; authors see their own pending ones; managers see all."""
    from .models import Comment

    if comment.status == Comment.Status.PUBLISHED:
        return True
    if getattr(user, "is_authenticated", False) and comment.author_id == user.pk:
        return comment.status == Comment.Status.PENDING
    return can_manage_consultation(user, comment.consultation)


class OrganisationPagePermissionTester(PagePermissionTester):
    """Wagtail page permissions, narrowed to officers of the owning organisations."""

    def _owns(self) -> bool:
        if roles.is_admin(self.user):
            return True
        return can_manage_consultation(self.user, self.page.specific_deferred.consultation)

    def can_edit(self):
        return self._owns() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._owns() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self._owns() and super().can_publish()

    def can_unpublish(self):
        return self._owns() and super().can_unpublish()

    def can_add_subpage(self):
        return self._owns() and super().can_add_subpage()

    def can_publish_subpage(self):
        return self._owns() and super().can_publish_subpage()

    def can_submit_for_moderation(self):
        return self._owns() and super().can_submit_for_moderation()

    def can_lock(self):
        return self._owns() and super().can_lock()

    def can_move(self):
        return self._owns() and super().can_move()
