"""Who may vote, write and moderate statements in a conversation (the consultation's rules and its dates)."""

from django.utils import formats
from django.utils.translation import gettext as _

from civic.permissions import ALLOWED, Decision

from .. import permissions as consultation_permissions
from ..models import State


def can_take_part(user, conversation) -> Decision:
    """Signed-in, verified residents while the consultation and the conversation are both open."""
    decision = consultation_permissions.can_contribute(user, conversation.consultation)
    if not decision:
        return decision
    if not conversation.live:
        return Decision(False, _("This conversation is not published."))
    state = conversation.state
    if state == State.UPCOMING:
        opens = formats.date_format(conversation.opens_at, "j F Y")
        return Decision(False, _("This conversation opens on %(date)s.") % {"date": opens})
    if state == State.CLOSED:
        closed = formats.date_format(conversation.closes_at, "j F Y")
        return Decision(
            False, _("This conversation closed on %(date)s. Votes are no longer accepted.") % {"date": closed}
        )
    return ALLOWED


def can_moderate(user, conversation) -> bool:
    """Moderators and officers of the consultation's organisations (and administrators)."""
    return consultation_permissions.can_moderate(user, conversation.consultation)


def can_view(user, conversation, *, session=None) -> bool:
    return consultation_permissions.can_view_page(user, conversation, session=session)
