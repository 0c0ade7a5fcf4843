"""Two real ASGI server processes sharing Redis: events cross processes once, sequence numbers
stay gap-free under concurrent writers, and a Redis outage loses nothing."""

import asyncio
import json
import shutil
from types import SimpleNamespace

import pytest
from websockets.asyncio.client import connect

from consultations.live import EVENT_TYPES
from tests.support.servers import Daphne, Database, RedisServer, manage, prepare_database, server_env

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
USERS = 4


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker):
    redis = RedisServer()
    redis.start()
    from django.conf import settings

    with django_db_blocker.unblock():
        database = Database(template=settings.DATABASES["default"]["TEST"])
    servers = []
    try:
        env = server_env(
            database.url,
            redis.url,
            LIVE_PRESENCE_INTERVAL=2,
            LIVE_MAX_SOCKETS_PER_USER=3,
            LIVE_IDLE_TIMEOUT=600,
        )
        ids = prepare_database(env, users=USERS, migrated=database.migrated)
        servers = [Daphne(env).start(wait=False), Daphne(env).start(wait=False)]
        for server in servers:
            server.wait()
        yield SimpleNamespace(redis=redis, servers=servers, env=env, **ids)
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        database.drop()


def server_logs(cluster) -> str:
    """The end of each server's log, for a failure's message."""
    return "\n".join(f"server {n}:\n{server.output()[-2000:]}" for n, server in enumerate(cluster.servers))


def headers(cluster, server, user=None):
    result = {"Origin": server.base}
    if user is not None:
        result["Cookie"] = f"sessionid={cluster.sessions[user]}"
    return result


async def open_socket(cluster, server, user=None, since=0, replayed=None):
    """Connect and wait for the hello; events replayed before it go to `replayed` when given."""
    socket = await connect(
        server.ws_url(cluster.consultation, since), additional_headers=headers(cluster, server, user)
    )
    hello = await until(socket, "hello", skipped=replayed)
    return socket, hello["data"]["last_seq"]


async def until(socket, type_, timeout=15, match=None, skipped=None):
    async with asyncio.timeout(timeout):
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == type_ and (match is None or match(message)):
                return message
            if skipped is not None:
                skipped.append(message)


async def collect(socket, count, timeout=30, received=()):
    """Sequence numbers of every event delivered (after those already `received`) until `count`
    comments have arrived."""
    seqs, comments = [], 0
    messages = iter(received)
    async with asyncio.timeout(timeout):
        while comments < count:
            message = next(messages, None) or json.loads(await socket.recv())
            if message["type"] in EVENT_TYPES:  # also state events the hubs record meanwhile
                seqs.append(message["seq"])
                comments += message["type"] == "comment.posted"
    return seqs


def test_comment_posted_on_one_process_reaches_a_viewer_on_the_other(cluster):
    first, second = cluster.servers

    async def scenario():
        poster, _ = await open_socket(cluster, first, user=0)
        viewer, _ = await open_socket(cluster, second)
        await poster.send(json.dumps({"action": "comment", "ref": "x", "body": "Across processes"}))
        ack = await until(poster, "ack")
        assert ack["data"]["ref"] == "x"
        event = await until(viewer, "comment.posted")
        assert "Across processes" in event["html"]
        await poster.close()
        await viewer.close()

    asyncio.run(scenario())


def test_presence_is_summed_across_processes(cluster):
    first, second = cluster.servers

    async def scenario():
        a, _ = await open_socket(cluster, first)
        b, _ = await open_socket(cluster, second)
        # Reports from sockets of earlier tests may linger for a moment; the total must settle on 2.
        message = await until(a, "presence", match=lambda m: m["data"]["viewers"] == 2)
        assert message["data"]["viewers"] == 2
        await b.close()
        message = await until(a, "presence", match=lambda m: m["data"]["viewers"] == 1)
        assert message["data"]["viewers"] == 1
        await a.close()

    asyncio.run(scenario())


def test_concurrent_posting_gives_unique_gap_free_sequence(cluster):
    per_user = 6
    total = USERS * per_user + 1

    async def scenario():
        posters = [(await open_socket(cluster, cluster.servers[i % 2], user=i))[0] for i in range(USERS)]
        # Both observers count from one position, whatever is recorded while they connect (a hub
        # records a state event on its own clock): the second asks for everything after `start`.
        first, start = await open_socket(cluster, cluster.servers[0])
        await posters[0].send(json.dumps({"action": "comment", "ref": "between", "body": "Between"}))
        await until(posters[0], "ack", match=lambda m: m["data"].get("ref") == "between")
        replayed = []
        second, _ = await open_socket(cluster, cluster.servers[1], since=start, replayed=replayed)
        assert any(m["type"] == "comment.posted" for m in replayed)  # the comment above, by replay
        observers = [(first, ()), (second, replayed)]

        async def post_many(socket, user):
            for n in range(per_user):
                await socket.send(
                    json.dumps({"action": "comment", "ref": n, "body": f"User {user} comment {n}"})
                )
                await until(socket, "ack", match=lambda m, n=n: m["data"].get("ref") == n)

        receiving = [asyncio.create_task(collect(sock, total, received=seen)) for sock, seen in observers]
        await asyncio.gather(*(post_many(sock, i) for i, sock in enumerate(posters)))
        results = [await task for task in receiving]
        for got in results:
            # every event after start, once, in order, with no gap, on both processes
            assert got == list(range(start + 1, start + len(got) + 1)), (start, got)
        assert results[0] == results[1]
        for sock in posters + [sock for sock, _ in observers]:
            await sock.close()
        return start

    start = asyncio.run(scenario())
    stored = cluster.servers[0].get_json(f"/consultations/{cluster.consultation}/events/?since={start}")
    seqs = [event["seq"] for event in stored["events"]]
    assert seqs == list(range(start + 1, start + len(seqs) + 1))
    assert sum(event["type"] == "comment.posted" for event in stored["events"]) == total


async def refused_as_one_too_many(cluster, server, user) -> bool:
    """Open a socket; True when it is refused with too_many_sockets and close code 4429."""
    socket = await connect(
        server.ws_url(cluster.consultation, 0), additional_headers=headers(cluster, server, user)
    )
    try:
        async with asyncio.timeout(15):
            while True:
                message = json.loads(await socket.recv())
                if message["type"] == "hello":
                    await socket.close()
                    return False
                if message["type"] == "error" and message["data"]["code"] == "too_many_sockets":
                    break
        await socket.wait_closed()
        return socket.close_code == 4429
    finally:
        await socket.close()


def test_socket_cap_per_account_holds_across_processes(cluster):
    first, second = cluster.servers

    async def scenario():
        held = [
            (await open_socket(cluster, first, user=0))[0],
            (await open_socket(cluster, first, user=0))[0],
            (await open_socket(cluster, second, user=0))[0],
        ]
        # 3 already open, 2 elsewhere (the servers' logs say why when not, e.g. Redis was too slow)
        assert await refused_as_one_too_many(cluster, second, user=0), server_logs(cluster)
        other, _ = await open_socket(cluster, second, user=1)  # other accounts are not affected
        await held.pop(0).close()
        async with asyncio.timeout(20):  # the first server gives the slot back on disconnect
            while await refused_as_one_too_many(cluster, second, user=0):
                await asyncio.sleep(0.2)
        for socket in [*held, other]:
            await socket.close()

    asyncio.run(scenario())


ACCOUNT = """
from django.contrib.sessions.models import Session
from civic.models import User
user = User.objects.get(pk=Session.objects.get(session_key="%(session)s").get_decoded()["_auth_user_id"])
user.is_active = %(active)s
user.save()
"""


def test_deactivating_an_account_closes_its_sockets_on_every_process(cluster):
    """Deactivates user 3, and reactivates it afterwards."""
    first, second = cluster.servers

    async def scenario():
        doomed = [(await open_socket(cluster, server, user=3))[0] for server in (first, second)]
        bystander, _ = await open_socket(cluster, second, user=2)
        # a third process (a management command) makes the change; only Redis connects them
        await asyncio.to_thread(
            manage, cluster.env, "shell", "-c", ACCOUNT % {"session": cluster.sessions[3], "active": False}
        )
        for socket in doomed:
            closed = await until(socket, "closed", timeout=30)
            assert closed["data"]["code"] == "account_changed"
            await socket.wait_closed()
            assert socket.close_code == 4403
        await bystander.send(json.dumps({"action": "ping", "ref": "still"}))
        assert (await until(bystander, "pong"))["data"]["ref"] == "still"
        await bystander.close()

    try:
        asyncio.run(scenario())
    finally:
        manage(cluster.env, "shell", "-c", ACCOUNT % {"session": cluster.sessions[3], "active": True})


def test_redis_outage_loses_nothing_and_viewers_catch_up(cluster):
    first, second = cluster.servers

    async def scenario():
        viewer, start = await open_socket(cluster, second)
        poster, _ = await open_socket(cluster, first, user=1)
        cluster.redis.stop()
        try:
            await poster.send(
                json.dumps({"action": "comment", "ref": "down", "body": "Posted while Redis was down"})
            )
            ack = await until(poster, "ack", timeout=30)
            assert ack["data"]["status"] == "published"
            stored = second.get_json(f"/consultations/{cluster.consultation}/events/?since={start}")
            assert any("Posted while Redis was down" in (e["html"] or "") for e in stored["events"])
        finally:
            cluster.redis.start()
        event = await until(viewer, "comment.posted", timeout=30)
        assert "Posted while Redis was down" in event["html"]
        # A client that reconnects with its position gets the same event by replay.
        late, _ = (
            await connect(
                second.ws_url(cluster.consultation, start), additional_headers=headers(cluster, second)
            ),
            None,
        )
        replayed = await until(late, "comment.posted")
        assert replayed["seq"] == event["seq"]
        for sock in (viewer, poster, late):
            await sock.close()

    asyncio.run(scenario())


def test_the_split_deployment_pushes_a_comment_posted_through_gunicorn_to_daphne(cluster):
    """README, Serving HTTP from WSGI beside daphne: a form post served by gunicorn reaches a
    websocket viewer on daphne through Redis, and gunicorn serves the page itself."""
    import http.client
    import uuid

    from tests.support.servers import Gunicorn

    wsgi = Gunicorn(cluster.env, threads=2).start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", wsgi.port, timeout=30)
        connection.request("GET", f"/consultations/{cluster.consultation}/events/?since=0")
        page = connection.getresponse()
        page.read()
        assert page.status == 200

        async def scenario():
            viewer, _ = await open_socket(cluster, cluster.servers[0])
            token = uuid.uuid4().hex  # a CSRF secret used as both cookie and form field
            body = (
                f"csrfmiddlewaretoken={token}&body=Posted+through+WSGI&stance=support"
                f"&client_token={uuid.uuid4()}"
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={cluster.sessions[1]}; csrftoken={token}",
            }
            await asyncio.to_thread(
                connection.request, "POST", f"/consultations/{cluster.consultation}/comment/", body, headers
            )
            posted = await asyncio.to_thread(connection.getresponse)
            posted.read()
            assert posted.status == 302
            event = await until(viewer, "comment.posted", match=lambda m: "Posted through WSGI" in m["html"])
            assert "Posted through WSGI" in event["html"]
            await viewer.close()

        asyncio.run(scenario())
    finally:
        wsgi.stop()
