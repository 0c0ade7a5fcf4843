"""Websocket authentication that reads the session once, at connect.

Channels' SessionMiddleware wraps every outgoing message to save the session; a live stream
sends thousands of frames and never changes the session, so this middleware only loads it."""

from importlib import import_module
from types import SimpleNamespace
from typing import Any

from channels.auth import get_user
from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from channels.sessions import CookieMiddleware
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import AnonymousUser

from . import roles, twofactor
from .types import Account

# An ASGI scope, and the application callables Channels chains (it has no type information).
Scope = dict[str, Any]
ASGIApp = Any


class SessionUserMiddleware(BaseMiddleware):  # type: ignore[misc]  # Channels has no type information
    async def __call__(self, scope: Scope, receive: ASGIApp, send: ASGIApp) -> Any:
        scope = dict(scope)
        engine = import_module(settings.SESSION_ENGINE)
        session_key = scope.get("cookies", {}).get(settings.SESSION_COOKIE_NAME)
        scope["session"] = engine.SessionStore(session_key)
        scope["user"] = user = await get_user(scope)
        if user.is_authenticated:  # staff powers on a socket need a session that passed a second factor
            await database_sync_to_async(twofactor.mark)(user, scope["session"])
        return await self.inner(scope, receive, send)


def SessionUserStack(inner: ASGIApp) -> ASGIApp:  # noqa: N802 - named like Channels' AuthMiddlewareStack
    return CookieMiddleware(SessionUserMiddleware(inner))


def current_user(scope: Scope) -> Account:
    """The socket's account as it is now, read again from its session: AnonymousUser once the
    session was signed out, its password changed or the account was deactivated."""
    engine = import_module(settings.SESSION_ENGINE)
    session_key = getattr(scope.get("session"), "session_key", None)
    session = engine.SessionStore(session_key)
    # auth.get_user reads only request.session: a stand-in request carrying the socket's session.
    user = auth.get_user(SimpleNamespace(session=session))  # type: ignore[arg-type]
    if user.is_authenticated:
        twofactor.mark(user, session)
    return user


def standing(user: Account) -> tuple[object, ...]:
    """What a socket may do as this account; when it changes, the socket is closed."""
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return (None,)
    return (
        user.pk,
        user.is_active,
        user.is_suspended,
        roles.is_admin(user),
        roles.role_names(user),
        user.organisation_id,  # staff powers are scoped to it
    )
