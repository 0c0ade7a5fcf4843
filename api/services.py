"""Issuing and revoking API tokens: administrators only, each step in the admin's history log."""

from collections.abc import Iterable

from django.db import transaction
from wagtail.log_actions import log

from civic import roles
from civic.errors import CivicError
from civic.models import Organisation, User
from civic.types import Account, signed_in

from .models import SCOPE_NAMES, WRITE_SCOPES, ApiToken


class TokenError(CivicError):
    """A token was refused; the message is safe to show to the administrator."""


def can_manage_tokens(user: Account) -> bool:
    """Administrators with a verified second factor issue and revoke every organisation's tokens."""
    return roles.is_admin(user)


def issue_token(
    *, admin: Account, organisation: Organisation, name: str, scopes: Iterable[str], user: User | None = None
) -> tuple[ApiToken, str]:
    """Create a token; the raw secret is returned once and only its hash is stored."""
    if not can_manage_tokens(admin):
        raise TokenError("Only administrators can issue API tokens.", code="forbidden")
    wanted = set(scopes)
    if not wanted or wanted - set(SCOPE_NAMES):
        raise TokenError("Choose at least one scope from the list.", field="scopes")
    if wanted & WRITE_SCOPES and user is None:
        raise TokenError("A token that writes must act as an account: choose one.", field="user")
    if user is not None:
        if not user.is_active:
            raise TokenError("That account is not active.", field="user")
        if roles.is_staff_member(user) and user.organisation_id != organisation.pk:
            raise TokenError("A staff account must belong to the token's organisation.", field="user")
    name = " ".join((name or "").split())[:100]
    if not name:
        raise TokenError("Name the system that will use this token.", field="name")
    with transaction.atomic():
        token, raw = ApiToken.issue(
            organisation=organisation, name=name, scopes=wanted, user=user, created_by=signed_in(admin)
        )
        log(instance=token, action="wagtail.create", user=signed_in(admin), data={"scopes": token.scopes})
    return token, raw


def revoke_token(*, admin: Account, token: ApiToken) -> ApiToken:
    """Revoked at once: the next request with it is a 401."""
    if not can_manage_tokens(admin):
        raise TokenError("Only administrators can revoke API tokens.", code="forbidden")
    with transaction.atomic():
        token.revoke()
        log(instance=token, action="civic.api_token.revoke", user=signed_in(admin))
    return token
