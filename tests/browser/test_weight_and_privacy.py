"""The consultation page stays light (<= 150 KB transferred, map tiles and uploaded images aside)
and no page sends a request anywhere but 127.0.0.1."""

import pytest

from tests.support.artifacts import record_measurement

from .conftest import TILE_PATH, sign_in

BUDGET = 150 * 1024


def transferred(page, path: str) -> tuple[int, int, list[str]]:
    """Load path in page; return bytes transferred (headers + encoded bodies), request count, biggest."""
    requests = []

    def record(request):
        requests.append(request)

    page.on("requestfinished", record)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", record)
    total = 0
    counted = []
    for request in requests:
        if TILE_PATH in request.url or "/media/" in request.url:
            continue  # map tiles and uploaded images are outside the budget
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        counted.append((size, request.url))
    counted.sort(reverse=True)
    return total, len(counted), [f"{size} {url}" for size, url in counted[:5]]


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_consultation_page_transfers_at_most_150_kb(new_context, server, signed_in):
    page = new_context().new_page()
    if signed_in:
        sign_in(page, "resident16@northbrook.example")
    total, count, biggest = transferred(page, server.data["consultation_url"])
    who = "signed in" if signed_in else "anonymous"
    record_measurement(f"consultation page ({who}): {total} bytes transferred in {count} requests")
    assert total <= BUDGET, f"{total} bytes > {BUDGET}; biggest: {biggest}"


OPTIONAL_PAGES = ["/reports/", "/reports/new/", "/maps/proposals/", "/maps/consultations/{consultation_id}/"]


def test_no_page_requests_anything_beyond_loopback(new_context, server):
    context = new_context()
    page = context.new_page()
    paths = [
        "/",
        server.data["index_url"],
        server.data["consultation_url"],
        server.data["proposal_url"],
        server.data["closed_consultation_url"],
        "/search/?q=library",
        "/accounts/login/",
        "/accounts/signup/",
    ]
    visited = []
    for path in paths + [p.format(**server.data) for p in OPTIONAL_PAGES]:
        response = page.goto(path)
        if path not in paths and response.status == 404:
            continue  # a capability that has not landed yet
        page.wait_for_load_state("networkidle")
        visited.append(path)
    sign_in(page, "resident17@northbrook.example", next_path=server.data["consultation_url"])
    page.wait_for_load_state("networkidle")
    assert context.outside_requests == [], f"requests left 127.0.0.1: {context.outside_requests}"
    record_measurement(f"privacy: {len(visited) + 1} pages, no request beyond 127.0.0.1")
