"""Shared set-up for benchmarks: a dedicated PostgreSQL database, migrated, Django configured.

Report API: a benchmark states each figure once, next to the floor it measured in the same run
(trivial view, bare websocket broadcast, raw SQL or raw search query) and its target:

    from bench.common import report
    report("consultation page p95", page_p95, "ms", target=150, floor=healthz_p95, floor_of="/healthz p95")
    report("comments posted", rate, "/s", target=60, at_least=True, floor=..., floor_of="...")
    report("events lost", lost, "", target=0)

`report` prints the line at once and returns whether it passed (True when there is no target);
bench/run.py prints every benchmark's lines as ONE table at the end and exits 1 on any FAIL.
"""

import json
import math
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass

DEFAULT_BENCH_DB = "postgres://postgres@127.0.0.1:5432/civic_bench"


@dataclass(frozen=True)
class Line:
    """One figure of one benchmark: its value, the floor measured beside it, its target."""

    bench: str
    label: str
    value: float
    unit: str = ""
    target: float | None = None
    at_least: bool = False  # the target is a minimum (rates), not a maximum (times, sizes)
    floor: float | None = None
    floor_of: str = ""  # what the floor is: "/healthz p95", "bare daphne broadcast p95", "raw SQL p95"

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        if math.isnan(self.value):
            return False
        return self.value >= self.target if self.at_least else self.value <= self.target


LINES: list[Line] = []
BENCH = ""  # set by bench/run.py to the benchmark running; else the caller's module name


def report(
    label: str,
    value: float,
    unit: str = "",
    *,
    target: float | None = None,
    at_least: bool = False,
    floor: float | None = None,
    floor_of: str = "",
) -> bool:
    """Record one figure for the final table (and print it now); True unless it misses its target."""
    bench = BENCH or sys._getframe(1).f_globals.get("__name__", "?").rpartition(".")[2]
    line = Line(bench, label, float(value), unit, target, at_least, floor, floor_of)
    LINES.append(line)
    print("  " + "  ".join(cell for cell in _cells(line)[1:] if cell), flush=True)
    return line.passed is not False


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if math.isnan(value):
        return "-"
    digits = 0 if abs(value) >= 100 or float(value).is_integer() else 2 if abs(value) < 10 else 1
    return f"{value:,.{digits}f}{' ' + unit if unit else ''}"


def _cells(line: Line) -> list[str]:
    floor = f"{_number(line.floor, line.unit)} ({line.floor_of})" if line.floor is not None else ""
    ratio = ""
    if line.floor and not math.isnan(line.value):
        ratio = f"{line.value / line.floor:,.1f}x"
    target = (
        f"{'>=' if line.at_least else '<='} {_number(line.target, line.unit)}"
        if line.target is not None
        else ""
    )
    verdict = {True: "PASS", False: "FAIL", None: ""}[line.passed]
    return [line.bench, line.label, _number(line.value, line.unit), floor, ratio, target, verdict]


def print_table(lines: list[Line] | None = None) -> bool:
    """The one report: every figure next to its floor and target; True when nothing failed."""
    lines = LINES if lines is None else lines
    head = ["benchmark", "figure", "value", "floor (same run)", "/floor", "target", "result"]
    rows = [head] + [_cells(line) for line in lines]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    right = {2, 4}
    print(f"\n=== Report: {len(lines)} figures, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} now")
    for n, row in enumerate(rows):
        cells = [
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    failed = sum(1 for line in lines if line.passed is False)
    print(f"{failed} FAIL, {sum(1 for line in lines if line.passed)} PASS", flush=True)
    if os.environ.get("BENCH_REPORT_JSON"):
        with open(os.environ["BENCH_REPORT_JSON"], "w", encoding="utf-8") as handle:
            json.dump([{**asdict(line), "passed": line.passed} for line in lines], handle, indent=1)
    return failed == 0


def setup_django(database_url: str | None = None) -> None:
    """Point Django at the benchmark database (created if missing) and migrate it."""
    url = database_url or os.environ.get("BENCH_DATABASE_URL") or DEFAULT_BENCH_DB
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.bench")
    if url.startswith("postgres"):
        ensure_postgres_database(url)
    import django

    django.setup()
    from django.core.management import call_command

    print(f"database: {url}", flush=True)
    call_command("migrate", verbosity=0, interactive=False)


def ensure_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def time_requests(client, url: str, count: int = 50, **extra):
    """Time `count` sequential requests in-process; returns (ms list, query count, status)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, **extra)  # warm caches and connections, as a running server would be
    timings = []
    queries = 0
    status = None
    for _ in range(count):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url, **extra)
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
        status = response.status_code
    return timings, queries, status


def summarise(label: str, timings: list[float], queries: int) -> tuple[float, float]:
    ordered = sorted(timings)
    median = statistics.median(ordered)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    print(f"{label:<32} median {median:7.2f} ms   p95 {p95:7.2f} ms   queries {queries:3d}", flush=True)
    return median, p95


def progress(done: int, total: int, what: str) -> None:
    sys.stdout.write(f"\r  creating {what}: {done}/{total}")
    if done == total:
        sys.stdout.write("\n")
    sys.stdout.flush()


def create_consultation(slug: str, title: str, organisation, opens_days: int, closes_days: int, **fields):
    """A consultation page for a benchmark, under the site's consultation index (made if missing)."""
    from datetime import timedelta

    from django.conf import settings as django_settings
    from django.utils import timezone

    from civic.models import HomePage
    from consultations.models import ConsultationIndexPage, ConsultationPage

    home = HomePage.objects.get(locale__language_code=django_settings.LANGUAGE_CODE)  # not a translation
    # Not bench_search's own index: a page added under it fails its reuse check, which then
    # deletes and rebuilds its 200,000 contributions.
    indexes = ConsultationIndexPage.objects.child_of(home).exclude(slug="bench-search")
    index = indexes.first() or home.add_child(
        instance=ConsultationIndexPage(title="Consultations", slug="consultations")
    )
    now = timezone.now()
    return index.add_child(
        instance=ConsultationPage(
            title=title,
            slug=slug,
            summary=title,
            lead_organisation=organisation,
            opens_at=now + timedelta(days=opens_days),
            closes_at=now + timedelta(days=closes_days),
            **fields,
        )
    )
