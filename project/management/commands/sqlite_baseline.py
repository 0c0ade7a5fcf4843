"""Write project/sqlite_baseline.sql: a new SQLite database migrated from scratch, as SQL text."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from project import sqlite_baseline


def migrate_from_scratch(path: Path) -> None:
    """Apply every migration to a new SQLite file, in a process of its own (its own database)."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    env["DJANGO_SETTINGS_MODULE"] = "project.settings.dev"
    subprocess.run(  # noqa: S603 - this interpreter and manage.py with fixed arguments
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "migrate", "--no-input", "-v", "0"],
        env=env,
        check=True,
    )


class Command(BaseCommand):
    help = "Rewrite the SQLite baseline a first `make run` loads instead of applying every migration."

    def handle(self, *args, **options):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "baseline.sqlite3"
            migrate_from_scratch(path)
            text = sqlite_baseline.dump(path)
        sqlite_baseline.BASELINE.write_text(text)
        count = len(sqlite_baseline.recorded_migrations(text))
        self.stdout.write(f"Wrote {sqlite_baseline.BASELINE} ({count} migrations, {len(text):,} bytes).")
