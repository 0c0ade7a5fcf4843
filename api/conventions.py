"""The API's conventions in one place: cursor pages, strict request bodies, ETags and web filters."""

import hashlib
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404
from rest_framework import exceptions, generics, pagination, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response


class CursorPage(pagination.CursorPagination):
    """Stable pages however fast rows arrive; a bad cursor or page size is the client's error (400)."""

    ordering: tuple[str, ...] = ("-created_at", "-id")
    page_size_query_param = "page_size"
    invalid_cursor_message = "The cursor is not valid: use the next or previous link as given."

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        limit = settings.API_MAX_PAGE_SIZE
        if raw is None:
            return min(settings.API_PAGE_SIZE, limit)
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= limit:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"Give a whole number from 1 to {limit}."]}
            )
        return int(raw)

    def decode_cursor(self, request: Request) -> Any:
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound as exc:  # DRF answers a bad cursor with 404; it is bad input
            raise exceptions.ValidationError(
                {self.cursor_query_param: [self.invalid_cursor_message]}
            ) from exc
        except (ValueError, UnicodeError, OverflowError) as exc:
            raise exceptions.ValidationError(
                {self.cursor_query_param: [self.invalid_cursor_message]}
            ) from exc

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """page_size with its bounds; the cursor is opaque, so clients follow the next and previous
        links as given instead of building one (a cursor that is not ours is refused with a 400)."""
        parameters = [p for p in super().get_schema_operation_parameters(view) if p["name"] != "cursor"]
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": settings.API_MAX_PAGE_SIZE,
                    "default": settings.API_PAGE_SIZE,
                }
        return parameters


class StrictSerializer(serializers.Serializer):
    """Request bodies: an object, known fields only (a typo is an error, not silently ignored)."""

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, dict):
            raise exceptions.ValidationError({"non_field_errors": ["Send a JSON object."]})
        unknown = sorted(set(data) - set(self.fields))
        if unknown:
            raise exceptions.ValidationError({name: ["This field is not known."] for name in unknown})
        return super().to_internal_value(data)


def query_filters(form_class: type[forms.Form], request: Request, allowed: set[str]) -> dict[str, Any]:
    """The web page's own filter form read from the query string; invalid values are a 400."""
    params = request.query_params
    empty = sorted(name for name in allowed if params.get(name, None) == "")
    if empty:
        raise exceptions.ValidationError(
            {name: ["Give a value, or leave the parameter out."] for name in empty}
        )
    form = form_class({name: params.get(name) for name in allowed if name in params})
    if not form.is_valid():
        raise exceptions.ValidationError({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    return form.cleaned_data


ContextFor = Callable[[list[Any]], dict[str, Any]]


def _extra(context_for: ContextFor | None, rows: Any) -> dict[str, Any] | None:
    return context_for(list(rows)) if context_for is not None else None


class ApiView(generics.GenericAPIView):
    """Every API view: ETag on successful reads, 304 when the client already has them."""

    read_scope: str | None = None
    write_scope: str | None = None

    def serialized(
        self,
        data: Any,
        *,
        many: bool = False,
        context: dict[str, Any] | None = None,
        serializer: type[serializers.BaseSerializer] | None = None,
    ) -> Any:
        """The view's serializer (or another) over data, with the request's context and any extra."""
        serializer_class = serializer or self.get_serializer_class()
        full_context = {**self.get_serializer_context(), **(context or {})}
        return serializer_class(data, many=many, context=full_context).data

    def list_response(self, queryset: Any, context_for: ContextFor | None = None) -> Response:
        """One cursor page of queryset; context_for adds context computed from that page's rows."""
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(
            self.serialized(page, many=True, context=_extra(context_for, page))
        )

    def detail_response(self, queryset: Any, pk: int, context_for: ContextFor | None = None) -> Response:
        """The row with this id among queryset (which holds only what the caller may read), or a 404."""
        item = get_object_or_404(queryset, pk=pk)
        return Response(self.serialized(item, context=_extra(context_for, [item])))

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == status.HTTP_200_OK:
            response.render()
            tag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            response["ETag"] = tag
            vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
            for header in ("Authorization", "Cookie"):
                if header not in vary:
                    vary.append(header)
            response["Vary"] = ", ".join(vary)
            wanted = request.headers.get("If-None-Match", "")
            if tag in [t.strip() for t in wanted.split(",")] or wanted.strip() == "*":
                not_modified = Response(status=status.HTTP_304_NOT_MODIFIED)
                not_modified["ETag"] = tag
                not_modified["Vary"] = response["Vary"]
                not_modified.accepted_renderer = response.accepted_renderer
                not_modified.accepted_media_type = response.accepted_media_type
                not_modified.renderer_context = response.renderer_context
                return not_modified
        return response
