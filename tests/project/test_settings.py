import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from project.settings import env

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz"


def run_manage(*args, **environ):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"}
    }
    clean.update(environ, DJANGO_SETTINGS_MODULE="project.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_flag_rejects_unclear_values(monkeypatch):
    monkeypatch.setenv("CIVIC_TEST_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="CIVIC_TEST_FLAG"):
        env.flag("CIVIC_TEST_FLAG")
    monkeypatch.setenv("CIVIC_TEST_FLAG", "Yes")
    assert env.flag("CIVIC_TEST_FLAG") is True


def test_items_and_integer(monkeypatch):
    monkeypatch.setenv("CIVIC_TEST_LIST", " a.example, ,b.example ")
    assert env.items("CIVIC_TEST_LIST") == ["a.example", "b.example"]
    monkeypatch.setenv("CIVIC_TEST_INT", "ten")
    with pytest.raises(ImproperlyConfigured):
        env.integer("CIVIC_TEST_INT", 1)


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="civic.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", SECRET_KEY="short", ALLOWED_HOSTS="civic.example.org")
    assert result.returncode != 0
    assert "at least 50" in result.stderr


def test_production_settings_pass_deploy_checks():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="civic.example.org"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_embedded_defaults_use_sqlite_and_memory_layer(settings):
    if os.environ.get("DATABASE_URL") or os.environ.get("REDIS_URL"):
        pytest.skip("running against real servers")
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"].endswith("InMemoryChannelLayer")


def test_redis_url_selects_redis_layer_and_cache():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='project.settings.dev';"
        "from django.conf import settings;"
        "print(settings.CHANNEL_LAYERS['default']['BACKEND'], settings.CACHES['default']['BACKEND'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/3"},
        timeout=60,
    )
    assert "channels_redis.core.RedisChannelLayer" in out.stdout
    assert "RedisCache" in out.stdout
