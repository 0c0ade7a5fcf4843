"""A Redis cache that degrades gracefully when Redis is unreachable, but never stops limiting.

Pages, sign-in and posting must keep working during a Redis outage: the database is the source
of truth and everything cached can be rebuilt, so ordinary keys read as 'nothing cached'. Rate-limit
counters are different: reading them as empty would let everyone through. Their keys (Civic's
`rl:` and allauth's `allauth:rl:`) move to a per-process memory cache while Redis is down, so every
limit keeps counting (per process) and sign-in lockout keeps working."""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)
QUIET_SECONDS = 30  # after a failure, skip Redis for a while instead of waiting on every call
LIMIT_PREFIXES = ("rl:", "allauth:rl:")  # counters that must keep counting without Redis
PENDING_DELETES_MAX = 10_000  # deletions to replay when Redis returns (stale copies must go)


def is_limit_key(key) -> bool:
    return isinstance(key, str) and key.startswith(LIMIT_PREFIXES)


class ResilientRedisCache(RedisCache):
    # Per Redis location, shared by every thread of the process: when Redis counts again.
    _down_until: dict[tuple, float] = {}
    # Per Redis location: keys whose deletion failed, deleted again once Redis answers.
    _pending_deletes: dict[tuple, set] = {}
    _lock = threading.Lock()

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = tuple(self._servers)
        self._local = LocMemCache(
            f"civic-limits-fallback:{':'.join(self._location)}",
            {"KEY_PREFIX": params.get("KEY_PREFIX", ""), "OPTIONS": {"MAX_ENTRIES": 100_000}},
        )

    # Redis health ---------------------------------------------------------------------------

    def redis_down(self) -> bool:
        """True while this process is skipping Redis after a failure."""
        return time.monotonic() < self._down_until.get(self._location, 0.0)

    def mark_up(self) -> None:
        """Forget a past failure (tests, or an operator who knows Redis is back)."""
        self._down_until.pop(self._location, None)

    def _fail(self, exc) -> None:
        self._down_until[self._location] = time.monotonic() + QUIET_SECONDS
        log.warning("cache: Redis unavailable (%s); limits count per process until it returns", exc)

    def _redis(self, method, *args, **kwargs):
        """Call Redis; raise _Down if it is (or recently was) unreachable."""
        if self.redis_down():
            raise _Down
        try:
            result = getattr(super(), method)(*args, **kwargs)
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

    def _remember_deletes(self, keys) -> None:
        with self._lock:
            pending = self._pending_deletes.setdefault(self._location, set())
            for key in keys:
                if len(pending) >= PENDING_DELETES_MAX:
                    break
                pending.add(key)

    def _either(self, method, key, default, *args, **kwargs):
        """Redis; when it is down, the local counter for limit keys and the default for others."""
        try:
            return self._redis(method, key, *args, **kwargs)
        except _Down:
            if is_limit_key(key):
                return getattr(self._local, method)(key, *args, **kwargs)
            return default

    # The cache API --------------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        return self._either("get", key, default, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("set", key, None, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("add", key, True, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._either("incr", key, delta, delta, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("touch", key, False, timeout, version)

    def has_key(self, key, version=None):
        return self._either("has_key", key, False, version)

    def delete(self, key, version=None):
        try:
            return self._redis("delete", key, version)
        except _Down:
            if is_limit_key(key):
                return self._local.delete(key, version)
            self._remember_deletes([self.make_and_validate_key(key, version=version)])
            return False

    def get_many(self, keys, version=None):
        keys = list(keys)
        try:
            return self._redis("get_many", keys, version)
        except _Down:
            return self._local.get_many([key for key in keys if is_limit_key(key)], version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._redis("set_many", data, timeout, version)
        except _Down:
            limits = {key: value for key, value in data.items() if is_limit_key(key)}
            self._local.set_many(limits, timeout, version)
            return [key for key in data if key not in limits]

    def delete_many(self, keys, version=None):
        keys = list(keys)
        try:
            return self._redis("delete_many", keys, version)
        except _Down:
            self._local.delete_many([key for key in keys if is_limit_key(key)], version)
            others = [key for key in keys if not is_limit_key(key)]
            self._remember_deletes([self.make_and_validate_key(key, version=version) for key in others])

    def clear(self):
        self._local.clear()
        try:
            return self._redis("clear")
        except _Down:
            return None


class _Down(Exception):
    """Redis did not answer (now, or within the last QUIET_SECONDS)."""
