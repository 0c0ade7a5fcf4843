"""Live fan-out: 1,000 websocket clients, 2 daphne processes sharing Redis, 200 comments
posted over HTTP (target p95 <= 150 ms, within 3x of a bare broadcast, >= 15,000 deliveries/s,
zero lost)."""

import asyncio
import http.client
import json
import os
import statistics
import sys
import time
import uuid

CLIENTS = int(os.environ.get("BENCH_LIVE_CLIENTS", 1000))
COMMENTS = int(os.environ.get("BENCH_LIVE_COMMENTS", 200))
RATE = float(os.environ.get("BENCH_LIVE_RATE", 20))  # comments per second, steady
CONNECT_BATCH = 50
WARM_UP = int(os.environ.get("BENCH_LIVE_WARM_UP", 40))  # comments posted before measuring
CLIENT_PROCESSES = int(os.environ.get("BENCH_LIVE_CLIENT_PROCESSES", 2))  # the clients need CPU too


def seed():
    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from civic.models import HomePage, Organisation, User
    from consultations.models import ConsultationIndexPage, ConsultationPage
    from tests.support.servers import signed_in_session

    tag = uuid.uuid4().hex[:8]
    from django.conf import settings as django_settings

    home = HomePage.objects.get(locale__language_code=django_settings.LANGUAGE_CODE)  # not a translation
    index = home.add_child(instance=ConsultationIndexPage(title="Live bench", slug=f"live-{tag}"))
    org, _ = Organisation.objects.get_or_create(slug="bench-org", defaults={"name": "Bench Council"})
    now = timezone.now()
    page = index.add_child(
        instance=ConsultationPage(
            title="Live bench",
            slug="live",
            summary="Live bench",
            lead_organisation=org,
            opens_at=now - timezone.timedelta(days=1),
            closes_at=now + timezone.timedelta(days=1),
        )
    )
    user = User.objects.create_user(
        username=f"livebench-{tag}", email=f"livebench-{tag}@example.org", display_name="Bench poster"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return page.pk, signed_in_session(user)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


class Receiver:
    """Opens the websockets and records (seq, receipt time) per client."""

    def __init__(self, urls, origin, parse_sent=False, kinds=("comment.posted", "floor")):
        self.urls = urls
        self.origin = origin
        self.parse_sent = parse_sent
        self.markers = tuple(f'"type":"{kind}"' for kind in kinds)  # the events that are counted
        self.received = [[] for _ in urls]
        self.sockets = []

    async def open(self):
        from websockets.asyncio.client import connect

        for start in range(0, len(self.urls), CONNECT_BATCH):
            batch = self.urls[start : start + CONNECT_BATCH]
            sockets = await asyncio.gather(
                *(
                    connect(
                        url,
                        additional_headers={"Origin": self.origin(url)},
                        max_queue=None,
                        open_timeout=60,
                        ping_interval=None,
                    )
                    for url in batch
                )
            )
            for sock in sockets:
                await sock.recv()  # hello (or the floor's greeting)
            self.sockets.extend(sockets)

    async def listen(self, index, sock, expect):
        record = self.received[index]
        try:
            while len(record) < expect:
                text = await sock.recv()
                now = time.time()
                # Frames start '{"seq":N,"type":"..."': read those without parsing the whole
                # frame, so the measuring client spends its CPU receiving, not decoding.
                if not any(marker in text[:60] for marker in self.markers):
                    continue
                seq = int(text[7 : text.index(",", 7)])
                sent = None
                if self.parse_sent:
                    sent = float(text[text.rindex('"sent":') + 7 :].rstrip("}"))
                record.append((seq, now, sent))
        except Exception:  # noqa: BLE001 - a closed socket shows up as lost events
            return

    async def run(self, expect, timeout):
        tasks = [asyncio.create_task(self.listen(i, s, expect)) for i, s in enumerate(self.sockets)]
        done, pending = await asyncio.wait(tasks, timeout=timeout)
        for task in pending:
            task.cancel()

    async def close(self):
        await asyncio.gather(*(s.close() for s in self.sockets), return_exceptions=True)


def _client_process(urls, parse_sent, expect, timeout, conn, kinds):
    """One measuring process: open its sockets, say ready, listen, send the records back."""

    async def main():
        receiver = Receiver(urls, origin=lambda url: "http://127.0.0.1", parse_sent=parse_sent, kinds=kinds)
        await receiver.open()
        conn.send("ready")
        await asyncio.to_thread(conn.recv)  # "go"
        await receiver.run(expect, timeout)
        await receiver.close()
        return receiver.received

    conn.send(asyncio.run(main()))
    conn.close()


class Clients:
    """Receivers spread over several processes, so the measuring side is not the bottleneck."""

    def __init__(self, urls, parse_sent, expect, timeout, kinds=("comment.posted", "floor")):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        chunks = [urls[i::CLIENT_PROCESSES] for i in range(CLIENT_PROCESSES)]
        self.pipes, self.processes = [], []
        for chunk in chunks:
            parent, child = context.Pipe()
            process = context.Process(
                target=_client_process, args=(chunk, parse_sent, expect, timeout, child, kinds), daemon=True
            )
            process.start()
            self.pipes.append(parent)
            self.processes.append(process)
        for pipe in self.pipes:
            if pipe.recv() != "ready":
                raise RuntimeError("a measuring process failed to connect")
        self.received = []

    def run(self, action):
        for pipe in self.pipes:
            pipe.send("go")
        result = action()
        for pipe, process in zip(self.pipes, self.processes, strict=True):
            self.received.extend(pipe.recv())
            process.join(30)
        return result


def paced(count, rate, action, workers=8):
    """Call action(n) for n in range(count) at a steady rate, from a small pool of threads."""
    from concurrent.futures import ThreadPoolExecutor

    started = time.perf_counter()

    def run(n):
        delay = started + n / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        return action(n)

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(run, range(count)))


def post_comments(servers, consultation, session, count, rate):
    """POST the comment form at a steady rate, alternating between the servers."""
    token = uuid.uuid4().hex  # a 32-character CSRF secret used as both cookie and form field

    def post(n):
        server = servers[n % len(servers)]
        body = (
            f"csrfmiddlewaretoken={token}&body=Bench+comment+{n}+about+the+plan&stance=support"
            f"&client_token={uuid.uuid4()}"
        )
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.request(
            "POST",
            f"/consultations/{consultation}/comment/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={session}; csrftoken={token}",
                "Host": "127.0.0.1",
            },
        )
        response = conn.getresponse()
        response.read()
        conn.close()
        return response.status == 302

    return sum(1 for ok in paced(count, rate, post) if not ok)


def trigger_floor(servers, payload, count, rate):
    def trigger(n):
        text = payload.replace('"__SEQ__"', str(n + 1)).replace('"__SENT__"', repr(time.time()))
        for server in servers:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            conn.request(
                "POST", "/broadcast", body=text.encode(), headers={"Content-Type": "application/json"}
            )
            conn.getresponse().read()
            conn.close()

    paced(count, rate, trigger, workers=1)  # in order, like the stored sequence


def analyse(label, receiver, expected_seqs, sent_at):
    latencies, lost, disorder, deliveries = [], 0, 0, 0
    first_sent = min(sent_at.values())
    last_receipt = first_sent
    for record in receiver.received:
        seqs = [seq for seq, _, _ in record]
        lost += len(set(expected_seqs) - set(seqs))
        disorder += sum(1 for a, b in zip(seqs, seqs[1:], strict=False) if b <= a)
        deliveries += len(record)
        for seq, at, sent in record:
            origin = sent if sent is not None else sent_at.get(seq)
            if origin is not None:
                latencies.append((at - origin) * 1000)
            last_receipt = max(last_receipt, at)
    duration = max(1e-9, last_receipt - first_sent)
    rate = deliveries / duration
    print(
        f"{label:<34} p50 {statistics.median(latencies):7.1f} ms  p95 "
        f"{percentile(latencies, 0.95):7.1f} ms  max {max(latencies):7.1f} ms  "
        f"{rate:9,.0f} deliveries/s  lost {lost}  out-of-order {disorder}",
        flush=True,
    )
    return percentile(latencies, 0.95), rate, lost, disorder


def start_worker(env):
    """The background task worker production runs beside the web servers (manage.py db_worker)."""
    import subprocess

    from tests.support.servers import ROOT

    return subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def indexed_by_worker(consultation, wait=30.0) -> int:
    """How many of the consultation's comments the worker has put in the search index."""
    from consultations.models import Comment
    from search.models import SearchEntry

    expected, count = None, 0
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        expected = Comment.objects.filter(consultation_id=consultation).count()
        count = SearchEntry.objects.filter(type="comment", consultation_id=consultation).count()
        if count >= expected:
            break
        time.sleep(0.5)
    return count


def main():
    from bench.common import setup_django

    setup_django()

    from consultations import live
    from consultations.models import LiveEvent
    from tests.support.servers import Daphne, RedisServer, server_env

    redis = RedisServer()
    redis.start()
    consultation, session = seed()
    # As in production: background tasks (search indexing) go to the database queue and a worker.
    env = server_env(
        os.environ["DATABASE_URL"],
        redis.url,
        LOG_LEVEL="WARNING",
        LIVE_IDLE_TIMEOUT=600,
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    worker = start_worker(env)
    servers = [Daphne(env).start(wait=False) for _ in range(2)]
    for server in servers:
        server.wait()
    print(
        f"{CLIENTS} websocket clients, 2 daphne processes, Redis channel layer, "
        f"{COMMENTS} comments over HTTP at {RATE:g}/s, one task worker",
        flush=True,
    )

    # Warm-up, not measured: the servers' first requests open database connections and fill
    # caches, as a server in service has long done. Clients then start after the warm-up events.
    post_comments(servers, consultation, session, WARM_UP, RATE)
    warm_seq = live.last_seq(consultation)
    print(f"warm-up: {WARM_UP} comments posted before the clients connect, not measured", flush=True)

    def live_url(i):
        return servers[i % 2].ws_url(consultation, warm_seq)

    try:
        receiver = Clients(
            [live_url(i) for i in range(CLIENTS)],
            parse_sent=False,
            expect=COMMENTS,
            timeout=COMMENTS / RATE + 60,
        )

        failures = receiver.run(lambda: post_comments(servers, consultation, session, COMMENTS, RATE))
        events = dict(
            LiveEvent.objects.filter(
                consultation_id=consultation, type="comment.posted", seq__gt=warm_seq
            ).values_list("seq", "created_at")
        )
        sent_at = {seq: created.timestamp() for seq, created in events.items()}
        frame_sample = LiveEvent.objects.filter(consultation_id=consultation).first()
        indexed = indexed_by_worker(consultation)
        print(f"search index: {indexed:,} comments indexed by the task worker", flush=True)
        print(f"posts refused: {failures}", flush=True)
        live_p95, live_rate, lost, disorder = analyse(
            "Civic (commit -> client)", receiver, list(events), sent_at
        )
    finally:
        for server in servers:
            server.stop()
        worker.terminate()
        worker.wait(10)

    floor_env = dict(env)
    floor_servers = []
    for _ in range(2):
        server = Daphne(floor_env)
        server.app = "bench.floor_app:application"
        floor_servers.append(server)
    for server in floor_servers:
        server.start(wait=False)
    for server in floor_servers:
        server.wait()
    try:
        message = frame_sample.as_message()
        message["type"] = "floor"
        message["seq"] = "__SEQ__"
        message["data"] = {**message["data"], "sent": "__SENT__"}
        payload = json.dumps(message, separators=(",", ":"))
        trigger_floor(floor_servers, payload, WARM_UP, RATE)  # the same warm-up, before clients connect
        floor = Clients(
            [f"ws://127.0.0.1:{floor_servers[i % 2].port}/ws/" for i in range(CLIENTS)],
            parse_sent=True,
            expect=COMMENTS,
            timeout=COMMENTS / RATE + 60,
        )
        floor.run(lambda: trigger_floor(floor_servers, payload, COMMENTS, RATE))
        sent = {}
        for record in floor.received:
            for seq, _at, sent_time in record:
                sent.setdefault(seq, sent_time)
        floor_p95, floor_rate, _, _ = analyse(
            "floor: bare daphne broadcast", floor, list(range(1, COMMENTS + 1)), sent
        )
    finally:
        for server in floor_servers:
            server.stop()
        redis.stop()
    ratio = live_p95 / floor_p95 if floor_p95 else float("inf")
    print(
        f"ratio p95 Civic / floor: {ratio:.1f}x; deliveries/s Civic / floor: {live_rate / floor_rate:.2f}",
        flush=True,
    )
    from bench.common import report

    broadcast = "bare daphne broadcast"
    report("comment to client p95", live_p95, "ms", target=150, floor=floor_p95, floor_of=f"{broadcast} p95")
    report("comment to client p95 / floor", ratio, "x", target=3)
    report("deliveries", live_rate, "/s", target=15000, at_least=True, floor=floor_rate, floor_of=broadcast)
    report("events lost", lost, target=0)
    report("events out of order", disorder, target=0)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
