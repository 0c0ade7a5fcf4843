"""Roles are Django groups; this module is the one place their names and meaning live."""

from django.contrib.auth.models import AnonymousUser

RESIDENT = "Residents"
OFFICER = "Officers"
MODERATOR = "Moderators"
COUNCILLOR = "Councillors"
ALL = (RESIDENT, OFFICER, MODERATOR, COUNCILLOR)
STAFF_ROLES = {OFFICER, MODERATOR}


def role_names(user) -> frozenset[str]:
    """Return the user's role names, cached on the user object for the rest of the request."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_civic_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._civic_roles = cached
    return cached


def has_role(user, role: str) -> bool:
    """True when the user belongs to the role's group."""
    return role in role_names(user)


def is_staff_member(user) -> bool:
    """Officers, moderators and administrators: the people who must use two-factor sign-in."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or user.is_staff or bool(role_names(user) & STAFF_ROLES)
