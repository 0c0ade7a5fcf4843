"""The address a request or websocket really came from, behind the configured trusted proxies.

With TRUSTED_PROXY_COUNT = 0 the peer address is the client. With N trusted proxies, each of which
appends the address it received from to X-Forwarded-For, the client is the Nth address from the
right: everything further left was written by the client and proves nothing. A header that is
missing, too short or malformed falls back to the peer address (the nearest proxy), so a forged or
broken header can only put its sender in the proxy's shared bucket, never in someone else's."""

import ipaddress
import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest

log = logging.getLogger(__name__)
UNKNOWN = "unknown"  # no address at all (e.g. a unix socket without a proxy header): one shared bucket
MAX_HEADER_CHARS = 2000  # a longer X-Forwarded-For is not from our proxies


def clean(value: str) -> str | None:
    """A canonical address from '1.2.3.4', '1.2.3.4:5678', '[::1]:80' or '::1'; None if malformed."""
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # IPv4 with a port
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def choose(peer: str, forwarded_for: str | None) -> str:
    """The client's address given the peer address and the X-Forwarded-For header, if any."""
    peer_address = clean(peer) or UNKNOWN
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0 or not forwarded_for:
        return peer_address
    if len(forwarded_for) > MAX_HEADER_CHARS:
        return peer_address
    hops = forwarded_for.split(",")
    if len(hops) < count:
        log.warning("clientip: X-Forwarded-For has fewer hops than TRUSTED_PROXY_COUNT=%s", count)
        return peer_address
    return clean(hops[-count]) or peer_address


def limit_key(address: str) -> str:
    """The bucket an address counts in: one IPv6 /64 is one subscriber, like one IPv4 address."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address) + "/64"
    return address


def for_request(request: HttpRequest) -> str:
    """The client's address for an HTTP request."""
    return choose(request.META.get("REMOTE_ADDR", "") or "", request.META.get("HTTP_X_FORWARDED_FOR"))


def for_scope(scope: Mapping[str, Any]) -> str:
    """The client's address for a websocket (or any ASGI) scope."""
    client = scope.get("client") or ("", 0)
    forwarded = [
        value.decode("latin-1")
        for name, value in scope.get("headers") or ()
        if name.lower() == b"x-forwarded-for"
    ]
    return choose(str(client[0] or ""), ",".join(forwarded) or None)
