"""Themes for 10,000 comments: time and peak memory (target <= 15 s and <= 1 GiB)."""

import random
import resource
import time
import tracemalloc
from datetime import timedelta

COMMENTS = 10_000
AUTHORS = 400
SLUG = "bench-themes-2"
SUBJECTS = {
    "parking": "parking car park spaces permit charges blue badge shops pavement",
    "buses": "bus route timetable fares stop shelter late evening hospital driver",
    "library": "library opening hours books computers children weekend mobile library",
    "discharge": "hospital discharge care home package carer ward bed wait social care",
    "parks": "park trees playground benches litter dogs lighting paths grass",
    "safety": "safety street lights police patrol night antisocial speeding cameras",
    "housing": "housing rent repairs damp council homes waiting list heating",
    "bins": "bins collection recycling fortnightly fly tipping food waste",
}
FILLER = "i think we should please the council would really more better because every week".split()
SYLLABLES = [c + v for c in "bcdfglmnrst" for v in "aeo"]


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """Made-up words so the vocabulary is as large as real comments' (names, places, typos)."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)]


def comment_text(rng: random.Random, rare: list[str]) -> str:
    words = SUBJECTS[rng.choice(list(SUBJECTS))].split()
    body = []
    for _ in range(rng.randint(8, 60)):
        roll = rng.random()
        body.append(
            rng.choice(words) if roll < 0.45 else rng.choice(FILLER) if roll < 0.8 else rng.choice(rare)
        )
    return " ".join(body).capitalize() + "."


def build():
    from allauth.account.models import EmailAddress

    from bench.common import create_consultation, progress
    from civic.models import Organisation, User
    from consultations.models import Comment, ConsultationPage

    existing = ConsultationPage.objects.filter(slug=SLUG).first()
    if existing and Comment.objects.filter(consultation=existing).count() == COMMENTS:
        return existing
    if existing:
        existing.delete()
    org, _ = Organisation.objects.get_or_create(slug="bench-org", defaults={"name": "Bench Council"})
    page = create_consultation(
        SLUG, "Benchmark themes", org, opens_days=-90, closes_days=-1, results_published=True
    )
    users = []
    for i in range(AUTHORS):
        user, created = User.objects.get_or_create(
            username=f"theme-bench{i}",
            defaults={"email": f"theme-bench{i}@example.org", "display_name": f"Bench {i}"},
        )
        if created:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        users.append(user)
    rng = random.Random(2026)
    rare = vocabulary(rng)
    channels = ["online"] * 6 + ["paper", "phone", "event"]
    stances = ["support", "oppose", "neutral", "question"]
    rows = [
        Comment(
            consultation=page,
            author=users[i % AUTHORS],
            body=comment_text(rng, rare),
            stance=rng.choice(stances),
            channel=rng.choice(channels),
            created_at=page.opens_at + timedelta(minutes=rng.randint(0, 89 * 24 * 60)),
        )
        for i in range(COMMENTS)
    ]
    Comment.objects.bulk_create(rows, batch_size=1000)
    progress(COMMENTS, COMMENTS, "comments")
    return page


def main():
    from bench.common import report, setup_django, summarise, time_requests

    setup_django()
    from django.test import Client

    from civic.models import User
    from consultations.summaries.services import build_themes, summarised_comments
    from consultations.summaries.themes import compute_themes

    page = build()
    rows = list(summarised_comments(page).order_by("id").values_list("id", "body"))

    start = time.perf_counter()
    import sklearn.decomposition  # noqa: F401  (a worker pays this once, not per task)
    import sklearn.feature_extraction.text  # noqa: F401

    import_s = time.perf_counter() - start
    start = time.perf_counter()
    run = build_themes(page.pk)  # what the background task runs: read, compute, store
    total_s = time.perf_counter() - start
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    start = time.perf_counter()
    result = compute_themes(rows)
    compute_s = time.perf_counter() - start

    tracemalloc.start()  # a second run only to measure memory: tracing slows it several times over
    compute_themes(rows)
    _, compute_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"{len(rows):,} comments -> {len(result.themes)} themes + {len(result.other.ids)} in 'other'")
    print(f"importing scikit-learn (once per worker) {import_s:6.2f} s")
    print(f"themes computed and stored (task)    {total_s:6.2f} s   process peak RSS      {rss_mib:7.1f} MiB")
    peak_mib = compute_peak / 2**20
    print(f"themes computed only (TF-IDF + NMF)  {compute_s:6.2f} s   tracemalloc peak {peak_mib:7.1f} MiB")
    print(f"status {run.status}; largest theme: {result.themes[0].label!r} ({len(result.themes[0].ids)})")

    client = Client()
    client.force_login(User.objects.get(username="theme-bench0"))
    times, queries, status = time_requests(client, f"/consultations/{page.pk}/summary/", 10)
    assert status == 200, status
    _, summary_p95 = summarise("summary page (10 requests)", times, queries)
    floor_times, floor_queries, _ = time_requests(client, "/healthz", 10)
    _, floor_p95 = summarise("trivial view (/healthz)", floor_times, floor_queries)
    read_s = raw_read_seconds(page.pk)
    raw = f"raw SQL read of the {len(rows):,} comments"
    report("themes: import + compute + store", import_s + total_s, "s", target=15, floor=read_s, floor_of=raw)
    report("themes: process peak RSS", rss_mib, "MiB", target=1024)
    report("summary page p95", summary_p95, "ms", floor=floor_p95, floor_of="/healthz p95")


def raw_read_seconds(consultation_id: int) -> float:
    """The floor: reading the comments' text with one raw SQL query."""
    from django.db import connection

    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, body FROM consultations_comment WHERE consultation_id = %s ORDER BY id",
            [consultation_id],
        )
        cursor.fetchall()
    return time.perf_counter() - start
