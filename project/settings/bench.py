"""Benchmark settings: production-like (DEBUG off, real database), without HTTPS redirects."""

from .dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": True}
# Timed servers start without the background scikit-learn import (the immediate backend's warm-up):
# its seconds of CPU would land in the first measurements.
OPINION_WARM_UP = False
