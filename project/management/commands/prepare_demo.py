"""Make the demo ready to serve, doing only what is missing: migrate, seed, reindex, collect static."""

import hashlib
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

# Written into STATIC_ROOT by collectstatic runs made here: the fingerprint of the sources copied.
STATIC_STAMP = ".civic-static-fingerprint"


def unrecorded_migrations() -> list[str]:
    """Migration files on disk that the database has not recorded, without loading the migration graph.

    Loading the graph imports every migration module (a second or two); listing the files and
    reading django_migrations takes milliseconds. Anything not recorded sends us to the full
    `migrate`, which decides for itself what to apply, so this can only ever be over-cautious."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return ["(an empty database)"]
    recorded = set(recorder.migration_qs.values_list("app", "name"))
    missing = []
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if not (folder / "__init__.py").exists():
            continue
        for path in folder.glob("[0-9]*.py"):
            if (config.label, path.stem) not in recorded:
                missing.append(f"{config.label}.{path.stem}")
    return sorted(missing)


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

    def handle(self, *args, **options):
        self.started = time.monotonic()
        self.migrate()
        self.seed()
        self.reindex()
        self.collect_static()
        self.say(f"Ready in {time.monotonic() - self.started:.1f} s.")

    def say(self, message: str) -> None:
        self.stdout.write(f"[{time.monotonic() - self.started:5.1f} s] {message}")
        self.stdout.flush()

    def migrate(self) -> None:
        missing = unrecorded_migrations()
        if not missing:
            self.say("Database is up to date.")
            return
        if missing == ["(an empty database)"]:
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
