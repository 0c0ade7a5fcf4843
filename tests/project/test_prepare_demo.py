import os
from io import StringIO

import pytest
from django.contrib.staticfiles.finders import get_finder
from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder

from consultations.models import ConsultationPage
from project.management.commands import prepare_demo
from search.models import SearchEntry


@pytest.fixture
def static_root(settings, tmp_path):
    settings.STATIC_ROOT = str(tmp_path / "staticfiles")
    return tmp_path / "staticfiles"


def test_prepare_demo_does_everything_once_then_only_what_changed(db, static_root):
    """One seeding for the whole story (seeding takes seconds): first run, second run, a changed index."""
    first = StringIO()
    call_command("prepare_demo", stdout=first)
    text = first.getvalue()
    assert "Database is up to date." in text  # the test database is migrated already
    assert "Loading the Northbrook demo" in text
    assert "Building the search index" in text and "Collecting static files" in text
    assert ConsultationPage.objects.filter(slug="leaving-hospital").exists()
    assert SearchEntry.objects.count() > 300
    assert (static_root / "css").is_dir() and (static_root / prepare_demo.STATIC_STAMP).exists()

    second = StringIO()
    call_command("prepare_demo", stdout=second)
    text = second.getvalue()
    assert "Demo data is already loaded." in text
    assert "Search index is up to date." in text and "Static files are up to date." in text
    assert "Building the search index" not in text and "Collecting static files" not in text

    SearchEntry.objects.order_by("pk").first().delete()  # an index that lost an entry is rebuilt
    (static_root / prepare_demo.STATIC_STAMP).write_text("an older fingerprint")
    third = StringIO()
    call_command("prepare_demo", stdout=third)
    assert "Building the search index" in third.getvalue() and "Collecting static files" in third.getvalue()
    assert prepare_demo.search_index_current()


def test_an_unrecorded_migration_file_is_reported_and_a_migrated_database_has_none(db):
    assert prepare_demo.unrecorded_migrations() == []
    MigrationRecorder.Migration.objects.filter(app="search", name="0001_initial").delete()
    assert prepare_demo.unrecorded_migrations() == ["search.0001_initial"]


def test_static_fingerprint_changes_when_a_source_file_changes(settings, tmp_path):
    source = tmp_path / "static"
    source.mkdir()
    (source / "site.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [str(source)]
    get_finder.cache_clear()
    try:
        before = prepare_demo.static_fingerprint()
        assert prepare_demo.static_fingerprint() == before
        (source / "site.css").write_text("body { color: navy; }")
        stat = (source / "site.css").stat()
        os.utime(source / "site.css", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert prepare_demo.static_fingerprint() != before
    finally:
        get_finder.cache_clear()
