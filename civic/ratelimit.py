"""A small fixed-window rate limiter on the shared cache, for every write path."""

import time

from django.conf import settings
from django.core.cache import cache

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimited(Exception):
    """Raised when someone writes faster than the platform allows."""

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(f"You are doing that too often. Try again in {retry_after} seconds.")


def parse(rate: str) -> tuple[int, int]:
    """'20/m' -> (20, 60)."""
    count, _, unit = rate.partition("/")
    return int(count), UNITS[unit or "m"]


def hit(scope: str, key: str, rate: str | None = None) -> None:
    """Count one write for key in scope; raise RateLimited past the limit."""
    limit, window = parse(rate or settings.WRITE_RATE_LIMIT)
    now = int(time.time())
    bucket = now // window
    cache_key = f"rl:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:
            cache.set(cache_key, 1, timeout=window + 1)
            count = 1
    if count > limit:
        raise RateLimited(retry_after=window - now % window)
