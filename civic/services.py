"""Writes to platform models, kept out of views so every entry point shares them."""

from django.db import transaction


@transaction.atomic
def update_display_name(user, display_name: str) -> None:
    """Change the public name shown beside the user's contributions."""
    user.display_name = display_name
    user.save(update_fields=["display_name"])
