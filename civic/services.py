"""Writes to platform models, kept out of views so every entry point shares them."""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from . import brand, emails, names, permissions, personal_data, ratelimit, signals
from .errors import CivicError
from .links import absolute
from .models import ParticipantProfile, User
from .types import Account

FORMER_PARTICIPANT = "Former participant"  # how an erased account's kept contributions are attributed
CLOSE_ACCOUNT_ATTEMPTS = "5/h"  # tries at the password on the delete-my-account page


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
        raise CivicError(_("Only moderators can suspend accounts."), code="forbidden")
    reason = " ".join((reason or "").split())
    if not reason:
        raise CivicError(_("Give a reason for the suspension."), code="invalid", field="reason")
    if until is None or until <= timezone.now():
        raise CivicError(_("The suspension must end in the future."), code="invalid", field="until")
    if not permissions.can_suspend_account(moderator, user):
        raise CivicError(_("You cannot suspend that account."), code="forbidden")
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
        raise CivicError(_("You cannot lift that account's suspension."), code="forbidden")
    with transaction.atomic():
        user.suspended_until = None
        user.suspension_reason = ""
        user.save(update_fields=["suspended_until", "suspension_reason"])
        log(instance=user, action="civic.unsuspend", user=moderator, data={})
    return user


def erase_account(*, actor: Account, user: User, password: str = "", via: str = "") -> str:
    """Close an account at its owner's request (password re-entered) or an administrator's (logged).

    A resident's account is erased: each feature unlinks what it keeps (kept contributions read
    "Former participant"), then the account row and everything that only it owns (emails,
    authenticators, equality details, saved searches) are deleted. Staff and councillors are
    deactivated instead, so the audit trail still names who acted. `via` says where an administrator
    acted ("admin", "command"; logged). Returns "erased" or "deactivated"."""
    if not permissions.can_erase_account(actor, user):
        raise CivicError(_("You cannot close that account."), code="forbidden")
    by_owner = getattr(actor, "pk", None) == user.pk
    if by_owner:
        check_current_password(user, password)
    return _close(actor=actor, user=user, by_owner=by_owner, via=via)


def check_current_password(user: User, password: str) -> None:
    """The owner's confirmation step: a session left open must not guess its way to closing the account."""
    try:
        ratelimit.hit("close-account", str(user.pk), CLOSE_ACCOUNT_ATTEMPTS)
    except ratelimit.RateLimited as exc:
        raise CivicError(str(exc), code="rate_limited", field="password") from exc
    if not user.check_password(password or ""):
        raise CivicError(_("Enter your current password."), code="invalid", field="password")


def _close(*, actor: Account, user: User, by_owner: bool, via: str = "") -> str:
    user_id = user.pk
    administrator = None if by_owner else actor
    data: dict[str, object] = {"by_owner": by_owner, **({"via": via} if via else {})}
    with transaction.atomic():
        if permissions.is_deactivated_not_erased(user):
            user.is_active = False
            user.save(update_fields=["is_active"])
            ParticipantProfile.objects.filter(user=user).delete()  # equality details go either way
            log(instance=user, action="civic.deactivate", user=actor, data=data)
            outcome = "deactivated"
        else:
            _erase(user, administrator=administrator, data=data)
            outcome = "erased"
        transaction.on_commit(
            lambda: signals.account_changed.send(sender=User, user_id=user_id, reason="deactivated")
        )
    return outcome


# Delete my account, confirmed by an emailed link -----------------------------------------------

ERASURE_LINK_SALT = "civic.close-account"


def _account_state(user: User) -> str:
    """Changes when the password changes or the account is deactivated: older links stop working."""
    return salted_hmac(
        ERASURE_LINK_SALT, f"{user.pk}:{user.password}:{user.is_active}", algorithm="sha256"
    ).hexdigest()[:20]


def erasure_token(user: User) -> str:
    """The signed value in the emailed link that confirms closing an account (its age is checked later)."""
    return signing.TimestampSigner(salt=ERASURE_LINK_SALT).sign(f"{user.pk}:{_account_state(user)}")


def send_erasure_link(*, user: User, password: str) -> None:
    """Delete my account, step one: the password is right, so email the link that confirms it (it
    works once, for ACCOUNT_ERASURE_LINK_HOURS, and only for this account)."""
    check_current_password(user, password)
    if not user.email:
        raise CivicError(_("Your account has no email address to send the link to."), code="invalid")
    with emails.in_language(user):
        url = absolute(reverse("confirm_close_account", args=[erasure_token(user)]))
        body = render_to_string(
            "civic/email/close_account.txt",
            {
                "name": user.public_name,
                "url": url,
                "hours": settings.ACCOUNT_ERASURE_LINK_HOURS,
                "site_name": brand.for_default_site().site_name,
                "deactivated": permissions.is_deactivated_not_erased(user),
            },
        )
        emails.build(_("Confirm that you want to delete your account"), body, [user.email]).send()


def account_for_erasure_token(token: str) -> User:
    """The account an emailed link would close; refuses a link that is forged, used or expired."""
    signer = signing.TimestampSigner(salt=ERASURE_LINK_SALT)
    try:
        user_id, _sep, state = signer.unsign(token).partition(":")
        account = User.objects.filter(pk=int(user_id)).first()
    except (signing.BadSignature, ValueError):
        raise CivicError(
            _("This link does not work: it is incomplete or has been changed."), code="invalid"
        ) from None
    if account is None or not account.is_active:
        raise CivicError(_("This link has already been used: the account is closed."), code="used")
    if state != _account_state(account):
        raise CivicError(
            _("This link no longer works: the account's password has changed since it was sent."), code="used"
        )
    try:
        signer.unsign(token, max_age=timedelta(hours=settings.ACCOUNT_ERASURE_LINK_HOURS))
    except signing.SignatureExpired:
        raise CivicError(
            _("This link has expired, so your account was not deleted."), code="expired"
        ) from None
    return account


def erase_by_link(*, user: User, token: str) -> str:
    """Delete my account, step two: the signed-in owner pressed the button the emailed link shows."""
    with transaction.atomic():
        account = account_for_erasure_token(token)
        if account.pk != user.pk:
            raise CivicError(_("This link is for a different account."), code="other_account")
        # Locked and checked again: two presses at once close the account once.
        locked = User.objects.select_for_update().filter(pk=account.pk, is_active=True).first()
        if locked is None:
            raise CivicError(_("This link has already been used: the account is closed."), code="used")
        return _close(actor=user, user=locked, by_owner=True, via="emailed link")


def _erase(user: User, *, administrator: Account | None, data: dict[str, object]) -> None:
    """The one erasure path: each feature unlinks its data, then the account row goes (in the
    caller's transaction)."""
    for eraser in personal_data.erasers():
        eraser(user)
    # Earlier log entries about the account (suspensions) keep their meaning, not the name.
    user_type = ContentType.objects.get_for_model(User)
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(
        label=FORMER_PARTICIPANT
    )
    log(instance=user, action="civic.erase", user=administrator, title=FORMER_PARTICIPANT, data=data)
    user.delete()


def remove_unverified_account(user: User, *, now: datetime) -> bool:
    """Erase an account that never confirmed an email within UNVERIFIED_ACCOUNT_RETENTION_DAYS
    (retention, logged as such); False when it was confirmed, promoted or removed meanwhile."""
    user_id = user.pk
    cutoff = now - timedelta(days=settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS)
    with transaction.atomic():
        locked = User.objects.select_for_update().filter(pk=user_id, date_joined__lt=cutoff).first()
        if (
            locked is None
            or locked.is_staff
            or locked.is_superuser
            or permissions.is_deactivated_not_erased(locked)
            or EmailAddress.objects.filter(user=locked, verified=True).exists()
        ):
            return False
        _erase(locked, administrator=None, data={"by_owner": False, "retention": "unverified"})
        transaction.on_commit(
            lambda: signals.account_changed.send(sender=User, user_id=user_id, reason="deactivated")
        )
    return True
