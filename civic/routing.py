"""Where a page address leads, remembered: Wagtail finds the site, the home page in the reader's
language and then the page on every request (four queries); a remembered route costs one."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponseBase

from . import pagecache


def _wagtail_serve() -> Callable[..., Any]:
    from wagtail import views

    return views.serve  # type: ignore[no-any-return]


class RememberedRouteMiddleware:
    """Before Wagtail's page view runs, give the request the site and the page its address reached
    the last time, while no page, site or brand has changed since (the page cache's site token,
    which publishing, moving, deleting and unpublishing bump) and in the same language. Pages that
    take arguments (routable pages) and addresses that found nothing are never remembered."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.serve = _wagtail_serve()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        if view is not self.serve or request.method not in ("GET", "HEAD"):
            return
        path = kwargs.get("path", args[0] if args else "")
        version = pagecache.fragment_key(extra=f"route:{request.get_host()}:{request.get_port()}:{path}")
        if not version:
            return  # the page cache is off: nothing can say when a route changed
        key = pagecache.part_key(version)
        found = pagecache.get_part(key)
        if found is not None:
            _use(request, *found)
            return
        from wagtail.models import Page

        result = Page.route_for_request(request, path)  # as Wagtail's view would, kept on the request
        site = getattr(request, "_wagtail_site", None)
        if result is not None and site is not None and not result.args and not result.kwargs:
            pagecache.set_part(key, (site, result.page.pk, result.page.content_type_id))


def _use(request: HttpRequest, site: Any, page_id: int, content_type_id: int) -> None:
    from wagtail.url_routing import RouteResult

    from .models import _live_page

    page = _live_page(page_id, content_type_id)
    if page is None:
        return  # gone since (the token will say so soon): Wagtail routes it as usual
    request._wagtail_site = site  # type: ignore[attr-defined]  # Wagtail's own per-request cache
    request._wagtail_route_for_request = RouteResult(page)  # type: ignore[attr-defined]
