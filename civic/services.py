"""Writes to platform models, kept out of views so every entry point shares them."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import names, permissions, signals
from .errors import CivicError
from .models import User
from .types import Account


def update_display_name(user: User, display_name: str) -> str:
    """Change the public name shown beside the user's contributions (civic.names decides what is allowed).

    Raises django.core.exceptions.ValidationError for a name that hides text or impersonates; after
    commit, display_name_changed lets indexes and caches that copy the name rebuild."""
    name = names.clean_display_name(display_name, user=user)
    if name == user.display_name:
        return name
    with transaction.atomic():
        user.display_name = name
        user.save(update_fields=["display_name"])
        user_id = user.pk
        transaction.on_commit(lambda: signals.display_name_changed.send(sender=type(user), user_id=user_id))
    return name


def suspend_user(*, moderator: Account, user: User, until: datetime | None, reason: str) -> User:
    """Stop an account contributing until a date; what it already wrote stays unless removed."""
    if not permissions.can_suspend(moderator):
        raise CivicError("Only moderators can suspend accounts.", code="forbidden")
    reason = " ".join((reason or "").split())
    if not reason:
        raise CivicError("Give a reason for the suspension.", code="invalid", field="reason")
    if until is None or until <= timezone.now():
        raise CivicError("The suspension must end in the future.", code="invalid", field="until")
    if not permissions.can_suspend_account(moderator, user):
        raise CivicError("You cannot suspend that account.", code="forbidden")
    with transaction.atomic():
        user.suspended_until = until
        user.suspension_reason = reason[:500]
        user.save(update_fields=["suspended_until", "suspension_reason"])
        transaction.on_commit(
            lambda: signals.account_changed.send(sender=type(user), user_id=user.pk, reason="suspended")
        )
        log(
            instance=user,
            action="civic.suspend",
            user=moderator,
            data={"until": until.isoformat(), "reason": reason[:500]},
        )
    return user


def lift_suspension(*, moderator: Account, user: User) -> User:
    """End a suspension early (the same people who may suspend the account)."""
    if not permissions.can_suspend_account(moderator, user):
        raise CivicError("You cannot lift that account's suspension.", code="forbidden")
    with transaction.atomic():
        user.suspended_until = None
        user.suspension_reason = ""
        user.save(update_fields=["suspended_until", "suspension_reason"])
        log(instance=user, action="civic.unsuspend", user=moderator, data={})
    return user
