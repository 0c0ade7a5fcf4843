"""Writes to platform models, kept out of views so every entry point shares them."""

from django.db import transaction

from . import names, signals
from .models import User


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
