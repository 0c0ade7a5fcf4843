"""Who is calling: an organisation's token (Authorization: Bearer) or a resident's session (with CSRF).

A token acts as its account, if it has one, with that account's permissions; a staff account's
staff powers need an authenticator set up, the token's stand-in for a session's second factor."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from rest_framework import authentication, exceptions, permissions, throttling
from rest_framework.request import Request

from civic import clientip, ratelimit, roles, twofactor

from .models import ApiToken

LAST_USED_EVERY = timedelta(minutes=1)  # at most one write per token per minute to record its use


class TokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer civic_...`: a wrong or revoked token is a 401, never anonymous access."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _, raw = header.partition(" ")
        if keyword.lower() != self.keyword.lower():
            return None
        token = ApiToken.lookup(raw.strip())
        if token is None:
            raise exceptions.AuthenticationFailed("This API token is not valid or has been revoked.")
        user: Any = token.user
        if user is not None:
            if not user.is_active:
                raise exceptions.AuthenticationFailed("The account this API token acts as is not active.")
            user._civic_second_factor = not roles.is_staff_member(user) or twofactor.has_authenticator(user)
        else:
            user = AnonymousUser()
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return user, token

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    """The site's own scripts: a signed-in session, with CSRF enforced on writes (DRF's rule)."""


class TokenScope(permissions.BasePermission):
    """Reads are public (the views apply the public visibility rules); a token needs the scope of what it
    touches; writes need an account (session or token) and then the feature's own permissions."""

    message = "This API token does not have the scope for this."

    def has_permission(self, request: Request, view: Any) -> bool:
        method = (request.method or "").lower()
        if method not in view.http_method_names or not hasattr(view, method):
            return True  # the view answers 405, whoever asks
        safe = request.method in permissions.SAFE_METHODS
        needed = getattr(view, "read_scope", None) if safe else getattr(view, "write_scope", None)
        if isinstance(request.auth, ApiToken):
            if needed is None or not request.auth.has_scope(needed):
                raise exceptions.PermissionDenied(
                    f"This API token does not have the {needed or 'required'} scope.", code="missing_scope"
                )
        if not safe and not request.user.is_authenticated:
            raise exceptions.NotAuthenticated("Sign in, or send an API token that acts as an account.")
        return True


class ApiRateLimit(throttling.BaseThrottle):
    """Per token (API_TOKEN_RATE_LIMIT) or per client address (API_ANONYMOUS_RATE_LIMIT), on the shared
    counters that never fail open; writes also meet each service's own per-account limits."""

    def allow_request(self, request: Request, view: Any) -> bool:
        if isinstance(request.auth, ApiToken):
            scope, key, rate = "api-token", str(request.auth.pk), settings.API_TOKEN_RATE_LIMIT
        else:
            address = clientip.limit_key(clientip.for_request(request._request))
            scope, key, rate = "api-address", address, settings.API_ANONYMOUS_RATE_LIMIT
        try:
            ratelimit.hit(scope, key, rate)
        except ratelimit.RateLimited as exc:
            self.retry_after: int | None = exc.retry_after
            return False
        return True

    def wait(self) -> float | None:
        return getattr(self, "retry_after", None)
