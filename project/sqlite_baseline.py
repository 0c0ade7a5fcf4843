"""A migrated, empty SQLite database as SQL text, loaded by a first `make run` instead of migrating.

Applying the 250-odd migrations of Django, Wagtail and Civic to a new SQLite file is the slowest
step of a newcomer's first run (half a minute: each migration re-renders model states). The
baseline (`project/sqlite_baseline.sql`, written by `manage.py sqlite_baseline`) holds what those
migrations leave behind: every table, index, trigger and full-text table, and the rows they insert
(recorded migrations, content types, permissions, Wagtail's root page and site, the role groups).
Loading it takes a fraction of a second; `migrate` then applies whatever is newer than it, so a
baseline older than the code is slower, never wrong. It is used only for a brand-new SQLite
database and only when every migration it records is still on disk (a renamed or removed
migration makes it stale: the database is migrated from scratch instead).
`tests/project/test_sqlite_baseline.py` checks that baseline + migrate equals migrate alone.
"""

import sqlite3
from pathlib import Path

from django.apps import apps

BASELINE = Path(__file__).resolve().parent / "sqlite_baseline.sql"
RECORDED = "-- migration "  # one comment line per recorded migration, read without running the SQL


def _virtual_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
    return [name for (name,) in rows]


def _ordinary_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding rows to copy: not SQLite's own, not virtual, not a virtual table's shadows."""
    virtual = _virtual_tables(conn)
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
    return [
        name
        for (name,) in rows
        if not name.startswith("sqlite_")
        and name not in virtual
        and not any(name.startswith(f"{v}_") for v in virtual)
    ]


def dump(path: str | Path) -> str:
    """The schema and rows of a migrated SQLite database, as a script that recreates it."""
    conn = sqlite3.connect(path)
    try:
        lines = [
            f"{RECORDED}{app}.{name}"
            for app, name in conn.execute("SELECT app, name FROM django_migrations ORDER BY id")
        ]
        lines.append("PRAGMA foreign_keys = OFF;")
        lines.append("BEGIN;")
        tables = _ordinary_tables(conn)
        virtual = _virtual_tables(conn)
        schema = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY "
            "CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid"
        )
        for kind, name, sql in schema:
            if kind == "table" and name not in tables and name not in virtual:
                continue  # SQLite's own tables and full-text shadow tables are made by what creates them
            lines.append(f"{sql};")
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            values = " || ',' || ".join(f'quote("{c}")' for c in columns)
            insert = f"'INSERT INTO \"{table}\" VALUES(' || {values} || ');'"
            query = f'SELECT {insert} FROM "{table}" ORDER BY rowid'  # noqa: S608 - the database's own tables
            lines.extend(statement for (statement,) in conn.execute(query))
        for name, seq in conn.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name"):
            lines.append(f"INSERT INTO sqlite_sequence(name, seq) VALUES('{name}', {seq});")
        lines.append("COMMIT;")
        lines.append("PRAGMA foreign_keys = ON;")
        return "\n".join(lines) + "\n"
    finally:
        conn.close()


def recorded_migrations(text: str) -> set[tuple[str, str]]:
    return {
        tuple(line[len(RECORDED) :].split(".", 1))  # type: ignore[misc]
        for line in text.splitlines()
        if line.startswith(RECORDED)
    }


def on_disk_migrations() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if (folder / "__init__.py").exists():
            found.update((config.label, path.stem) for path in folder.glob("[0-9]*.py"))
    return found


def usable(text: str) -> bool:
    """Every migration the baseline records is still on disk (none renamed or removed since)."""
    recorded = recorded_migrations(text)
    return bool(recorded) and recorded <= on_disk_migrations()


def load(path: str | Path, text: str) -> None:
    """Create the database at `path` (new and empty) from a baseline script."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(text)
    finally:
        conn.close()
