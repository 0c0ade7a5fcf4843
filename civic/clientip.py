"""The address a request or websocket really came from, behind the configured trusted proxies."""


def for_request(request) -> str:
    """The client's address for an HTTP request."""
    return request.META.get("REMOTE_ADDR", "") or ""


def for_scope(scope) -> str:
    """The client's address for a websocket (or any ASGI) scope."""
    client = scope.get("client") or ("", 0)
    return str(client[0] or "")
