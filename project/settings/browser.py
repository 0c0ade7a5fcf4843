"""Browser-test server: test settings on a database of its own, emails written to files."""

import dj_database_url

from .test import *  # noqa: F403
from .test import DATABASES, env

# tests/browser/conftest.py starts daphne with these two variables pointing into a temp folder.
_url = env.required("CIVIC_BROWSER_DATABASE_URL")
_options = DATABASES["default"].get("OPTIONS", {}) if _url.startswith("sqlite") else {}
DATABASES = {"default": dj_database_url.parse(_url, conn_max_age=0)}
if _options:
    DATABASES["default"]["OPTIONS"] = _options

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": env.required("CIVIC_BROWSER_MAIL_DIR")},
    }
}
ALLOWED_HOSTS = ["127.0.0.1"]
WAGTAILADMIN_BASE_URL = env.get("BASE_URL", "http://127.0.0.1")
