"""The one place Civic reads its environment, so every setting has a documented default."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def get(name: str, default: str = "") -> str:
    """Return a string variable, stripped, or the default when unset."""
    return os.environ.get(name, default).strip()


def flag(name: str, default: bool = False) -> bool:
    """Return a boolean variable; anything unrecognised is a configuration error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def items(name: str, default: str = "") -> list[str]:
    """Return a comma-separated variable as a list without blanks."""
    return [part.strip() for part in get(name, default).split(",") if part.strip()]


def integer(name: str, default: int) -> int:
    """Return an integer variable with a clear error for anything else."""
    raw = get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def required(name: str) -> str:
    """Return a variable production cannot run without."""
    value = get(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production")
    return value
