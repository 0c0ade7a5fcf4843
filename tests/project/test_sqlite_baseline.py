import os
import sqlite3
import subprocess
import sys

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

from project import sqlite_baseline

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="the baseline is for SQLite databases (make run's default)",
)


def schema(conn) -> set[tuple[str, str, str]]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    return {(kind, name, " ".join(sql.split())) for kind, name, sql in rows}


def test_a_database_made_from_the_baseline_equals_one_made_by_migrating(db, tmp_path):
    """prepare_demo on a new SQLite file loads the baseline, migrates what is newer, and ends with
    the schema of the migrated test database, every migration recorded and every model's content type."""
    path = tmp_path / "first-run.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{path}",
        "DJANGO_SETTINGS_MODULE": "project.settings.dev",
    }
    done = subprocess.run(  # noqa: S603 - this interpreter, manage.py, fixed arguments
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "prepare_demo", "--migrate-only"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    assert "Database created from the SQLite baseline" in done.stdout
    made = sqlite3.connect(path)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
            migrated = {(kind, name, " ".join(sql.split())) for kind, name, sql in cursor.fetchall()}
        assert schema(made) == migrated
        recorded = set(made.execute("SELECT app, name FROM django_migrations").fetchall())
        assert recorded >= sqlite_baseline.on_disk_migrations()
        content_types = set(made.execute("SELECT app_label, model FROM django_content_type").fetchall())
        models = {(m._meta.app_label, m._meta.model_name) for m in apps.get_models()}
        assert content_types >= models
        assert made.execute("SELECT COUNT(*) FROM wagtailcore_site WHERE is_default_site").fetchone() == (1,)
        assert made.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        made.close()


def test_a_baseline_recording_a_migration_no_longer_on_disk_is_not_used():
    text = sqlite_baseline.BASELINE.read_text()
    assert sqlite_baseline.usable(text)
    renamed = text.replace(
        f"{sqlite_baseline.RECORDED}search.0001_initial", f"{sqlite_baseline.RECORDED}search.0001_renamed"
    )
    assert not sqlite_baseline.usable(renamed)
    assert not sqlite_baseline.usable("")
