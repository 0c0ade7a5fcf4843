"""Comment writes: 8 residents posting over HTTP to 2 daphne processes (Redis, a task worker),
each comment pushed live and indexed (targets >= 60 comments/s, index queue drained <= 10 s after
the burst, none lost); then, where gunicorn is installed, the same burst to 2 gunicorn processes
with the live viewers on daphne (the split deployment), for comparison."""

import http.client
import importlib.util
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid

from django.db.models import Q

RESIDENTS = int(os.environ.get("BENCH_WRITES_RESIDENTS", 8))
SECONDS = float(os.environ.get("BENCH_WRITES_SECONDS", 20))  # length of the measured burst
WARM_UP = 3  # comments per resident before measuring: connections opened, caches filled
DRAIN_WAIT = 120.0  # give up waiting for the index after this long


def seed():
    """An open consultation, RESIDENTS signed-in residents (session keys) and a tag for this run."""
    from allauth.account.models import EmailAddress

    from bench.common import create_consultation
    from civic.models import Organisation, User
    from tests.support.servers import signed_in_session

    tag = uuid.uuid4().hex[:8]
    org, _ = Organisation.objects.get_or_create(slug="bench-org", defaults={"name": "Bench Council"})
    page = create_consultation(f"writes-{tag}", "Writes bench", org, opens_days=-1, closes_days=30)
    sessions = []
    for i in range(RESIDENTS):
        user = User.objects.create_user(
            username=f"writes-{tag}-{i}", email=f"writes-{tag}-{i}@example.org", display_name=f"Resident {i}"
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        sessions.append(signed_in_session(user))
    return page.pk, sessions


class Resident(threading.Thread):
    """One person posting comments one after another on a kept-alive connection to one server."""

    def __init__(self, number, port, path, session, until):
        super().__init__(daemon=True)
        self.number, self.port, self.path, self.session = number, port, path, session
        self.until = until  # a time.perf_counter() value, or a count of comments when an int
        self.timings: list[float] = []
        self.refused = 0
        self.connection = None

    def post(self, n: int) -> None:
        token = uuid.uuid4().hex  # a 32-character CSRF secret used as both cookie and form field
        body = (
            f"csrfmiddlewaretoken={token}&body=Resident+{self.number}+comment+{n}+on+the+cycle+lane"
            f"&stance=support&client_token={uuid.uuid4()}"
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"sessionid={self.session}; csrftoken={token}",
            "Host": "127.0.0.1",
        }
        start = time.perf_counter()
        for attempt in range(2):  # a kept-alive connection the server closed is reopened once
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.connection.request("POST", self.path, body=body, headers=headers)
                response = self.connection.getresponse()
                response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt:
                    self.refused += 1
                    return
        if response.will_close:
            self.connection.close()
            self.connection = None
        self.timings.append((time.perf_counter() - start) * 1000)
        if response.status != 302:
            self.refused += 1

    def run(self):
        n = 0
        if isinstance(self.until, int):
            for n in range(self.until):
                self.post(n)
            return
        while time.perf_counter() < self.until:
            self.post(n)
            n += 1


def burst(servers, path, sessions, until):
    """Every resident posting at once, resident i on server i % 2; returns the residents."""
    residents = [
        Resident(i, servers[i % len(servers)].port, path, session, until)
        for i, session in enumerate(sessions)
    ]
    for resident in residents:
        resident.start()
    for resident in residents:
        resident.join()
    return residents


def floor_requests(servers, seconds):
    """The trivial view (/healthz) under the same 8 concurrent clients: requests/s and latencies."""
    timings: list[list[float]] = [[] for _ in range(RESIDENTS)]
    until = time.perf_counter() + seconds

    def client(i):
        connection = http.client.HTTPConnection("127.0.0.1", servers[i % len(servers)].port, timeout=60)
        while time.perf_counter() < until:
            start = time.perf_counter()
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            timings[i].append((time.perf_counter() - start) * 1000)
            if response.will_close:
                connection.close()
                connection = http.client.HTTPConnection(
                    "127.0.0.1", servers[i % len(servers)].port, timeout=60
                )
        connection.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(RESIDENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    flat = [t for per in timings for t in per]
    return len(flat) / (time.perf_counter() - started), flat


def queued_index_tasks() -> int:
    """Indexing tasks waiting for (or being run by) the worker."""
    from django_tasks_db.models import DBTaskResult

    tasks = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
    return tasks.filter(
        Q(task_path__endswith="index_documents") | Q(task_path__endswith="drain_queue")
    ).count()


def queued_documents() -> int:
    """Documents written but not yet indexed (search.models.QueuedDocument rows)."""
    from search.models import QueuedDocument

    return QueuedDocument.objects.count()


def indexed_count(consultation: int) -> tuple[int, int]:
    """(comments written, comments in the database search index) for the consultation."""
    from consultations.models import Comment
    from search.models import SearchEntry

    written = Comment.objects.filter(consultation_id=consultation).count()
    indexed = SearchEntry.objects.filter(type="comment", consultation_id=consultation).count()
    return written, indexed


class QueueWatch(threading.Thread):
    """Samples the index task queue during the burst: its longest length."""

    def __init__(self):
        super().__init__(daemon=True)
        self.longest = 0
        self.longest_documents = 0
        self.stop = threading.Event()

    def run(self):
        from django.db import connection

        try:
            while not self.stop.wait(0.5):
                self.longest = max(self.longest, queued_index_tasks())
                self.longest_documents = max(self.longest_documents, queued_documents())
        finally:
            connection.close()


def wait_drained(consultation: int, since: float) -> float:
    """Seconds from `since` until every comment is indexed and no index task waits (nan: never)."""
    deadline = time.perf_counter() + DRAIN_WAIT
    while time.perf_counter() < deadline:
        written, indexed = indexed_count(consultation)
        if indexed >= written and queued_index_tasks() == 0 and queued_documents() == 0:
            return time.perf_counter() - since
        time.sleep(0.1)
    return float("nan")


def index_floor(consultation: int) -> float:
    """Seconds to rebuild and write every comment of the run in one batch, in this process."""
    from consultations.models import Comment
    from search import indexing

    keys = [
        f"comment:{pk}"
        for pk in Comment.objects.filter(consultation_id=consultation).values_list("pk", flat=True)
    ]
    start = time.perf_counter()
    indexing.apply(keys)
    return time.perf_counter() - start


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def measure(label, http_servers, socket_servers, consultation, sessions):
    """One burst against running servers: residents post to the HTTP servers while a viewer on each
    websocket server must receive every comment; returns the figures."""
    from bench.bench_live import Clients
    from consultations import live

    path = f"/consultations/{consultation}/comment/"
    print(
        f"{label}: {RESIDENTS} residents posting comments for {SECONDS:g} s, Redis, one task worker, "
        f"a live viewer on each websocket server; {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    burst(http_servers, path, sessions, WARM_UP)
    warm_seq = live.last_seq(consultation)
    wait_drained(consultation, time.perf_counter())
    written_before, _ = indexed_count(consultation)

    floor_rate, floor_timings = floor_requests(http_servers, 5)
    viewers = Clients(
        [server.ws_url(consultation, warm_seq) for server in socket_servers],
        parse_sent=False,
        expect=10**9,  # listen until the timeout: the count is compared afterwards
        timeout=SECONDS + 15,
    )
    watch = QueueWatch()

    def measured():
        watch.start()
        started = time.perf_counter()
        residents = burst(http_servers, path, sessions, started + SECONDS)
        ended = time.perf_counter()
        drained = wait_drained(consultation, ended)
        watch.stop.set()
        return residents, ended - started, drained

    residents, elapsed, drained = viewers.run(measured)
    watch.join()
    timings = [t for r in residents for t in r.timings]
    written, indexed = indexed_count(consultation)
    posted = written - written_before
    received = [len(record) for record in viewers.received]
    print(
        f"{posted:,} comments in {elapsed:.1f} s; index queue at most {watch.longest} tasks and "
        f"{watch.longest_documents} documents; viewers received {received} of {posted}",
        flush=True,
    )
    return {
        "rate": posted / elapsed,
        "timings": timings,
        "floor_rate": floor_rate,
        "floor_timings": floor_timings,
        "refused": sum(r.refused for r in residents),
        "lost": max(0, posted - min(received)) if received else posted,
        "drained": drained,
        "floor_index": index_floor(consultation),
        "indexed_docs": written,
        "longest": watch.longest,
        "longest_documents": watch.longest_documents,
        "not_indexed": written - indexed,
    }


def report_phase(label, figures, targeted):
    """Report a phase's figures; the default deployment (daphne alone) carries the targets."""
    from bench.common import report

    def target(value):
        return value if targeted else None

    timings, floor_timings = figures["timings"], figures["floor_timings"]
    floor = f"/healthz, {RESIDENTS} clients"
    report(
        f"comments posted ({label})",
        figures["rate"],
        "/s",
        target=target(60),
        at_least=True,
        floor=figures["floor_rate"],
        floor_of=floor,
    )
    report(
        f"comment POST median ({label})",
        statistics.median(timings),
        "ms",
        floor=statistics.median(floor_timings),
        floor_of=f"{floor} median",
    )
    report(
        f"comment POST p95 ({label})",
        percentile(timings, 0.95),
        "ms",
        floor=percentile(floor_timings, 0.95),
        floor_of=f"{floor} p95",
    )
    report(f"posts refused ({label})", figures["refused"], target=0)
    report(f"live events lost, per viewer, worst ({label})", figures["lost"], target=0)
    report(
        f"index queue drained after the burst ({label})",
        figures["drained"],
        "s",
        target=10,
        floor=figures["floor_index"],
        floor_of=f"{figures['indexed_docs']:,} docs in one batch",
    )
    report(f"index queue, longest ({label})", figures["longest"], "tasks")
    report(f"documents waiting to be indexed, most ({label})", figures["longest_documents"])
    report(f"comments not indexed ({label})", figures["not_indexed"], target=0)


def main():
    from bench.common import setup_django

    setup_django()
    from bench.bench_live import start_worker
    from tests.support.servers import Daphne, Gunicorn, RedisServer, server_env

    redis = RedisServer()
    redis.start()
    # As in production: Redis for the channel layer and cache, indexing on the database task queue
    # run by one worker beside the servers. Rate limits stay on, raised so 8 people can post fast.
    env = server_env(
        os.environ["DATABASE_URL"],
        redis.url,
        DJANGO_SETTINGS_MODULE="project.settings.bench",
        LOG_LEVEL="WARNING",
        LIVE_IDLE_TIMEOUT=600,
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    wsgi = importlib.util.find_spec("gunicorn") is not None
    results = []
    worker = start_worker(env)
    try:
        sockets = [Daphne(env).start(wait=False) for _ in range(2)]
        for server in sockets:
            server.wait()
        try:
            # The default deployment: daphne serves HTTP and websockets from the same 2 processes.
            consultation, sessions = seed()
            label = "2 daphne processes"
            results.append((label, measure(label, sockets, sockets, consultation, sessions)))
            # The split deployment (README: serving HTTP from WSGI beside daphne), for comparison.
            if wsgi:
                consultation, sessions = seed()
                http_servers = [Gunicorn(env, threads=4).start(wait=False) for _ in range(2)]
                try:
                    for server in http_servers:
                        server.wait()
                    label = "2 gunicorn processes, daphne for websockets"
                    results.append((label, measure(label, http_servers, sockets, consultation, sessions)))
                finally:
                    for server in http_servers:
                        server.stop()
        finally:
            for server in sockets:
                server.stop()
    finally:
        worker.terminate()
        try:
            worker.wait(60)  # a loaded machine may take a while to finish the task in hand
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        redis.stop()
    if not wsgi:
        print("gunicorn is not installed (pip install -e '.[wsgi]'): the split deployment is not measured")
    for n, (label, figures) in enumerate(results):
        report_phase(label, figures, targeted=n == 0)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
