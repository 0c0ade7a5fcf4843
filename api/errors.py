"""One error body for every refusal: {"code": str, "message": str} and, for bad fields, "fields"."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from civic.errors import CivicError

# A service's refusal code -> HTTP status (anything else a service refuses is bad input: 400).
STATUS_FOR_CODE = {"forbidden": 403, "not_found": 404, "rate_limited": 429, "stale": 409}


class ServiceRefused(exceptions.APIException):
    """A feature's service said no; its message is written for people and safe to show."""

    def __init__(self, error: CivicError) -> None:
        code = getattr(error, "code", "") or "invalid"
        self.status_code = STATUS_FOR_CODE.get(code, status.HTTP_400_BAD_REQUEST)
        field = getattr(error, "field", "")
        self.fields = {field: [str(error.message)]} if field else None
        super().__init__(detail=str(error.message), code=code)


@contextmanager
def refusals() -> Iterator[None]:
    """Around a call to a feature's service: its refusal becomes the API's error body."""
    try:
        yield
    except CivicError as exc:
        raise ServiceRefused(exc) from exc


def _first_message(detail: Any) -> str:
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    if isinstance(detail, dict) and detail:
        key, value = next(iter(detail.items()))
        message = _first_message(value)
        return message if key in ("non_field_errors", "detail") else f"{key}: {message}"
    return str(detail)


def _messages(detail: Any, prefix: str = "") -> list[str]:
    """Every message under one field as a flat list (list items and nested fields prefixed)."""
    if isinstance(detail, dict):
        return [m for key, value in detail.items() for m in _messages(value, f"{prefix}{key}: ")]
    if isinstance(detail, list):
        return [m for value in detail for m in _messages(value, prefix)]
    return [f"{prefix}{detail}"]


def _code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    while isinstance(codes, dict | list) and codes:
        codes = next(iter(codes.values())) if isinstance(codes, dict) else codes[0]
    return codes if isinstance(codes, str) else exc.default_code


def handle(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, then the body reshaped; Django's Http404 and PermissionDenied too."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or "Not found.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or "You do not have permission to do this.")
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    body: dict[str, Any] = {"code": _code(exc), "message": _first_message(exc.detail)}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        body["code"] = "invalid"
        body["fields"] = {str(name): _messages(value) for name, value in exc.detail.items()}
    elif isinstance(exc, ServiceRefused) and exc.fields:
        body["fields"] = exc.fields
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, list):
        body["code"] = "invalid"
    response.data = body
    return response
