"""A Redis cache that degrades gracefully when Redis is unreachable, but never stops limiting.

Pages, sign-in and posting must keep working during a Redis outage: the database is the source
of truth and everything cached can be rebuilt, so ordinary keys read as 'nothing cached'. Rate-limit
counters are different: reading them as empty would let everyone through. Their keys (Civic's
`rl:` and allauth's `allauth:rl:`) move to a per-process memory cache while Redis is down, so every
limit keeps counting (per process) and sign-in lockout keeps working."""

import asyncio
import logging
import threading
import time
import weakref
from collections.abc import Iterable
from typing import Any

from asgiref.sync import sync_to_async
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.utils.crypto import salted_hmac

log = logging.getLogger(__name__)
QUIET_SECONDS = 30  # after a failure, skip Redis for a while instead of waiting on every call
LIMIT_PREFIXES = ("rl:", "allauth:rl:")  # counters that must keep counting without Redis
PENDING_DELETES_MAX = 10_000  # deletions to replay when Redis returns (stale copies must go)


def is_limit_key(key: object) -> bool:
    return isinstance(key, str) and key.startswith(LIMIT_PREFIXES)


def private(value: str) -> str:
    """A keyed hash standing in for an address or email in a cache key: counters still tell people
    apart, but the cache holds no one's address (nothing to erase, nothing to leak)."""
    return salted_hmac("civic.cache.private", value, algorithm="sha256").hexdigest()[:32]


def make_key(key: str, key_prefix: str, version: int | None) -> str:
    """CACHES' KEY_FUNCTION: Django's key, except that a rate-limit counter's subject (a client
    address, an email, an account number: Civic's `rl:` and allauth's `allauth:rl:` keys) is hashed."""
    if is_limit_key(key):
        head = LIMIT_PREFIXES[1] if key.startswith(LIMIT_PREFIXES[1]) else LIMIT_PREFIXES[0]
        key = head + private(key)
    return f"{key_prefix}:{version}:{key}"


class ResilientRedisCache(RedisCache):
    # Per Redis location, shared by every thread of the process: when Redis counts again.
    _down_until: dict[tuple[str, ...], float] = {}
    # Per Redis location: keys whose deletion failed, deleted again once Redis answers.
    _pending_deletes: dict[tuple[str, ...], set[str]] = {}
    _lock = threading.Lock()

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._location: tuple[str, ...] = tuple(self._servers)  # type: ignore[attr-defined]  # RedisCache's
        self._async_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = (
            weakref.WeakKeyDictionary()
        )
        self._local = LocMemCache(
            f"civic-limits-fallback:{':'.join(self._location)}",
            {
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "KEY_FUNCTION": params.get("KEY_FUNCTION"),
                "OPTIONS": {"MAX_ENTRIES": 100_000},
            },
        )

    # Redis health ---------------------------------------------------------------------------

    def redis_down(self) -> bool:
        """True while this process is skipping Redis after a failure."""
        return time.monotonic() < self._down_until.get(self._location, 0.0)

    def mark_up(self) -> None:
        """Forget a past failure (tests, or an operator who knows Redis is back)."""
        self._down_until.pop(self._location, None)

    def _fail(self, exc: Exception) -> None:
        self._down_until[self._location] = time.monotonic() + QUIET_SECONDS
        log.warning("cache: Redis unavailable (%s); limits count per process until it returns", exc)

    def _redis(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call Redis; raise _Down if it is (or recently was) unreachable."""
        return self._redis_call(lambda: getattr(super(ResilientRedisCache, self), method)(*args, **kwargs))

    def _redis_call(self, call: Any) -> Any:
        """Run a call on Redis; raise _Down if it is (or recently was) unreachable."""
        if self.redis_down():
            raise _Down
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - redis-py raises several connection errors
            if exc.__class__.__module__.startswith("redis"):
                self._fail(exc)
                raise _Down from exc
            raise
        if self._pending_deletes.get(self._location):
            self._replay_deletes()
        return result

    def _replay_deletes(self) -> None:
        with self._lock:
            keys = self._pending_deletes.pop(self._location, set())
        if not keys:
            return
        try:
            self._cache.delete_many(list(keys))  # already full keys: no second prefix
        except Exception as exc:  # noqa: BLE001
            if not exc.__class__.__module__.startswith("redis"):
                raise
            self._fail(exc)
            self._remember_deletes(keys)

    def _remember_deletes(self, keys: Iterable[str]) -> None:
        with self._lock:
            pending = self._pending_deletes.setdefault(self._location, set())
            for key in keys:
                if len(pending) >= PENDING_DELETES_MAX:
                    break
                pending.add(key)

    def _either(self, method: str, key: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        """Redis; when it is down, the local counter for limit keys and the default for others."""
        try:
            return self._redis(method, key, *args, **kwargs)
        except _Down:
            if is_limit_key(key):
                return getattr(self._local, method)(key, *args, **kwargs)
            return default

    # The cache API --------------------------------------------------------------------------

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return self._either("get", key, default, default, version)

    def set(
        self, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self._either("set", key, None, value, timeout, version)

    def add(
        self, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return bool(self._either("add", key, True, value, timeout, version))

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        return int(self._either("incr", key, delta, delta, version))

    def count_hit(self, key: str, window: int) -> int | None:
        """Count one hit on a counter that expires after `window` seconds, in one round trip
        (add then incr take three); None while Redis is down (count with add/incr, locally)."""
        full = self.make_and_validate_key(key)

        def run() -> int:
            client = self._cache.get_client(full, write=True)
            pipeline = client.pipeline(transaction=False)
            pipeline.set(full, 0, ex=window, nx=True)  # a new window starts at 0, with its expiry
            pipeline.incr(full)
            return int(pipeline.execute()[1])

        try:
            return int(self._redis_call(run))
        except _Down:
            return None

    def touch(self, key: str, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return bool(self._either("touch", key, False, timeout, version))

    def has_key(self, key: str, version: int | None = None) -> bool:
        return bool(self._either("has_key", key, False, version))

    def delete(self, key: str, version: int | None = None) -> bool:
        try:
            return bool(self._redis("delete", key, version))
        except _Down:
            if is_limit_key(key):
                return self._local.delete(key, version)
            self._remember_deletes([self.make_and_validate_key(key, version=version)])
            return False

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict[str, Any]:
        keys = list(keys)
        try:
            found: dict[str, Any] = self._redis("get_many", keys, version)
            return found
        except _Down:
            return self._local.get_many([key for key in keys if is_limit_key(key)], version)

    async def aget_many(self, keys: Iterable[str], version: int | None = None) -> dict[str, Any]:
        """get_many without a thread: the page cache checks its version tokens on every cached hit,
        and under daphne a blocking read costs a thread hop and a wait for the GIL afterwards."""
        keys = list(keys)
        if self.redis_down() or self._pending_deletes.get(self._location):
            return await sync_to_async(self.get_many)(keys, version)  # the local copies, or a replay first
        full = {self.make_and_validate_key(key, version=version): key for key in keys}
        try:
            values = await self._async_client().mget(list(full))
        except Exception as exc:  # noqa: BLE001 - redis-py raises several connection errors
            if not exc.__class__.__module__.startswith("redis"):
                raise
            self._fail(exc)
            return await sync_to_async(self.get_many)(keys, version)
        loads = self._cache._serializer.loads  # type: ignore[attr-defined]  # RedisCacheClient's
        return {full[k]: loads(v) for k, v in zip(full, values, strict=True) if v is not None}

    def _async_client(self) -> Any:
        """One asyncio client per event loop (daphne runs one; tests start several)."""
        from redis import asyncio as aioredis

        loop = asyncio.get_running_loop()
        client = self._async_clients.get(loop)
        if client is None:
            options = self._options  # type: ignore[attr-defined]  # BaseCache's OPTIONS
            timeouts = {k: v for k, v in options.items() if k in ("socket_connect_timeout", "socket_timeout")}
            client = aioredis.Redis.from_url(self._servers[0], **timeouts)  # type: ignore[attr-defined]
            self._async_clients[loop] = client
        return client

    def set_many(
        self, data: dict[str, Any], timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[str]:
        try:
            failed: list[str] = self._redis("set_many", data, timeout, version)
            return failed
        except _Down:
            limits = {key: value for key, value in data.items() if is_limit_key(key)}
            self._local.set_many(limits, timeout, version)
            return [key for key in data if key not in limits]

    def delete_many(self, keys: Iterable[str], version: int | None = None) -> None:
        keys = list(keys)
        try:
            self._redis("delete_many", keys, version)
        except _Down:
            self._local.delete_many([key for key in keys if is_limit_key(key)], version)
            others = [key for key in keys if not is_limit_key(key)]
            self._remember_deletes([self.make_and_validate_key(key, version=version) for key in others])

    def clear(self) -> None:
        self._local.clear()
        try:
            self._redis("clear")
        except _Down:
            return


class _Down(Exception):
    """Redis did not answer (now, or within the last QUIET_SECONDS)."""
