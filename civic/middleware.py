"""Platform-wide request guards: content security policy, two-factor sign-in for staff, and the
reader's language."""

import re
from collections.abc import Callable

from django.conf import global_settings, settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.middleware import csp
from django.shortcuts import render
from django.urls import is_valid_path, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import i18n, languages, twofactor

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


class LanguageMiddleware:
    """Sends the reader to the address of the language they asked for, before the page cache looks:
    `?lang=cy` on any page goes to its /cy/ address (an unknown value is ignored); an unknown
    language prefix (/fr/reports/, /xx/) goes to the English address instead of a 404; a first visit
    (no language cookie) to a plain address from a browser preferring another interface language
    goes to that language's address. Plain addresses vary by Accept-Language and Cookie."""

    MACHINE_PREFIXES = ("/admin/", "/api/", "/healthz", "/documents/", "/ws/", "/language/")
    LANGUAGE_LIKE = re.compile(r"^/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)(/.*)?$")

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        if path.startswith(self.machine_prefixes()):
            return self.get_response(request)
        in_path = translation.get_language_from_path(path)
        asked = request.GET.get("lang")
        if asked is not None and request.method in ("GET", "HEAD"):
            chosen = languages.supported(asked)
            if chosen and chosen != (in_path or languages.default()):
                query = request.GET.copy()
                del query["lang"]
                target = path + (f"?{query.urlencode()}" if query else "")
                switched = HttpResponseRedirect(i18n.url_in(target, chosen))
                i18n.remember(switched, chosen)
                return switched
        if in_path is None and asked is None and self.first_visit_elsewhere(request):
            chosen = translation.get_language_from_request(request)
            if chosen != languages.default():
                target = i18n.url_in(request.get_full_path(), chosen)
                if target != request.get_full_path():
                    preferred = HttpResponseRedirect(target)
                    patch_vary_headers(preferred, ("Accept-Language", "Cookie"))
                    preferred["Cache-Control"] = "private"
                    return preferred
        response = self.get_response(request)
        if in_path is None:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            moved = self.without_unknown_prefix(request)
            if moved:
                return HttpResponseRedirect(moved)
        choice = getattr(request, "_civic_language_choice", None)
        if choice:
            self.signed_in_language(request, response, choice)
        return response

    def machine_prefixes(self) -> tuple[str, ...]:
        return (*self.MACHINE_PREFIXES, settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/")

    @staticmethod
    def first_visit_elsewhere(request: HttpRequest) -> bool:
        """A browser opening a page with no language chosen yet, whose Accept-Language is set."""
        if request.method not in ("GET", "HEAD") or settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
            return False
        if not request.META.get("HTTP_ACCEPT_LANGUAGE") or request.path_info.endswith("/jsi18n/"):
            return False
        accept = request.META.get("HTTP_ACCEPT", "")
        destination = request.META.get("HTTP_SEC_FETCH_DEST", "document")
        return destination == "document" and (not accept or "text/html" in accept)

    def without_unknown_prefix(self, request: HttpRequest) -> str:
        """/fr/reports/ -> /reports/ (/cy-GB/reports/ -> /cy/reports/), when the rest resolves."""
        match = self.LANGUAGE_LIKE.match(request.path_info)
        if match is None:
            return ""
        segment, rest = match.group(1), match.group(2) or "/"
        if segment in languages.codes() and segment != languages.default():
            return ""  # a real prefix: a real 404
        language = languages.supported(segment.replace("_", "-"))
        known = segment.lower().replace("_", "-") in {code for code, _ in global_settings.LANGUAGES}
        if not (language or known or len(segment) == 2):
            return ""
        language = language or languages.default()
        target = rest if language == languages.default() else f"/{language}{rest}"
        if not is_valid_path(target, getattr(request, "urlconf", None)):
            return ""
        query = request.META.get("QUERY_STRING", "")
        return target + (f"?{query}" if query else "")

    @staticmethod
    def signed_in_language(request: HttpRequest, response: HttpResponseBase, choice: str) -> None:
        """Just signed in: remember their language and send them on in it."""
        i18n.remember(response, choice)
        location = response.get("Location", "") if 300 <= response.status_code < 400 else ""
        if location.startswith("/") and not location.startswith("//"):
            response["Location"] = i18n.url_in(location, choice)
