"""Caps on open live sockets per client address and per account, shared by every server process.

Each open socket holds a lease in a Redis sorted set (member: process and socket, score: expiry);
the hub renews its sockets' leases, so a crashed process's leases lapse on their own. When Redis
is unreachable (or not configured) the cap is counted in this process alone: it fails closed, to a
per-process limit, never open."""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache

from civic import clientip
from civic.cache import private

log = logging.getLogger(__name__)
KEY_PREFIX = "civic:sockets:"
ACQUIRE = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[5]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[5])
  return 1
end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[5])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
"""
_local: dict[str, set[str]] = {}  # key -> leases held by sockets of this process
_process = uuid.uuid4().hex[:12]
_down_until = 0.0  # after a Redis failure, count locally for a while instead of waiting on every connect
QUIET_SECONDS = 30


class TooManySockets(Exception):
    """This address or account already has as many live sockets open as the settings allow."""


def lease_seconds() -> int:
    return max(60, settings.LIVE_PRESENCE_INTERVAL * 4)


def redis_client():
    """The cache's Redis connection, or None when the cache is not Redis."""
    backend = getattr(cache, "_cache", None)
    get_client = getattr(backend, "get_client", None)
    return get_client(KEY_PREFIX, write=True) if get_client else None


def keys_for(scope, user) -> list[tuple[str, int]]:
    address = private(clientip.limit_key(clientip.for_scope(scope)))  # no address kept in clear
    keys = [(f"ip:{address}", settings.LIVE_MAX_SOCKETS_PER_ADDRESS)]
    if getattr(user, "is_authenticated", False):
        keys.append((f"user:{user.pk}", settings.LIVE_MAX_SOCKETS_PER_USER))
    return keys


def acquire(scope, user) -> list[tuple[str, str]]:
    """Take a slot under every cap for one socket; raises TooManySockets and takes nothing."""
    member = f"{_process}:{uuid.uuid4().hex}"
    held: list[tuple[str, str]] = []
    for key, limit in keys_for(scope, user):
        if not _take(key, limit, member):
            release(held)
            raise TooManySockets(key.partition(":")[0])
        held.append((key, member))
    return held


def release(held: list[tuple[str, str]]) -> None:
    """Give back a socket's slots."""
    for key, member in held:
        _local.get(key, set()).discard(member)
        if not _local.get(key, True):
            _local.pop(key, None)
        client = _client_or_none()
        if client is not None:
            try:
                client.zrem(KEY_PREFIX + key, member)
            except Exception:  # noqa: BLE001 - the lease lapses by itself
                log.debug("sockets: could not release %s", key, exc_info=True)


def renew() -> None:
    """Extend the leases of every socket open in this process (called by the hub's tick)."""
    client = _client_or_none()
    if client is None or not _local:
        return
    expiry = time.time() + lease_seconds()
    try:
        with client.pipeline(transaction=False) as pipe:
            for key, members in _local.items():
                pipe.zadd(KEY_PREFIX + key, {m: expiry for m in members})
                pipe.expire(KEY_PREFIX + key, lease_seconds())
            pipe.execute()
    except Exception:  # noqa: BLE001
        _redis_failed()
        log.warning("sockets: could not renew leases", exc_info=True)


def _client_or_none():
    if time.monotonic() < _down_until:
        return None
    try:
        return redis_client()
    except Exception:  # noqa: BLE001
        return None


def _redis_failed() -> None:
    global _down_until
    _down_until = time.monotonic() + QUIET_SECONDS


def _take(key: str, limit: int, member: str) -> bool:
    local = _local.setdefault(key, set())
    client = _client_or_none()
    if client is not None:
        now = time.time()
        try:
            taken = client.eval(
                ACQUIRE, 1, KEY_PREFIX + key, now, limit, now + lease_seconds(), lease_seconds(), member
            )
        except Exception:  # noqa: BLE001 - Redis down: count this process's sockets instead
            _redis_failed()
            log.warning("sockets: Redis unavailable; capping %s in this process", key)
        else:
            if taken:
                local.add(member)
            return bool(taken)
    if len(local) >= limit:
        return False
    local.add(member)
    return True
