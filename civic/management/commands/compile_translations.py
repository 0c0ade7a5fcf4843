"""Compile the translation catalogues (.po to .mo); `compilemessages` without GNU gettext."""

from typing import Any

from django.core.management.base import BaseCommand

from civic.translations import compile_catalogues


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files (only those that changed)."
    requires_system_checks: list[str] = []  # runs at install time, before any database exists

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--force", action="store_true", help="Compile every catalogue, changed or not.")

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        written = compile_catalogues(force=force)
        for path in written:
            self.stdout.write(f"Compiled {path}")
        self.stdout.write(f"{len(written)} catalogue(s) compiled.")
