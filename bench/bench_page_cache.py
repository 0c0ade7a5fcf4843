"""Public pages over HTTP to one daphne process: anonymous consultation page at 4 concurrent clients
from the page cache (target >= 115 req/s, 10x the uncached 11.5, and p95 <= 20 ms), signed-in
median <= 25 ms; /healthz and the uncached page measured beside them."""

import http.client
import importlib.util
import os
import statistics
import threading
import time

from bench.common import report

PROPOSALS = 5  # the Northbrook demo's consultation page: 5 proposals, about 100 comments
COMMENTS = 100
VOTERS = 40
SLUG = "bench-page-cache"
CLIENTS = 4
REQUESTS = int(os.environ.get("BENCH_PAGE_REQUESTS", "150"))  # per client
SIGNED_IN_REQUESTS = int(os.environ.get("BENCH_PAGE_SIGNED_IN_REQUESTS", "100"))
TARGET_RPS = 115.0
TARGET_P95_MS = 20.0
TARGET_SIGNED_IN_MEDIAN_MS = 25.0


def build():
    """A consultation like the demo's busiest (reused on later runs)."""
    from allauth.account.models import EmailAddress
    from wagtail.rich_text import RichText

    from bench.common import create_consultation
    from civic.models import Organisation, User
    from consultations.models import Comment, ConsultationPage, ProposalPage, Vote

    existing = ConsultationPage.objects.filter(slug=SLUG).first()
    if existing and Comment.objects.filter(consultation=existing).count() == COMMENTS:
        return existing
    if existing:
        existing.delete()
    org, _ = Organisation.objects.get_or_create(slug="bench-org", defaults={"name": "Bench Council"})
    page = create_consultation(SLUG, "Library opening hours", org, opens_days=-1, closes_days=30)
    proposals = [
        page.add_child(
            instance=ProposalPage(
                title=f"Proposal {i}",
                slug=f"proposal-{i}",
                problem="<p>The library closes before people finish work.</p>",
                proposed_change=[("paragraph", RichText("<p>Open until eight on weekdays.</p>"))],
            )
        )
        for i in range(PROPOSALS)
    ]
    users = []
    for i in range(VOTERS):
        user, created = User.objects.get_or_create(
            username=f"bench-pc{i}",
            defaults={"email": f"bench-pc{i}@example.org", "display_name": f"Reader {i}"},
        )
        if created:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        users.append(user)
    Comment.objects.bulk_create(
        Comment(
            consultation=page,
            proposal=proposals[i % PROPOSALS] if i % 4 else None,
            author=users[i % VOTERS],
            body=f"Comment {i}: later opening would let me use the study rooms after work. " * 2,
        )
        for i in range(COMMENTS)
    )
    Vote.objects.bulk_create(
        (
            Vote(proposal=p, user=u, choice="support" if (j + k) % 3 else "oppose")
            for j, p in enumerate(proposals)
            for k, u in enumerate(users)
        ),
        ignore_conflicts=True,
    )
    return page


class Reader:
    """One client on one kept-alive connection, as a browser keeps it."""

    def __init__(self, port: int, cookie: str = ""):
        self.headers = {"Host": "127.0.0.1"}
        if cookie:
            self.headers["Cookie"] = cookie
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.connect()

    def get(self, path: str) -> tuple[int, float, str]:
        """(status, ms to the last byte, the page cache's verdict)."""
        begin = time.perf_counter()
        self.conn.request("GET", path, headers=self.headers)
        response = self.conn.getresponse()
        response.read()
        elapsed = (time.perf_counter() - begin) * 1000
        return response.status, elapsed, response.getheader("X-Civic-Cache") or "-"

    def close(self) -> None:
        self.conn.close()


def concurrent(port: int, path: str, clients: int, each: int, cookie: str = "") -> dict:
    """`clients` readers each making `each` requests back to back; requests per second over all."""
    readers = [Reader(port, cookie) for _ in range(clients)]
    for reader in readers:
        reader.get(path)  # warm: the first render fills the cache, as the first reader would
    timings: list[float] = []
    statuses: set[int] = set()
    verdicts: dict[str, int] = {}
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def run(reader: Reader) -> None:
        start.wait()
        mine = []
        for _ in range(each):
            status, ms, verdict = reader.get(path)
            mine.append((status, ms, verdict))
        with lock:
            for status, ms, verdict in mine:
                timings.append(ms)
                statuses.add(status)
                verdicts[verdict] = verdicts.get(verdict, 0) + 1

    threads = [threading.Thread(target=run, args=(reader,)) for reader in readers]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    for reader in readers:
        reader.close()
    return {
        "rps": len(timings) / wall,
        "median": statistics.median(timings),
        "p95": p95(timings),
        "statuses": sorted(statuses),
        "verdicts": verdicts,
    }


def p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def line(label: str, figures: dict) -> str:
    verdicts = ", ".join(f"{k} {v}" for k, v in sorted(figures["verdicts"].items()))
    return (
        f"  {label:<44} {figures['rps']:7.1f} req/s   median {figures['median']:6.1f} ms   "
        f"p95 {figures['p95']:6.1f} ms   statuses {figures['statuses']}   cache: {verdicts}"
    )


def main():
    from bench.common import setup_django

    setup_django(
        os.environ.get("DATABASE_URL") if os.environ.get("DATABASE_URL", "").startswith("postgres") else None
    )
    from civic.models import User
    from tests.support.servers import Daphne, Gunicorn, RedisServer, server_env, signed_in_session

    page = build()
    path = page.url
    reader = User.objects.get(username="bench-pc0")
    session = signed_in_session(reader)
    print(f"consultation page {path}: {PROPOSALS} proposals, {COMMENTS} comments, {VOTERS} voters each")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} (1 min)", flush=True)
    redis = RedisServer()
    redis.start()
    results: dict[str, dict] = {}
    try:
        phases = [
            ("Redis cache", {"REDIS_URL": redis.url}),
            ("page cache off", {"REDIS_URL": redis.url, "PAGE_CACHE_SECONDS": 0}),
            ("in-memory cache (no Redis)", {}),
        ]
        if importlib.util.find_spec("gunicorn"):  # pip install -e ".[wsgi]"
            phases.append(("gunicorn (WSGI), Redis cache", {"REDIS_URL": redis.url}))
        for label, extra in phases:
            env = server_env(
                os.environ["DATABASE_URL"],
                extra.pop("REDIS_URL", None),
                DJANGO_SETTINGS_MODULE="project.settings.bench",
                LOG_LEVEL="WARNING",
                **extra,
            )
            wsgi = label.startswith("gunicorn")
            server = Gunicorn(env, threads=CLIENTS).start() if wsgi else Daphne(env).start()
            try:
                kind = "" if label.startswith("gunicorn") else "daphne "
                print(f"one {kind}process, {label}, {CLIENTS} clients x {REQUESTS} requests:", flush=True)
                if label.endswith("Redis cache"):
                    results[f"floor {label}"] = concurrent(server.port, "/healthz", CLIENTS, REQUESTS)
                    print(line("/healthz (floor)", results[f"floor {label}"]), flush=True)
                figures = concurrent(server.port, path, CLIENTS, REQUESTS)
                results[label] = figures
                print(line("anonymous consultation page", figures), flush=True)
                if label.endswith("Redis cache"):
                    signed_in = concurrent(server.port, path, 1, SIGNED_IN_REQUESTS, f"sessionid={session}")
                    results[f"signed in {label}"] = signed_in
                    print(line("signed-in consultation page (1 client)", signed_in), flush=True)
            finally:
                server.stop()
    finally:
        redis.stop()
    print(f"machine: load average {os.getloadavg()[0]:.2f} (1 min) after the run", flush=True)
    cached, uncached = results["Redis cache"], results["page cache off"]
    print(f"  cached / uncached requests per second: {cached['rps'] / uncached['rps']:.1f}x")
    report("anonymous page, page cache off", uncached["rps"], "req/s")
    for label in ("Redis cache", "in-memory cache (no Redis)", "gunicorn (WSGI), Redis cache"):
        if label not in results:
            continue
        figures = results[label]
        verdict = "PASS" if figures["rps"] >= TARGET_RPS and figures["p95"] <= TARGET_P95_MS else "FAIL"
        print(
            f"anonymous page target >= {TARGET_RPS:.0f} req/s and p95 <= {TARGET_P95_MS:.0f} ms at {CLIENTS} "
            f"clients, {label} ({figures['rps']:.1f} req/s, p95 {figures['p95']:.1f} ms): {verdict}"
        )
        floor = results.get(f"floor {label}") or results.get("floor Redis cache")
        where = f"{label}, {CLIENTS} clients"
        report(f"anonymous page, {where}", figures["rps"], "req/s", target=TARGET_RPS, at_least=True,
               floor=floor and floor["rps"], floor_of="/healthz req/s")  # fmt: skip
        report(f"anonymous page p95, {where}", figures["p95"], "ms", target=TARGET_P95_MS,
               floor=floor and floor["p95"], floor_of="/healthz p95")  # fmt: skip
    for label in ("Redis cache", "gunicorn (WSGI), Redis cache"):
        if f"signed in {label}" not in results:
            continue
        median = results[f"signed in {label}"]["median"]
        verdict = "PASS" if median <= TARGET_SIGNED_IN_MEDIAN_MS else "FAIL"
        print(
            f"signed-in page target median <= {TARGET_SIGNED_IN_MEDIAN_MS:.0f} ms, {label} "
            f"({median:.1f} ms): {verdict}"
        )
        floor = results.get(f"floor {label}")
        report(f"signed-in page median, {label}", median, "ms", target=TARGET_SIGNED_IN_MEDIAN_MS,
               floor=floor and floor["median"], floor_of="/healthz median")  # fmt: skip
