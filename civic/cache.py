"""A Redis cache that degrades to 'nothing cached' when Redis is unreachable.

Pages, sign-in and posting must keep working during a Redis outage: the database is the source
of truth and everything cached can be rebuilt."""

import logging
import time

from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)
QUIET_SECONDS = 30  # after a failure, skip Redis for a while instead of waiting on every call


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def _guard(self, method, default, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - redis-py raises several connection errors
            if exc.__class__.__module__.startswith("redis"):
                ResilientRedisCache._down_until = time.monotonic() + QUIET_SECONDS
                log.warning("cache: Redis unavailable (%s); continuing without cache", exc)
                return default
            raise

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def set(self, key, value, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard("add", True, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guard("incr", 1, key, delta, version)

    def touch(self, key, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard("touch", False, key, timeout, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def clear(self):
        return self._guard("clear", None)
