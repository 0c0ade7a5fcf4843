"""Make the demo ready to serve, doing only what is missing: migrate, seed, reindex, collect static."""

import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from project import sqlite_baseline

# Written into STATIC_ROOT by collectstatic runs made here: the fingerprint of the sources copied.
STATIC_STAMP = ".civic-static-fingerprint"
EMPTY = "(an empty database)"


def unrecorded_migrations() -> list[str]:
    """Migration files on disk that the database has not recorded, without loading the migration graph.

    Loading the graph imports every migration module (a second or two); listing the files and
    reading django_migrations takes milliseconds. Anything not recorded sends us to the full
    `migrate`, which decides for itself what to apply, so this can only ever be over-cautious."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return [EMPTY]
    recorded = set(recorder.migration_qs.values_list("app", "name"))
    return sorted(f"{app}.{name}" for app, name in sqlite_baseline.on_disk_migrations() - recorded)


def load_sqlite_baseline() -> bool:
    """Create a brand-new SQLite database from the baseline, when there is a usable one."""
    if connection.vendor != "sqlite" or not sqlite_baseline.BASELINE.exists():
        return False
    text = sqlite_baseline.BASELINE.read_text()
    if not sqlite_baseline.usable(text):
        return False
    name = connection.settings_dict["NAME"]
    connection.close()
    sqlite_baseline.load(name, text)
    return True


def static_fingerprint() -> str:
    """A digest of every static source file's path, size and modification time (no file is read)."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            full = Path(storage.path(path))
            stat = full.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def search_index_current() -> bool:
    """The database search index holds one entry per searchable document (what a reindex writes)."""
    from search import documents
    from search.models import SearchEntry

    return documents.count_all() == SearchEntry.objects.count()


class Command(BaseCommand):
    help = (
        "Get the demo ready for `make run`: migrate, seed the Northbrook demo, rebuild the search "
        "index and collect static files, each only when needed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--migrate-only", action="store_true", help="Only create or migrate the database."
        )

    def handle(self, *args, migrate_only=False, **options):
        self.started = time.monotonic()
        self.compile_translations()
        self.migrate()
        if migrate_only:
            return
        self.seed()
        self.reindex()
        self.collect_static()
        self.say(f"Ready in {time.monotonic() - self.started:.1f} s.")

    def say(self, message: str) -> None:
        self.stdout.write(f"[{time.monotonic() - self.started:5.1f} s] {message}")
        self.stdout.flush()

    def compile_translations(self) -> None:
        """The .mo files are not committed: build them from the .po catalogues that changed."""
        from civic.translations import compile_catalogues

        written = compile_catalogues()
        if written:
            self.say(f"Translations compiled ({len(written)} catalogue{'s' * (len(written) != 1)}).")
        else:
            self.say("Translations are up to date.")

    def migrate(self) -> None:
        missing = unrecorded_migrations()
        if missing == [EMPTY] and load_sqlite_baseline():
            self.say("Database created from the SQLite baseline (project/sqlite_baseline.sql).")
            missing = unrecorded_migrations()
        if not missing:
            self.say("Database is up to date.")
            return
        if missing == [EMPTY]:
            self.say("Creating the database (every migration: the slowest step of a first run) ...")
        else:
            self.say(f"Applying {len(missing)} new migration{'s' * (len(missing) != 1)} ...")
        call_command("migrate", interactive=False, verbosity=0)
        self.say("Database migrated.")

    def seed(self) -> None:
        # seed_demo loads the demo once and only tops up demo parts added since (each checks itself).
        self.seeded = False
        from consultations.models import ConsultationPage

        present = ConsultationPage.objects.filter(slug="leaving-hospital").exists()
        call_command("seed_demo", stdout=self.stdout, no_color=True)
        self.seeded = not present

    def reindex(self) -> None:
        if not self.seeded and search_index_current():
            self.say("Search index is up to date.")
            return
        self.say("Building the search index ...")
        call_command("reindex", "--no-progress", stdout=self.stdout)

    def collect_static(self) -> None:
        stamp = Path(settings.STATIC_ROOT) / STATIC_STAMP
        fingerprint = static_fingerprint()
        if stamp.exists() and stamp.read_text() == fingerprint:
            self.say("Static files are up to date.")
            return
        self.say("Collecting static files ...")
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp.write_text(fingerprint)
