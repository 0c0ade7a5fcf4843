"""The client address comes from the configured number of trusted proxies, and forgeries fall back safely."""

import pytest
from django.test import RequestFactory

from civic import clientip

PEER = "10.0.0.1"  # the nearest proxy, as the server sees it

TABLE = [
    # (trusted proxies, X-Forwarded-For, expected client)
    (0, None, PEER),
    (0, "203.0.113.5", PEER),  # no proxy configured: the header is the client's own claim
    (1, None, PEER),  # no header: the peer
    (1, "203.0.113.5", "203.0.113.5"),
    (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # what the client forged is left of the proxy's entry
    (1, "6.6.6.6,203.0.113.5", "203.0.113.5"),
    (2, "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),  # load balancer, then nginx
    (2, "203.0.113.5", PEER),  # fewer hops than proxies: misconfigured, the shared bucket
    (1, "not-an-address", PEER),
    (1, "203.0.113.5, ", PEER),  # empty last hop
    (1, "999.1.1.1", PEER),
    (1, "203.0.113.5:4711", "203.0.113.5"),  # a proxy that adds the port
    (1, "[2001:db8::1]:443", "2001:db8::1"),
    (1, "2001:DB8:0:0::1", "2001:db8::1"),  # canonical form, so one client is one bucket
    (1, "::ffff:203.0.113.5", "203.0.113.5"),
    (1, "203.0.113.5" + " " * 3000, PEER),  # absurdly long: not from our proxy
    (1, "1.1.1.1\x00", PEER),
]


@pytest.mark.parametrize(("proxies", "forwarded", "expected"), TABLE)
def test_client_address_of_a_request(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    request = RequestFactory().get("/", REMOTE_ADDR=PEER, **extra)
    assert clientip.for_request(request) == expected


@pytest.mark.parametrize(("proxies", "forwarded", "expected"), TABLE)
def test_client_address_of_a_websocket_scope(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = [(b"host", b"civic.example.org")]
    if forwarded is not None:
        headers.append((b"x-forwarded-for", forwarded.encode("latin-1")))
    scope = {"type": "websocket", "client": (PEER, 51234), "headers": headers}
    assert clientip.for_scope(scope) == expected


def test_repeated_forwarded_headers_are_read_as_one_list(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    scope = {
        "client": (PEER, 1),
        "headers": [(b"x-forwarded-for", b"6.6.6.6"), (b"X-Forwarded-For", b"203.0.113.5")],
    }
    assert clientip.for_scope(scope) == "203.0.113.5"


def test_a_socket_without_a_peer_address_has_one_shared_bucket(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert clientip.for_scope({"client": None, "headers": []}) == clientip.UNKNOWN
    request = RequestFactory().get("/", REMOTE_ADDR="")
    assert clientip.for_request(request) == clientip.UNKNOWN


def test_an_ipv6_subscriber_counts_as_one_network():
    assert clientip.limit_key("2001:db8:1:2:aaaa::1") == clientip.limit_key("2001:db8:1:2:bbbb::9")
    assert clientip.limit_key("2001:db8:1:3::1") != clientip.limit_key("2001:db8:1:2::1")
    assert clientip.limit_key("203.0.113.5") == "203.0.113.5"


@pytest.mark.parametrize("value", ["-1", "one"])
def test_a_nonsense_proxy_count_stops_the_server_starting(value):
    from tests.project.test_settings import GOOD_KEY, run_manage

    environ = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "civic.example.org", "TRUSTED_PROXY_COUNT": value}
    result = run_manage("check", **environ)
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr
