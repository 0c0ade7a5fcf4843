"""Roles are Django groups; this module is the one place their names and meaning live.

A staff account whose session has not passed a second factor (civic.twofactor marks the user
object) keeps only a resident's powers: role_names() leaves out the staff roles and is_admin()
is False, so every permission predicate refuses staff powers on every path."""

from django.contrib.auth.models import AnonymousUser

from .types import Account

RESIDENT = "Residents"
OFFICER = "Officers"
MODERATOR = "Moderators"
COUNCILLOR = "Councillors"
ALL = (RESIDENT, OFFICER, MODERATOR, COUNCILLOR)
STAFF_ROLES = frozenset({OFFICER, MODERATOR})


def account_role_names(user: Account | None) -> frozenset[str]:
    """The account's groups, cached on the user object for the rest of the request."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_civic_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._civic_roles = cached
    return cached


def _locked(user: Account | None) -> bool:
    return getattr(user, "_civic_second_factor", True) is False


def role_names(user: Account | None) -> frozenset[str]:
    """The roles this request may act in: staff roles only once the session passed a second factor."""
    names = account_role_names(user)
    return names - STAFF_ROLES if _locked(user) else names


def has_role(user: Account | None, role: str) -> bool:
    """True when the user acts in the role's group in this request."""
    return role in role_names(user)


def is_admin(user: Account | None) -> bool:
    """An administrator acting with a verified second factor."""
    return bool(user is not None and user.is_authenticated and user.is_superuser and not _locked(user))


def has_staff_powers(user: Account | None) -> bool:
    """An officer, moderator or administrator acting with a verified second factor."""
    return is_admin(user) or bool(role_names(user) & STAFF_ROLES)


def is_staff_member(user: Account | None) -> bool:
    """Officers, moderators and administrators: the accounts that must use two-factor sign-in."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or bool(account_role_names(user) & STAFF_ROLES)
