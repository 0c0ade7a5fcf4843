"""Who may use officer search, and whose contributions it shows them."""

from civic import roles


def can_use_officer_search(user) -> bool:
    """Officers, moderators and administrators (each with a verified second factor)."""
    return roles.has_staff_powers(user)


def searchable_organisations(user) -> tuple[int, ...] | None:
    """Organisations whose content officer search shows this user; None means every organisation.

    Organisations are walls: officers and moderators see what their organisation leads, partners
    or is responsible for; only administrators search across every organisation."""
    if roles.is_admin(user):
        return None
    if not can_use_officer_search(user) or not user.organisation_id:
        return ()
    return (user.organisation_id,)


def can_manage_saved_search(user, saved_search) -> bool:
    return can_use_officer_search(user) and saved_search.owner_id == user.pk
