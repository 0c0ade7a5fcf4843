"""Who may use officer search: staff (officers, moderators, administrators) only."""

from civic import roles


def can_use_officer_search(user) -> bool:
    """Officers and moderators read everything residents wrote, across every consultation."""
    return roles.has_staff_powers(user)


def can_manage_saved_search(user, saved_search) -> bool:
    return can_use_officer_search(user) and saved_search.owner_id == user.pk
