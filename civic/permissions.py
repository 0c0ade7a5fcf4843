"""Permission predicates every feature shares: the Decision shape and who may take part at all."""

from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import roles


@dataclass(frozen=True)
class Decision:
    """An answer with the reason a person is shown when the answer is no."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)


def is_verified(user: Any) -> bool:
    """True when the user has confirmed an email address (cached for the request)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached: bool | None = getattr(user, "_civic_verified", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._civic_verified = cached
    return cached


TAKE_PART = gettext_lazy("take part")


def may_take_part(user: Any, *, to: "str | Promise" = TAKE_PART) -> Decision:
    """Signed in, active, unsuspended and with a confirmed email: the one rule before anyone comments,
    votes or reports a problem. `to` finishes the reasons ("... to report a problem")."""
    if not getattr(user, "is_authenticated", False):
        return Decision(False, _("Sign in or create an account to %(action)s.") % {"action": to})
    if not user.is_active:
        return Decision(False, _("This account is not active."))
    if user.is_suspended:
        until = formats.date_format(user.suspended_until, "j F Y")
        return Decision(False, _("Your account is suspended until %(date)s.") % {"date": until})
    if not is_verified(user):
        return Decision(
            False, _("Confirm your email address to %(action)s. Check your inbox.") % {"action": to}
        )
    return ALLOWED


def can_suspend(user: Any) -> bool:
    """Moderators (with a second factor) and administrators suspend accounts at all."""
    return bool(getattr(user, "is_authenticated", False)) and (
        roles.is_admin(user) or roles.has_role(user, roles.MODERATOR)
    )


def can_suspend_account(user: Any, account: Any) -> bool:
    """Moderators suspend residents and staff of their own organisation; administrators anyone
    but another administrator. Nobody suspends themselves."""
    if not can_suspend(user) or account.pk == user.pk or account.is_superuser:
        return False
    if roles.is_admin(user):
        return True
    if not roles.is_staff_member(account):
        return True
    return bool(user.organisation_id) and account.organisation_id == user.organisation_id


def can_erase_account(user: Any, account: Any) -> bool:
    """People close their own account; administrators (with a second factor) carry out an erasure
    request for someone else."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.pk == account.pk or roles.is_admin(user))


def can_carry_out_erasure_requests(user: Any) -> bool:
    """The admin's erasure-request screens: administrators with a second factor only."""
    return roles.is_admin(user)


def is_deactivated_not_erased(account: Any) -> bool:
    """Staff and councillors' accounts are kept (deactivated) so the audit trail names who acted."""
    return roles.is_staff_member(account) or roles.COUNCILLOR in roles.account_role_names(account)
