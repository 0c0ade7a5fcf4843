"""Test settings: embedded defaults unless DATABASE_URL / REDIS_URL point at real servers."""

import os
import re

_worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1"... under pytest-xdist
if _worker.startswith("gw") and os.environ.get("REDIS_URL") and not os.environ.get("CIVIC_REDIS_PER_WORKER"):
    # Each worker clears its cache (FLUSHDB) between tests and names channel groups by page id:
    # it needs a Redis database of its own, the next ones after REDIS_URL's.
    _base = re.match(r"(.*?)(?:/(\d+))?/?$", os.environ["REDIS_URL"])
    if _base:
        _db = (int(_base.group(2) or 0) + 1 + int(_worker[2:])) % 16
        os.environ["REDIS_URL"] = f"{_base.group(1)}/{_db}"
        os.environ["CIVIC_REDIS_PER_WORKER"] = "1"  # a test's subprocess keeps the worker's database

from .dev import *  # noqa: E402, F403
from .dev import DATABASES, env  # noqa: E402

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WHITENOISE_AUTOREFRESH = False
# The page cache (civic.pagecache) is off: many tests write rows directly, not through the services
# that make cached pages stale. Its own tests turn it on (the `page_cache` fixture).
PAGE_CACHE_SECONDS = 0

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file-backed test database survives between runs (pytest --reuse-db).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": env.get("TEST_DATABASE_NAME", str(BASE_DIR / "var" / "test.sqlite3"))  # noqa: F405
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {}  # the test runner keeps one connection; no pool needed
    DATABASES["default"]["TEST"] = {"NAME": env.get("TEST_DATABASE_NAME", "civic_test")}
