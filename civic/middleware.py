"""Platform-wide request guards: content security policy and two-factor sign-in for staff."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.middleware import csp
from django.shortcuts import redirect
from django.urls import reverse

from .roles import is_staff_member

ADMIN_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Strict CSP on Civic's pages; the Wagtail admin needs inline script and style."""

    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIXES) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return super().process_response(request, response)


def has_totp(user) -> bool:
    """True once the user has set up an authenticator app."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    """Staff cannot open the admin until they have two-factor authentication set up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(ADMIN_PREFIXES)
            and user is not None
            and is_staff_member(user)
            and not has_totp(user)
        ):
            messages.warning(
                request,
                "Staff accounts must use two-factor authentication. "
                "Set up an authenticator app to continue to the admin.",
            )
            return redirect(reverse("mfa_activate_totp") + f"?next={request.path}")
        return self.get_response(request)


class AdminFrameOptionsMiddleware:
    """Wagtail's live preview frames admin pages in the admin; everything else is DENY."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
