"""Limits never fail open: with Redis unreachable every limit keeps counting, per process.

The dead Redis is real: the cache points at a local port nobody listens on, so redis-py fails
exactly as it does in an outage (connection refused)."""

import os
import socket

import pytest
from django.core.cache import cache

from civic import cache as civic_cache
from civic import ratelimit
from consultations import moderation
from consultations import services as consultation_services
from consultations.models import Comment, Vote
from consultations.services import ParticipationError
from tests.civic.factories import UserFactory


def dead_port() -> int:
    """A local port with nothing listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cache_settings(backend: str, port: int) -> dict:
    return {
        "default": {
            "BACKEND": backend,
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "civic",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }


@pytest.fixture
def redis_down(settings, pinned_clock):
    """The shared cache is a Redis that does not answer."""
    port = dead_port()
    settings.CACHES = cache_settings("civic.cache.ResilientRedisCache", port)
    cache.clear()  # the process-local counters start empty
    yield port
    cache.mark_up()


def test_resilient_cache_really_cannot_reach_redis(redis_down):
    assert cache.get("anything", "default") == "default"
    assert cache.redis_down()


def test_limit_keeps_counting_when_redis_is_down(redis_down):
    for _ in range(3):
        ratelimit.hit("write", "user:1", "3/d")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.hit("write", "user:1", "3/d")
    ratelimit.hit("write", "user:2", "3/d")  # someone else still counts from zero


def test_limit_counts_when_redis_fails_mid_window(settings, pinned_clock):
    """The first failure (not only the quiet period after it) falls back to counting locally."""
    settings.CACHES = cache_settings("civic.cache.ResilientRedisCache", dead_port())
    cache.clear()
    cache.mark_up()  # clear() found Redis down: start again from "Redis looked fine"
    ratelimit.hit("write", "user:1", "1/d")
    cache.mark_up()
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.hit("write", "user:1", "1/d")


def test_limit_falls_back_to_process_memory_when_any_cache_backend_raises(settings, pinned_clock):
    """A cache backend that raises instead of degrading (Django's own RedisCache) still limits."""
    settings.CACHES = cache_settings("django.core.cache.backends.redis.RedisCache", dead_port())
    ratelimit.clear_local()
    ratelimit.hit("report", "user:1", "2/d")
    ratelimit.hit("report", "user:1", "2/d")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.hit("report", "user:1", "2/d")


def test_ordinary_cached_values_read_as_missing_while_redis_is_down(redis_down):
    """Only limit counters move to process memory; a page cache must not serve per-process copies."""
    cache.set("pins:1", "old body")
    assert cache.get("pins:1") is None
    assert cache.add("rl:write:x:1", 1) is True
    assert cache.add("rl:write:x:1", 1) is False  # the counter exists, locally


def test_deletions_missed_during_an_outage_are_replayed_when_redis_returns(settings):
    """A copy deleted while Redis was down (a removed comment's cached text) is deleted on return."""
    options = {"KEY_PREFIX": "civic", "OPTIONS": {"socket_connect_timeout": 1}}
    backend = civic_cache.ResilientRedisCache(f"redis://127.0.0.1:{dead_port()}/0", options)
    assert backend.delete("feed:removed-comment") is False
    pending = civic_cache.ResilientRedisCache._pending_deletes[backend._location]
    assert backend.make_and_validate_key("feed:removed-comment") in pending
    backend.mark_up()
    civic_cache.ResilientRedisCache._pending_deletes.pop(backend._location, None)


def test_comment_writes_stay_limited_with_redis_down(redis_down, settings, consultation, resident):
    settings.WRITE_RATE_LIMIT = "2/d"
    for n in range(2):
        consultation_services.post_comment(author=resident, consultation=consultation, body=f"Comment {n}")
    with pytest.raises(ParticipationError) as refused:
        consultation_services.post_comment(author=resident, consultation=consultation, body="One too many")
    assert refused.value.code == "rate_limited"
    assert Comment.objects.filter(author=resident).count() == 2


def test_votes_stay_limited_with_redis_down(redis_down, settings, proposal, resident):
    settings.WRITE_RATE_LIMIT = "2/d"
    consultation_services.cast_vote(voter=resident, proposal=proposal, choice=Vote.Choice.SUPPORT)
    consultation_services.cast_vote(voter=resident, proposal=proposal, choice=Vote.Choice.OPPOSE)
    with pytest.raises(ParticipationError) as refused:
        consultation_services.cast_vote(voter=resident, proposal=proposal, choice=Vote.Choice.SUPPORT)
    assert refused.value.code == "rate_limited"
    assert Vote.objects.get(user=resident).choice == Vote.Choice.OPPOSE


def test_flags_stay_limited_with_redis_down(redis_down, settings, consultation, resident):
    settings.WRITE_RATE_LIMIT = "1/d"
    author = UserFactory(roles=["Residents"])
    with settings_rate(settings, "100/d"):
        comments = [
            consultation_services.post_comment(author=author, consultation=consultation, body=f"Text {n}")
            for n in range(2)
        ]
    moderation.flag_comment(user=resident, comment=comments[0], reason="spam")
    with pytest.raises(ParticipationError) as refused:
        moderation.flag_comment(user=resident, comment=comments[1], reason="spam")
    assert refused.value.code == "rate_limited"


def test_socket_frames_stay_limited_with_redis_down(redis_down, settings, consultation, monkeypatch):
    """Websocket frames count against LIVE_FRAME_RATE with the shared cache unreachable."""
    from asgiref.sync import async_to_sync

    from tests.consultations.live_helpers import communicator, receive, receive_until

    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)  # keep the test transaction
    settings.LIVE_FRAME_RATE = "3/d"

    async def scenario():
        comm = communicator(consultation.pk, since=0)
        connected, _ = await comm.connect(timeout=5)
        assert connected
        await receive_until(comm, "hello")
        for _ in range(4):
            await comm.send_to(text_data='{"action": "ping"}')
        replies = [await receive(comm) for _ in range(4)]
        assert [r["type"] for r in replies].count("pong") == 3
        assert replies[-1]["type"] == "error" and replies[-1]["data"]["code"] == "rate_limited"
        await comm.disconnect()

    async_to_sync(scenario)()


def test_report_writes_stay_limited_with_redis_down(redis_down, settings, resident):
    """Issue reports (and their uploads) count per reporter with the shared cache unreachable."""
    from mapping import services as mapping_services
    from mapping.models import IssueReport
    from tests.mapping.factories import CategoryFactory, make_council

    settings.WRITE_RATE_LIMIT = "1/d"
    make_council()
    category = CategoryFactory()
    report = {"reporter": resident, "category": category, "latitude": "52.905", "longitude": "-1.545"}
    mapping_services.create_report(title="Pothole one", description="Deep hole", **report)
    with pytest.raises(mapping_services.ReportError) as refused:
        mapping_services.create_report(title="Pothole two", description="Another hole", **report)
    assert refused.value.code == "rate_limited"
    assert IssueReport.objects.count() == 1


def test_following_stays_limited_with_redis_down(redis_down, settings, consultation, resident):
    """Pages and reports share one follow budget per person, counted in process memory meanwhile."""
    from consultations.models import Follow
    from mapping import services as mapping_services
    from tests.mapping.factories import CategoryFactory, ReportFactory, make_council

    settings.WRITE_RATE_LIMIT = "2/d"
    make_council()
    report = ReportFactory(category=CategoryFactory())
    consultation_services.follow_page(user=resident, page=consultation)
    mapping_services.add_voice(user=resident, report=report)
    with pytest.raises(ParticipationError) as refused:
        consultation_services.unfollow_page(user=resident, page=consultation)
    assert refused.value.code == "rate_limited"
    with pytest.raises(mapping_services.ReportError):
        mapping_services.unfollow_report(user=resident, report=report)
    assert (
        Follow.objects.filter(user=resident).count() == 1 and report.followers.filter(pk=resident.pk).exists()
    )


def test_email_choices_stay_limited_with_redis_down(redis_down, settings, resident):
    """One-click unsubscribing and the account page's email form count with Redis unreachable."""
    from civic import notifications
    from civic.errors import CivicError
    from civic.models import Frequency, NotificationKind, NotificationPreference

    settings.WRITE_RATE_LIMIT = "1/d"
    notifications.unsubscribe(resident, [NotificationKind.REPLY])
    with pytest.raises(CivicError) as refused:
        notifications.save_settings(
            resident, auto_follow=False, choices={NotificationKind.RESULTS: Frequency.NEVER}
        )
    assert refused.value.code == "rate_limited"
    resident.refresh_from_db()
    assert resident.auto_follow is True
    assert list(NotificationPreference.objects.values_list("kind", flat=True)) == [NotificationKind.REPLY]


class settings_rate:
    """Temporarily a generous write limit (setting up other people's comments)."""

    def __init__(self, settings, rate):
        self.settings, self.rate = settings, rate

    def __enter__(self):
        self.saved = self.settings.WRITE_RATE_LIMIT
        self.settings.WRITE_RATE_LIMIT = self.rate

    def __exit__(self, *exc):
        self.settings.WRITE_RATE_LIMIT = self.saved


needs_redis = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a real Redis (REDIS_URL)")


@needs_redis
def test_with_redis_up_every_process_shares_one_count(pinned_clock):
    """Two backend instances (two server processes) count in the same Redis key."""
    url = os.environ["REDIS_URL"]
    options = {"KEY_PREFIX": "civic-shared-test", "OPTIONS": {"socket_connect_timeout": 1}}
    first = civic_cache.ResilientRedisCache(url, options)
    second = civic_cache.ResilientRedisCache(url, options)
    first.delete("rl:write:shared:1")
    assert ratelimit._count(first, "rl:write:shared:1", 60) == 1
    assert ratelimit._count(second, "rl:write:shared:1", 60) == 2
    assert not first.redis_down()
    first.delete("rl:write:shared:1")


@needs_redis
def test_a_hit_on_redis_is_one_round_trip_and_the_window_expires(pinned_clock, monkeypatch):
    """Every write counts a hit: one pipelined round trip (not add, exists, incr), and the counter
    still expires with its window, whether it was started by this path or by add()."""
    import redis

    url = os.environ["REDIS_URL"]
    backend = civic_cache.ResilientRedisCache(url, {"KEY_PREFIX": "civic-trip-test", "OPTIONS": {}})
    backend.delete("rl:write:trip:1")
    backend.get("warm")  # the connection is open
    trips = []
    for kind in (redis.Redis, redis.client.Pipeline):
        original = kind.execute_command if kind is redis.Redis else kind.execute
        name = "execute_command" if kind is redis.Redis else "execute"

        def spy(self, *args, _original=original, **kwargs):
            trips.append(args[:1])
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(kind, name, spy)
    assert [ratelimit._count(backend, "rl:write:trip:1", 60) for _ in range(3)] == [1, 2, 3]
    assert len(trips) == 3
    monkeypatch.undo()
    full = backend.make_and_validate_key("rl:write:trip:1")
    client = backend._cache.get_client(full)
    assert 0 < client.ttl(full) <= 61
    backend.delete("rl:write:trip:1")
    assert backend.add("rl:write:trip:1", 1, timeout=61)  # a counter an older process started
    assert ratelimit._count(backend, "rl:write:trip:1", 60) == 2
    backend.delete("rl:write:trip:1")


@needs_redis
def test_missed_deletions_reach_redis_once_it_answers_again():
    url = os.environ["REDIS_URL"]
    backend = civic_cache.ResilientRedisCache(url, {"KEY_PREFIX": "civic-replay-test", "OPTIONS": {}})
    backend.set("feed:removed-comment", "the removed text", 300)
    full_key = backend.make_and_validate_key("feed:removed-comment")
    backend._remember_deletes([full_key])  # as a delete() during an outage does
    assert backend.get("unrelated") is None  # the first answer from Redis replays the deletion
    assert backend.get("feed:removed-comment") is None


def test_anonymous_socket_frames_count_per_real_address_behind_the_proxy(
    settings, consultation, monkeypatch, pinned_clock
):
    """Two visitors behind one nginx have a frame budget each: one flooding does not silence the other."""
    from asgiref.sync import async_to_sync
    from channels.testing import WebsocketCommunicator

    from project.asgi import application
    from tests.consultations.live_helpers import receive, receive_until

    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LIVE_FRAME_RATE = "2/d"

    def visitor(address):
        headers = [(b"origin", b"http://localhost"), (b"host", b"localhost"), (b"x-forwarded-for", address)]
        comm = WebsocketCommunicator(application, f"/ws/consultations/{consultation.pk}/?since=0", headers)
        comm.scope["client"] = ["10.0.0.1", 40000]  # every socket arrives from the proxy
        return comm

    async def pings(comm, count):
        for _ in range(count):
            await comm.send_to(text_data='{"action": "ping"}')
        return [(await receive(comm))["type"] for _ in range(count)]

    async def scenario():
        flooder, neighbour = visitor(b"203.0.113.5"), visitor(b"198.51.100.7")
        for comm in (flooder, neighbour):
            connected, _ = await comm.connect(timeout=5)
            assert connected
            await receive_until(comm, "hello")
        assert await pings(flooder, 3) == ["pong", "pong", "error"]
        assert await pings(neighbour, 2) == ["pong", "pong"]
        await flooder.disconnect()
        await neighbour.disconnect()

    async_to_sync(scenario)()
