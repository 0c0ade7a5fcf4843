"""Who may read and edit a consultation's feedback summary."""

from civic import roles

from ..permissions import can_manage_consultation, can_view_consultation


def is_councillor(user) -> bool:
    return roles.has_role(user, roles.COUNCILLOR)


def can_view_summary(user, consultation, *, session=None) -> bool:
    """Officers of the owning organisations and councillors always; everyone once results are out."""
    if can_manage_consultation(user, consultation):
        return True
    if not (consultation.results_published or is_councillor(user)):
        return False  # checked first: it costs no query on every consultation page view
    return can_view_consultation(user, consultation, session=session)


def can_edit_summary(user, consultation) -> bool:
    """Officers of the owning organisations rename, merge, split and sign off themes and respond."""
    return can_manage_consultation(user, consultation)
