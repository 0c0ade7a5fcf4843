"""The one error type the platform's services raise when they refuse a write."""


class CivicError(Exception):
    """A write was refused. The message is safe to show to the person; `code` says why (forbidden,
    not_found, invalid, rate_limited, ...) and `field` names the form field it belongs to, if any."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None) -> None:
        self.message = message
        self.code = code
        self.field = field
        super().__init__(message)
