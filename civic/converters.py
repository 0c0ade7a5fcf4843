"""URL converters: an id is at most 18 digits, so no URL can name a number the database cannot hold."""

from django.urls import register_converter


class IdConverter:
    """A database id in a URL: 1 to 18 ASCII digits (a larger number is a 404, never a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


def register() -> None:
    """Called once from CivicConfig.ready(), before any URLconf is loaded."""
    register_converter(IdConverter, "id")
