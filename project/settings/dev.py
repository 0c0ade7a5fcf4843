"""Embedded defaults for `make run`: SQLite, in-memory channel layer, database search."""

import warnings

from .base import *  # noqa: F403
from .base import env

DEBUG = env.flag("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = env.items("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files are served from the source folders until collectstatic has run.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
