"""Request body limits: an oversized upload is refused with a clear 413 before anything reads it.

Two layers. `BodyLimitMiddleware` refuses by Content-Length in Django, whatever server runs Civic.
`install_daphne_limits()` guards daphne itself: daphne collects a whole body and then queues all of
it in memory for the application, and Twisted parses every multipart POST body a second time
with the email parser (a 100 MB upload peaked at 4.4 GB). The patched request keeps nothing past
the limit and skips Twisted's parse, which Civic never uses.
"""

import time

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TOO_LARGE_TEXT = gettext_lazy(
    "This upload is too large. Photos must be %(photo_mb)s MB or smaller: "
    "go back, choose a smaller photo, and send the form again."
)


def limit_for(path: str) -> int:
    """The largest request body accepted on this path (the admin takes documents and images)."""
    if path.startswith(reverse("wagtailadmin_home")):
        return settings.ADMIN_REQUEST_BODY_MAX_BYTES
    return settings.REQUEST_BODY_MAX_BYTES


def too_large_message() -> str:
    return TOO_LARGE_TEXT % {"photo_mb": settings.REPORT_PHOTO_MAX_BYTES // (1024 * 1024)}


def too_large_page(path: str = "/") -> bytes:
    """Before LocaleMiddleware has run: the language comes from the address (/cy/...) itself."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        message = too_large_message()
        title = _("Upload too large")
    lang = "cy" if language == "cy" else "en"
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><h1>{title}</h1><p>{message}</p></body></html>"
    ).encode()


class BodyLimitMiddleware:
    """413 for a declared body over the path's limit, before a form, CSRF check or view reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length.", status=400, content_type="text/plain; charset=utf-8")
        if length > limit_for(request.path):
            return HttpResponse(
                too_large_page(request.path), status=413, content_type="text/html; charset=utf-8"
            )
        return self.get_response(request)


class _Discard:
    """Stands in for the request's body file once the body is over the limit."""

    closed = False

    def write(self, data):
        pass

    def read(self, size=-1):
        return b""

    def seek(self, *args):
        return 0

    def tell(self):
        return 0

    def close(self):
        self.closed = True


def install_daphne_limits() -> None:
    """Give daphne's request class the body limits (idempotent; a no-op without daphne).

    The methods are wrapped on daphne's WebRequest itself, so every subclass (project.serve's
    draining request included) keeps them, whatever imported it first."""
    try:
        from daphne.http_protocol import WebRequest
    except ImportError:  # another ASGI server: BodyLimitMiddleware still applies
        return
    if getattr(WebRequest, "civic_limited", False):
        return
    original_init = WebRequest.__init__
    original_got_length = WebRequest.gotLength
    original_chunk = WebRequest.handleContentChunk
    original_process = WebRequest.process

    def limit(request) -> int:
        raw = getattr(request.channel, "_path", b"") or b""  # the request line, read before the body
        return limit_for(raw.split(b"?", 1)[0].decode("latin-1"))

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._parsePOSTFormSubmission = False  # daphne never reads Twisted's parsed arguments
        self.civic_received = 0
        self.civic_too_large = False

    def gotLength(self, length):
        if length is not None and length > limit(self):
            self.civic_too_large = True
            self.content = _Discard()
            return
        original_got_length(self, length)

    def handleContentChunk(self, data):
        if self.civic_too_large:
            return
        self.civic_received += len(data)
        if self.civic_received > limit(self):  # chunked bodies declare no length
            self.civic_too_large = True
            self.content.close()
            self.content = _Discard()
            return
        original_chunk(self, data)

    def process(self):
        if not self.civic_too_large:
            return original_process(self)
        self.request_start = time.time()
        headers = [(b"Content-Type", b"text/html; charset=utf-8")]
        self.handle_reply({"type": "http.response.start", "status": 413, "headers": headers})
        self.handle_reply({"type": "http.response.body", "body": too_large_page()})
        return None

    WebRequest.__init__ = __init__
    WebRequest.gotLength = gotLength
    WebRequest.handleContentChunk = handleContentChunk
    WebRequest.process = process
    WebRequest.civic_limited = True
