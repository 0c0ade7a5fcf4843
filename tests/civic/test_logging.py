import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOGGERS = [
    "django.request",
    "django.server",
    "django.security.csrf",
    "consultations.live",
    "project.serve",
    "",
]

LOG_EACH = (
    "import django, logging; django.setup();"
    f"[logging.getLogger(name).warning('record from %s', name or 'root') for name in {LOGGERS!r}]"
)


@pytest.mark.parametrize("debug", ["true", "false"])
def test_development_logging_prints_each_record_once(debug):
    environ = {k: v for k, v in os.environ.items() if k not in {"LOG_LEVEL", "DJANGO_SETTINGS_MODULE"}}
    environ.update(DJANGO_SETTINGS_MODULE="project.settings.dev", DEBUG=debug)
    result = subprocess.run(
        [sys.executable, "-c", LOG_EACH], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    printed = (result.stdout + result.stderr).splitlines()
    for name in LOGGERS:
        line = f"record from {name or 'root'}"
        assert printed.count(line) == 1, (line, printed)
