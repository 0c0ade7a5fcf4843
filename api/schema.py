"""The OpenAPI 3.1 schema is generated from the views; this adds what every operation shares."""

import re
from typing import Any, Literal

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_bearer_security_scheme_object

from .serializers import ErrorSerializer

ERRORS = {
    400: "Bad input (unknown fields, wrong types, malformed JSON, bad cursor or page size); nothing saved.",
    401: "A wrong or revoked token, or a write without an account.",
    403: "The token lacks the scope, or the account may not do this.",
    404: "Not found, or not public.",
    429: "Too many requests: see Retry-After.",
}


def strict_request_bodies(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Request bodies refuse unknown fields (400), so the schema says additionalProperties: false."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") and component.get("type") == "object":
            component["additionalProperties"] = False
    return result


def only_api(endpoints: list[Any], **kwargs: Any) -> list[Any]:
    """The schema describes /api/v1/ only, not the Wagtail admin's internal API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class CivicAutoSchema(AutoSchema):
    """Every operation documents the standard error body; reads also work without any credentials."""

    def get_operation_id(self) -> str:
        """consultation_list, consultation_detail, comment_list_create, vote_create..."""
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", type(self.view).__name__).lower()
        return (
            name
            if self.method == "GET"
            else f"{name}_{ {'POST': 'create'}.get(self.method, self.method.lower()) }"
        )

    def _get_response_bodies(self, direction: Literal["request", "response"] = "response") -> dict[Any, Any]:
        responses = super()._get_response_bodies(direction)
        errors = dict(ERRORS)
        if self.method == "POST":
            errors[409] = "Someone else changed it first (moderation); nothing was changed."
            errors[415] = "Send application/json."
        for code, description in errors.items():
            responses.setdefault(
                str(code), self._get_response_for_code(ErrorSerializer, str(code), direction=direction)
            )
            responses[str(code)]["description"] = description
        if self.method == "GET":
            responses["304"] = {"description": "Not modified: the If-None-Match ETag still matches."}
        return responses

    def get_auth(self) -> list[dict[str, list[str]]]:
        auth = super().get_auth()
        if self.method in ("GET", "HEAD") and {} not in auth:
            auth.append({})  # anonymous reads: the public sees the public data
        return auth


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.auth.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        scheme = build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Bearer")  # noqa: S106
        scheme["description"] = "A per-organisation API token, created by an administrator in the admin."
        return dict(scheme)


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.auth.SessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "The site's own scripts: a signed-in session; writes also send X-CSRFToken.",
        }
