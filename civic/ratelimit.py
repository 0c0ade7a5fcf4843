"""A small fixed-window rate limiter on the shared cache, for every write path.

It never fails open: civic.cache keeps counters in process memory while Redis is down, and if
any other cache backend raises, this module counts in its own process-local cache instead."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import ngettext

log = logging.getLogger(__name__)
# Scopes several apps count in: following anything (pages, reports) is one budget per person, and
# so is changing what email they get (account page, topics, one-click unsubscribe).
FOLLOW = "follow"
NOTIFICATION_SETTINGS = "notification-settings"
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
clock = time.time  # the window's clock (tests pin it so a window cannot roll over mid-test)
_local = LocMemCache(
    "civic-ratelimit-local", {"KEY_FUNCTION": "civic.cache.make_key", "OPTIONS": {"MAX_ENTRIES": 100_000}}
)


class RateLimited(Exception):
    """Raised when someone writes faster than the platform allows."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            ngettext(
                "You are doing that too often. Try again in %(seconds)s second.",
                "You are doing that too often. Try again in %(seconds)s seconds.",
                retry_after,
            )
            % {"seconds": retry_after}
        )


def parse(rate: str) -> tuple[int, int]:
    """'20/m' -> (20, 60)."""
    count, _, unit = rate.partition("/")
    return int(count), UNITS[unit or "m"]


def _count(store: BaseCache, key: str, window: int) -> int:
    counted = getattr(store, "count_hit", None)  # civic.cache's Redis: one round trip, not three
    if counted is not None:
        value = counted(key, window + 1)
        if value is not None:
            return int(value)
    if store.add(key, 1, timeout=window + 1):
        return 1
    try:
        return int(store.incr(key))
    except ValueError:  # expired between add and incr
        store.set(key, 1, timeout=window + 1)
        return 1


def count(key: str, window: int) -> int:
    """Count one hit on key; the shared cache if it answers, this process's memory if not."""
    try:
        return _count(cache, key, window)
    except Exception as exc:  # noqa: BLE001 - any cache failure must still count
        log.warning("ratelimit: shared cache failed (%s); counting in this process", exc)
        return _count(_local, key, window)


def hit(scope: str, key: str, rate: str | None = None) -> None:
    """Count one write for key in scope; raise RateLimited past the limit."""
    limit, window = parse(rate or settings.WRITE_RATE_LIMIT)
    now = int(clock())
    bucket = now // window
    if count(f"rl:{scope}:{key}:{bucket}", window) > limit:
        raise RateLimited(retry_after=window - now % window)


def clear_local() -> None:
    """Forget the process-local counters (tests)."""
    _local.clear()
