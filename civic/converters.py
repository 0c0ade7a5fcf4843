"""URL converters: an id is at most 18 digits, so no URL can name a number the database cannot hold."""

import re

from django.urls import register_converter

ID_PATTERN = re.compile(r"[0-9]{1,18}")


def parse_id(raw: object) -> int | None:
    """An id typed or sent by anyone: 1 to 18 ASCII digits, else None (str.isdigit() accepts '²')."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if 0 <= raw < 10**18 else None
    if isinstance(raw, str) and ID_PATTERN.fullmatch(raw):
        return int(raw)
    return None


class IdConverter:
    """A database id in a URL: 1 to 18 ASCII digits (a larger number is a 404, never a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return str(int(value))


def register() -> None:
    """Called once from CivicConfig.ready(), before any URLconf is loaded."""
    register_converter(IdConverter, "id")
