"""Two-factor sign-in for staff: a staff power needs a session that passed a second factor.

A staff account (officer, moderator, administrator) whose session has not passed a second factor
keeps only a resident's powers for that request or socket: `roles.role_names()` and
`roles.is_admin()` read the mark set here, so every permission predicate refuses staff powers
without knowing about sessions, and staff-only pages send the person to set up or enter a code."""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import roles
from .models import User
from .types import Account

View = Callable[..., HttpResponse]

# allauth keeps the ways a session was authenticated under these keys (see its login flow).
METHODS_KEY = "account_authentication_methods"
METHODS_USER_KEY = "account_authentication_methods_user"


def session_passed_second_factor(session: SessionBase | None, user: Account) -> bool:
    """True when this session's sign-in (or a later re-check) used an authenticator code."""
    if session is None or not getattr(user, "pk", None):
        return False
    if session.get(METHODS_USER_KEY) != str(user.pk):
        return False
    records = session.get(METHODS_KEY)
    if not isinstance(records, list):
        return False
    return any(isinstance(r, dict) and r.get("method") == "mfa" for r in records)


def has_authenticator(user: User) -> bool:
    """True once the user has set up an authenticator app (cached on the user object)."""
    cached = getattr(user, "_civic_has_totp", None)
    if cached is None:
        cached = bool(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists())
        user._civic_has_totp = cached
    return cached


def is_verified(user: User, session: SessionBase | None) -> bool:
    """A staff session is verified when it passed a code and the authenticator still exists."""
    return session_passed_second_factor(session, user) and has_authenticator(user)


def mark(user: Account, session: SessionBase | None) -> bool:
    """Record on the user object whether this request's (or socket's) staff powers are unlocked.

    Called for every authenticated HTTP request (middleware) and websocket (civic.ws_auth)."""
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    if not roles.is_staff_member(user):
        user._civic_second_factor = True
        return True
    verified = is_verified(user, session)
    user._civic_second_factor = verified
    return verified


def needs_second_factor(user: Account) -> bool:
    """A staff account whose current session has not passed a second factor."""
    return getattr(user, "_civic_second_factor", True) is False


def setup_url(user: User, next_url: str) -> str:
    """Where a staff member goes to unlock staff powers: set up an authenticator, or enter a code."""
    name = "mfa_reauthenticate" if has_authenticator(user) else "mfa_activate_totp"
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def send_to_second_factor(request: HttpRequest) -> HttpResponse:
    """Redirect a staff member to unlock staff powers, saying why."""
    user = request.user
    assert isinstance(user, User)  # staff only: callers checked the account is signed in
    if has_authenticator(user):
        text = _("Enter a code from your authenticator app to use staff tools.")
    else:
        text = _(
            "Staff accounts must use two-factor authentication. Set up an authenticator app to continue."
        )
    messages.warning(request, text)
    return redirect(setup_url(user, request.get_full_path()))


def staff_second_factor_required(view: View) -> View:
    """Staff-only views: sign in first, then a verified second factor, then the view decides the rest."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if roles.is_staff_member(user) and needs_second_factor(user):
            return send_to_second_factor(request)
        return view(request, *args, **kwargs)

    return wrapped


def record_new_authenticator(
    sender: object, request: HttpRequest | None, user: User, authenticator: Any, **kwargs: Any
) -> None:
    """Setting up an authenticator proves a code from it: the session counts as verified."""
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and getattr(request, "user", None) is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
        user._civic_has_totp = None
