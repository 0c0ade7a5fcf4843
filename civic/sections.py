"""Parts of core pages that feature apps supply, registered from their AppConfig.ready(), so the
core renders them without importing any feature."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

ContextProvider = Callable[[HttpRequest], dict[str, Any]]

HOME_PAGE = "home_page"
PROFILE = "profile"
_providers: dict[str, list[ContextProvider]] = {HOME_PAGE: [], PROFILE: []}


def register(page: str, provider: ContextProvider) -> None:
    """Add a feature's template context to a core page (once, however often ready() runs)."""
    if provider not in _providers[page]:
        _providers[page].append(provider)


def context_for(page: str, request: HttpRequest) -> dict[str, Any]:
    """The template context every registered feature adds to this page."""
    context: dict[str, Any] = {}
    for provider in _providers[page]:
        context.update(provider(request))
    return context
