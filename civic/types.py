"""Type names many modules share, so a signature says who may be passed (signed in or not)."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import Promise

if TYPE_CHECKING:
    from civic.models import User

# Whoever is making the request: an account, or an anonymous visitor that rules must refuse.
type Account = User | AnonymousUser  # evaluated lazily: User is imported for checkers only


# Words people read: a plain string, or one translated lazily into the reader's language (gettext_lazy).
type Label = str | Promise


def signed_in(user: Account) -> "User | None":
    """The account behind a request, or None for an anonymous visitor (write rules refuse those)."""
    return None if isinstance(user, AnonymousUser) else user
