"""Platform events that layers above react to, so the core never imports them.

Sent by the core's account services (and by receivers of code we don't own, such as allauth's
sign-out and password signals) after the change commits."""

from django.dispatch import Signal

# The account can no longer act as it could (suspended, deactivated, signed out, password or
# roles changed): open sockets re-check or close. kwargs: user_id, reason.
account_changed = Signal()

# The public name shown beside a person's contributions changed: indexes and caches that copy it
# rebuild. kwargs: user_id.
display_name_changed = Signal()

# An organisation was saved (renamed, say): indexes that show its name (official responses'
# attribution) rebuild. kwargs: organisation_id.
organisation_changed = Signal()

# A person proved they own an email address (confirmed it, or signed up with one already verified):
# features hand them what was sent from that address without an account. kwargs: user_id, email.
email_verified = Signal()
