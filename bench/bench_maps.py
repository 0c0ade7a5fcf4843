"""Issues map, 10,000 reports: page KB, GeoJSON ms, time to markers (<= 100 KB, <= 300 ms, <= 2 s)."""

import os
import random
import statistics
import time
from pathlib import Path

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS

REPORTS = 10_000
REQUESTS = 20
BROWSER_RUNS = 3
CATEGORY = "bench-maps"
ROOT = Path(__file__).resolve().parent.parent


def build():
    from django.core.management import call_command

    from bench.common import progress
    from civic import places
    from civic.models import Area, Organisation
    from mapping import demo, exports
    from mapping.models import IssueCategory, IssueReport

    if not Area.objects.filter(slug="northbrook").exists():
        call_command("load_areas", str(demo.AREAS_FILE), "--no-progress", stdout=open(os.devnull, "w"))
    org, _ = Organisation.objects.get_or_create(
        slug="bench-maps-council", defaults={"name": "Bench Maps Council"}
    )
    category, _ = IssueCategory.objects.get_or_create(
        slug=CATEGORY, defaults={"name": "Bench pothole", "service_code": "BENCH-POT", "organisation": org}
    )
    if (
        IssueReport.objects.count() == REPORTS
        and IssueReport.objects.filter(category=category).count() == REPORTS
    ):
        return
    IssueReport.objects.all().delete()
    areas = list(Area.objects.filter(kind__in=[Area.Kind.COUNCIL, Area.Kind.WARD]))
    rng = random.Random(2026)
    statuses = ["open", "acknowledged", "in_progress", "fixed", "closed"]
    batch = []
    for i in range(REPORTS):
        lat, lon = rng.uniform(52.8805, 52.9195), rng.uniform(-1.5595, -1.4705)
        batch.append(
            IssueReport(
                category=category,
                organisation=org,
                title=f"Bench report {i}: pothole near number {rng.randint(1, 200)}",
                description="A benchmark report.",
                latitude=round(lat, 6),
                longitude=round(lon, 6),
                ward=places.locate(lat, lon, areas).ward,
                status=rng.choice(statuses),
            )
        )
        if len(batch) == 1000:
            IssueReport.objects.bulk_create(batch)
            batch = []
            progress(i + 1, REPORTS, "reports")
    exports.forget_pins()


def daphne():
    """A real server on loopback, on the benchmark database."""
    from tests.support.servers import running_daphne

    return running_daphne({**os.environ, "DJANGO_SETTINGS_MODULE": "project.settings.bench"})


def browser_times(base: str) -> list[float]:
    """Milliseconds from navigation start until the map shows its markers, in fresh browser contexts."""
    from django.conf import settings
    from playwright.sync_api import sync_playwright

    tile_origin = settings.MAP_TILE_ORIGIN
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(BROWSER_RUNS):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                if tile_origin:
                    page.route(f"{tile_origin}/**", lambda route: route.abort())  # no network here
                page.goto(f"{base}/reports/")
                page.wait_for_function(
                    "() => { const m = document.querySelector('.folium-map');"
                    " return m && m.dataset.pins && document.querySelector('.marker-cluster, .map-pin'); }",
                    timeout=30_000,
                )
                pins = page.get_attribute(".folium-map", "data-pins")
                now = page.evaluate("performance.now()")
                marks = page.evaluate(
                    "() => Object.fromEntries(['civic:pins-fetched', 'civic:pins-added'].map("
                    "n => [n, (performance.getEntriesByName(n)[0] || {}).startTime]))"
                )
                loaded = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
                )
                print(
                    f"  run: DOM ready {loaded:.0f} ms, pins fetched {marks['civic:pins-fetched']:.0f} ms, "
                    f"markers added {marks['civic:pins-added']:.0f} ms, markers visible {now:.0f} ms",
                    flush=True,
                )
                times.append(now)
                context.close()
        finally:
            browser.close()
    print(f"  markers on the map: {pins} reports (tile requests blocked: no network)", flush=True)
    return times


def blank_page_times(base: str) -> list[float]:
    """The browser's floor: milliseconds to load the trivial view in the same fresh contexts."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(BROWSER_RUNS):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(f"{base}/healthz")
                times.append(page.evaluate("performance.now()"))
                context.close()
        finally:
            browser.close()
    return times


def cold_pin_times(client):
    """Every request rebuilds the pins, as after a write (the cache generation is bumped first)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mapping import exports

    timings = []
    for _ in range(REQUESTS):
        exports.forget_pins()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get("/reports/pins.geojson")
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return timings, len(ctx.captured_queries)


def main():
    from bench.common import report, setup_django, summarise, time_requests

    setup_django()
    from django.test import Client

    build()
    client = Client()
    page = client.get("/reports/")
    assert page.status_code == 200, page.status_code
    pins = client.get("/reports/pins.geojson")
    page_kb, pins_kb = len(page.content) / 1024, len(pins.content) / 1024
    print(f"{REPORTS:,} reports, PostgreSQL, {REQUESTS} sequential requests each")
    print(f"issues map page HTML: {page_kb:.1f} KB   GeoJSON pins: {pins_kb:.0f} KB", flush=True)
    page_times, page_queries, _ = time_requests(client, "/reports/", REQUESTS)
    summarise("issues map page", page_times, page_queries)
    _, pins_p95 = summarise("GeoJSON pins, uncached", *cold_pin_times(client))
    pin_times, pin_queries, status = time_requests(client, "/reports/pins.geojson", REQUESTS)
    assert status == 200, status
    summarise("GeoJSON pins, cached", pin_times, pin_queries)
    floor_times, floor_queries, _ = time_requests(client, "/healthz", REQUESTS)
    _, floor_p95 = summarise("trivial view (/healthz)", floor_times, floor_queries)
    rendered = browser_floor = None
    if not Path(CHROMIUM).exists():
        print(f"headless Chromium: skipped ({CHROMIUM} missing: apt-get install -y chromium)")
    else:
        with daphne() as base:
            times = browser_times(base)
            browser_floor = statistics.median(blank_page_times(base))
        rendered = statistics.median(times)
        print(
            f"time to map with markers (Chromium, {BROWSER_RUNS} cold loads): median {rendered:.0f} ms, "
            f"runs {', '.join(f'{t:.0f}' for t in times)} ms",
            flush=True,
        )
    report("issues map page HTML", page_kb, "KB", target=100)
    report("GeoJSON pins p95, uncached", pins_p95, "ms", target=300, floor=floor_p95, floor_of="/healthz p95")
    report(
        "time to map with markers, median",
        float("nan") if rendered is None else rendered,
        "ms",
        target=2000,
        floor=browser_floor,
        floor_of="Chromium loading /healthz",
    )
