"""Turn changes to an account made by code we don't own (allauth sign-out, passwords and email
confirmation, the admin's user and group forms) into civic.signals, sent after commit."""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest

from .models import User
from .signals import account_changed, email_verified

# A save touching these fields (or every field) may take rights away from open sessions.
SENSITIVE_FIELDS = frozenset(
    {"is_active", "password", "is_superuser", "is_staff", "suspended_until", "organisation"}
)


def announce(user_id: int | None, reason: str, session_key: str | None = None) -> None:
    if user_id is None:
        return
    transaction.on_commit(
        lambda: account_changed.send(sender=None, user_id=user_id, reason=reason, session_key=session_key)
    )


def signed_out(
    sender: object, request: HttpRequest | None = None, user: User | None = None, **kwargs: Any
) -> None:
    """A sign-out ends that session's sockets at once (the session is flushed just after this)."""
    session = getattr(request, "session", None)
    announce(getattr(user, "pk", None), "signed_out", getattr(session, "session_key", None))


def password_changed(
    sender: object, request: HttpRequest | None = None, user: User | None = None, **kwargs: Any
) -> None:
    announce(getattr(user, "pk", None), "password_changed")


def announce_email(user_id: int | None, email: str) -> None:
    if user_id is None or not email:
        return
    transaction.on_commit(lambda: email_verified.send(sender=None, user_id=user_id, email=email))


def email_confirmed(sender: object, email_address: Any = None, **kwargs: Any) -> None:
    """An address confirmed from its emailed link (or by an administrator) now proves who owns it."""
    if email_address is not None and email_address.verified:
        announce_email(email_address.user_id, email_address.email)


def signed_up(sender: object, user: User | None = None, **kwargs: Any) -> None:
    """A sign-up whose address is already verified (a social account, say) proves it at once."""
    if user is None:
        return
    for address in EmailAddress.objects.filter(user=user, verified=True):
        announce_email(user.pk, address.email)


def user_saved(
    sender: type[User],
    instance: User,
    created: bool = False,
    update_fields: frozenset[str] | None = None,
    **kwargs: Any,
) -> None:
    if created:
        return
    if update_fields is None or SENSITIVE_FIELDS & set(update_fields):
        announce(instance.pk, "account_changed")


def roles_changed(
    sender: object, instance: User | Group, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    """Groups added to or taken from an account (from either side of the relation)."""
    if action == "pre_clear" and isinstance(instance, Group):
        # Kept on the group until post_clear, which no longer knows who was in it.
        instance._civic_cleared_user_ids = list(  # type: ignore[attr-defined]
            instance.user_set.values_list("pk", flat=True)
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        announce(instance.pk, "roles_changed")
        return
    user_ids = pk_set if action != "post_clear" else getattr(instance, "_civic_cleared_user_ids", [])
    for user_id in user_ids or ():
        announce(user_id, "roles_changed")


def connect() -> None:
    from allauth.account import signals as allauth_signals
    from django.contrib.auth import get_user_model
    from django.contrib.auth.signals import user_logged_out
    from django.db.models.signals import m2m_changed, post_save

    user_model = get_user_model()
    user_logged_out.connect(signed_out, dispatch_uid="civic.account_signed_out")
    for name in ("password_changed", "password_set", "password_reset"):
        getattr(allauth_signals, name).connect(password_changed, dispatch_uid=f"civic.account_{name}")
    allauth_signals.email_confirmed.connect(email_confirmed, dispatch_uid="civic.email_confirmed")
    allauth_signals.user_signed_up.connect(signed_up, dispatch_uid="civic.signed_up")
    post_save.connect(user_saved, sender=user_model, dispatch_uid="civic.account_saved")
    m2m_changed.connect(roles_changed, sender=user_model.groups.through, dispatch_uid="civic.account_roles")
