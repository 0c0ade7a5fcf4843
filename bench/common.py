"""Shared set-up for benchmarks: a dedicated PostgreSQL database, migrated, Django configured."""

import os
import statistics
import sys
import time

DEFAULT_BENCH_DB = "postgres://postgres@127.0.0.1:5432/civic_bench"


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

    from django.utils import timezone

    from civic.models import HomePage
    from consultations.models import ConsultationIndexPage, ConsultationPage

    home = HomePage.objects.get()
    index = ConsultationIndexPage.objects.child_of(home).first() or home.add_child(
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
