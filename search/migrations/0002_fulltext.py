"""Full-text machinery per database: a GIN index on PostgreSQL, an FTS5 table kept by triggers on SQLite."""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        title, text, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS search_entry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS search_entry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS search_entry_au AFTER UPDATE OF title, text ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_CREATE = [
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (search_vector)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS search_entry_vector_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
