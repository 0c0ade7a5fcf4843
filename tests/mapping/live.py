"""Real servers for mapping tests: daphne on a free loopback port, sharing the test database."""

import contextlib
import os
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connections

from tests.support.servers import running_daphne

ROOT = Path(__file__).resolve().parents[2]


def database_url(settings_dict) -> str:
    """The URL of the test database this process uses, for the server process to share."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{settings_dict['NAME']}"


def in_thread(func):
    """Run database work in a fresh thread: an earlier test may leave an event loop running in this one."""
    result = {}

    def work():
        try:
            result["value"] = func()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            result["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def is_test_database(connection) -> bool:
    return connection.settings_dict["NAME"] == connection.creation._get_test_db_name()


@contextlib.contextmanager
def daphne_on_test_database(url: str):
    """Start daphne on a free port with DATABASE_URL=url; yield its root URL; stop it afterwards."""
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "project.settings.test"}
    try:
        with running_daphne(env) as root:
            yield root
    except RuntimeError as exc:
        if "daphne did not start" in str(exc):
            pytest.fail(str(exc))
        raise
