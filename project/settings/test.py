"""Test settings: embedded defaults unless DATABASE_URL / REDIS_URL point at real servers."""

from .dev import *  # noqa: F403
from .dev import DATABASES, env

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WHITENOISE_AUTOREFRESH = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file-backed test database survives between runs (pytest --reuse-db).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": env.get("TEST_DATABASE_NAME", str(BASE_DIR / "var" / "test.sqlite3"))  # noqa: F405
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {}  # the test runner keeps one connection; no pool needed
    DATABASES["default"]["TEST"] = {"NAME": env.get("TEST_DATABASE_NAME", "civic_test")}
