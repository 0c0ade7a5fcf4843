"""Platform-wide request guards: content security policy and two-factor sign-in for staff."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware import csp
from django.shortcuts import render
from django.urls import reverse

from . import twofactor

GetResponse = Callable[[HttpRequest], HttpResponseBase]


def in_admin(path: str) -> bool:
    """Whether a path is in the Wagtail admin, wherever the URL routes mount it."""
    return path.startswith(reverse("wagtailadmin_home"))


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Strict CSP on Civic's pages; the Wagtail admin needs inline script and style."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if in_admin(request.path) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP  # type: ignore[attr-defined]  # read by Django's CSP
        return super().process_response(request, response)


class StaffTwoFactorMiddleware:
    """Marks every signed-in request with whether staff powers are unlocked (civic.twofactor), keeps
    staff out of the admin until their session has passed a second factor, and tells signed-in
    people without admin access that it is for staff (Wagtail would send them to sign in, and
    sign-in straight back: a redirect loop)."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            twofactor.mark(user, request.session)
            if in_admin(request.path):
                if twofactor.needs_second_factor(user):
                    return twofactor.send_to_second_factor(request)
                may_enter = user.has_perm("wagtailadmin.access_admin")
                if not may_enter and request.path != reverse("wagtailadmin_logout"):
                    return staff_only(request)
        return self.get_response(request)


def staff_only(request: HttpRequest) -> HttpResponse:
    """The admin's answer to a signed-in account without admin access: a 403 that explains."""
    return render(request, "civic/staff_only.html", status=403)


class AdminFrameOptionsMiddleware:
    """Wagtail's live preview frames admin pages in the admin; everything else is DENY."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if in_admin(request.path):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


class RefuseNulBytesMiddleware:
    """No browser sends NUL bytes; PostgreSQL refuses to store or compare them. Refuse them in the
    query string and in url-encoded form fields with a 400 before any view runs."""

    FORM_TYPES = ("application/x-www-form-urlencoded",)

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return self.refuse(request)
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            return self.refuse(request)
        if request.method == "POST" and request.content_type in self.FORM_TYPES:
            try:
                data = request.POST
            except Exception:  # noqa: BLE001 - a malformed body: let the view's form report it
                return self.get_response(request)
            if any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists()):
                return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request: HttpRequest) -> HttpResponse:
        from django.http import HttpResponseBadRequest, JsonResponse

        message = "This request contains a NUL character, which is not allowed. Remove it and try again."
        if request.path.startswith(settings.JSON_ERROR_PATH_PREFIXES):  # the open API's one error body
            return JsonResponse({"code": "invalid", "message": message}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
