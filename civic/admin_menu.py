"""Admin menu items shown only to the people a permission predicate allows (the views check again)."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from wagtail.admin.menu import MenuItem

from civic.types import Label


class PermittedMenuItem(MenuItem):  # type: ignore[misc]  # Wagtail has no type information
    """A menu item with its permission predicate passed in: every app's hooks use this one class."""

    def __init__(self, label: Label, url: str, *, shown_to: Callable[[Any], bool], **kwargs: Any) -> None:
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request: HttpRequest) -> bool:
        return bool(self.shown_to(request.user))
