"""Indexing outside the happy path: Elasticsearch down, rebuilds under concurrent writes, the command."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from consultations import services
from search import documents, indexing
from search.engines import elastic, get_engine
from search.models import IndexBuild, PendingUpdate, SearchEntry
from search.query import SearchRequest, parse_query
from search.rebuild import rebuild_elasticsearch
from tests.search.conftest import free_port
from tests.support.auth import sign_in
from tests.support.moderation import set_status


def es_keys(text):
    result = get_engine("elasticsearch").search(SearchRequest(query=parse_query(text)))
    return {hit.key for hit in result.hits}


@pytest.fixture
def elasticsearch(engine):
    if engine != "elasticsearch":
        pytest.skip("Elasticsearch only")
    return engine


def test_writes_succeed_and_catch_up_when_elasticsearch_was_down(
    elasticsearch,
    settings,
    reindex,
    resident,
    consultation,
    officer,
    client,
    django_capture_on_commit_callbacks,
):
    reindex()
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens here
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.post_comment(author=resident, consultation=consultation, body="Skatepark lighting")
    assert PendingUpdate.objects.filter(key=f"comment:{comment.pk}").exists()

    sign_in(client, officer)
    html = client.get("/search/officer/", {"q": "skatepark"}).content.decode()
    assert "The search server is not answering" in html
    assert "1 result" in html  # the database engine already has it

    settings.ELASTICSEARCH_URL = url
    cache.clear()  # the "down" flag would otherwise hold for 30 seconds
    assert es_keys("skatepark") == set()
    html = client.get("/search/officer/", {"q": "skatepark"}).content.decode()
    assert "The search server is not answering" not in html
    assert not PendingUpdate.objects.exists()
    assert es_keys("skatepark") == {f"comment:{comment.pk}"}


def test_the_next_successful_write_sends_what_was_missed(
    elasticsearch, settings, reindex, resident, consultation, django_capture_on_commit_callbacks
):
    reindex()
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
    with django_capture_on_commit_callbacks(execute=True):
        missed = services.post_comment(author=resident, consultation=consultation, body="Benches by the pond")
    settings.ELASTICSEARCH_URL = url
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(author=resident, consultation=consultation, body="Benches in the square")
    assert f"comment:{missed.pk}" in es_keys("benches")
    assert not PendingUpdate.objects.exists()


def test_reindex_command_retries_pending_updates(elasticsearch, settings, reindex, comment_on):
    reindex()
    comment = comment_on("Dog fouling on the green")
    PendingUpdate.objects.create(key=f"comment:{comment.pk}", index=settings.SEARCH_INDEX)
    out = io.StringIO()
    call_command("reindex", "--retry", stdout=out)
    assert "Sent 1 pending updates" in out.getvalue()
    assert es_keys("fouling") == {f"comment:{comment.pk}"}


def test_rebuild_under_concurrent_writes_loses_nothing(
    elasticsearch, reindex, comment_on, moderator, django_capture_on_commit_callbacks, monkeypatch
):
    """Writes land while the new index is filling: creations, edits, hides and deletions all survive."""
    early = [comment_on(f"Cycle lane {i}") for i in range(6)]
    reindex()
    edited, hidden, deleted = early[0], early[1], early[2]
    created = []
    original = documents.iter_all

    def iter_all_with_writes(context=None):
        for n, doc in enumerate(original(context)):
            yield doc
            if n == 3:  # mid-way through the bulk load, after those rows were read
                with django_capture_on_commit_callbacks(execute=True):
                    assert IndexBuild.objects.exists()
                    created.append(comment_on("Cycle lane new one"))
                    indexing.schedule(created[-1])
                    edited.body = "Cycle lane widened"
                    edited.save()
                    indexing.schedule(edited)
                    set_status(moderator=moderator, comment=hidden, status="hidden")
                    deleted.delete()

    monkeypatch.setattr(documents, "iter_all", iter_all_with_writes)
    new_index, _ = rebuild_elasticsearch(chunk=2)
    assert elastic.alias_targets() == [new_index]
    expected = {f"comment:{c.pk}" for c in early[3:]} | {f"comment:{edited.pk}", f"comment:{created[0].pk}"}
    assert es_keys('"cycle lane"') == expected
    assert es_keys("widened") == {f"comment:{edited.pk}"}
    assert not IndexBuild.objects.exists()
    assert not PendingUpdate.objects.exists()


def test_reindex_command_draws_progress_and_swaps_the_alias(elasticsearch, comment_on, capsys):
    for i in range(5):
        comment_on(f"Tree planting {i}")
    call_command("reindex")
    output = capsys.readouterr().out
    assert "100%" in output and "alias swapped" in output
    first = elastic.alias_targets()
    call_command("reindex", "--engine", "elasticsearch", "--no-progress")
    second = elastic.alias_targets()
    assert first != second and len(second) == 1
    assert len(es_keys("planting")) == 5
    assert SearchEntry.objects.filter(type="comment").count() == 5


def test_database_rebuild_replaces_every_entry(engine, comment_on, consultation):
    comment_on("Market stalls")
    SearchEntry.objects.create(
        key="comment:999999", type="comment", object_id=999999, created=consultation.opens_at
    )
    call_command("reindex", "--engine", "database", "--no-progress", stdout=io.StringIO())
    assert not SearchEntry.objects.filter(key="comment:999999").exists()
    assert get_engine("database").search(SearchRequest(query=parse_query("stalls"))).total == 1


def test_database_rebuild_writes_comments_oldest_first(engine, comment_on, consultation):
    """A rebuilt index lies in date order, as one written live does (newest-first scans stay local)."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for days in (3, 9, 1, 5):  # made in another order than their dates
        comment_on(f"Market stalls {days}", created_at=now - timedelta(days=days))
    call_command("reindex", "--engine", "database", "--no-progress", stdout=io.StringIO())
    entries = SearchEntry.objects.filter(type="comment").order_by("pk")
    created = list(entries.values_list("created", flat=True))
    assert len(created) == 4 and created == sorted(created)


def test_database_rebuild_holds_index_writes_but_not_searches_until_it_commits(
    db, settings, comment_on, monkeypatch
):
    """A write racing a rebuild would collide with the rebuilt rows: on PostgreSQL it waits instead."""
    import threading

    from django.db import OperationalError, connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers by itself")
    settings.ELASTICSEARCH_URL = ""
    comment_on("Market stalls")
    outcome = {}

    def from_another_connection():
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SET lock_timeout = '300ms'")
                cursor.execute("SELECT COUNT(*) FROM search_searchentry")
                outcome["search"] = cursor.fetchone()[0]
                try:
                    cursor.execute("DELETE FROM search_searchentry WHERE key = 'comment:0'")
                    outcome["write"] = "went through"
                except OperationalError as exc:
                    outcome["write"] = "waited" if "lock timeout" in str(exc) else str(exc)
        finally:
            connections.close_all()

    original = documents.iter_all

    def iter_all_with_a_racing_writer(context=None):
        for n, doc in enumerate(original(context)):
            yield doc
            if n == 0:
                thread = threading.Thread(target=from_another_connection)
                thread.start()
                thread.join(10)

    monkeypatch.setattr(documents, "iter_all", iter_all_with_a_racing_writer)
    call_command("reindex", "--engine", "database", "--no-progress", stdout=io.StringIO())
    assert outcome == {"search": 0, "write": "waited"}  # the test's rows are not committed: 0


@pytest.mark.parametrize("proposals", [2, 12])
def test_building_proposal_documents_loads_each_consultation_once(
    db, consultation, proposals, django_assert_max_num_queries
):
    """A rebuild reads proposals in bulk: their consultation comes from a per-batch cache."""
    from tests.consultations.factories import make_proposal

    for _ in range(proposals):
        make_proposal(consultation, latitude="53.48", longitude="-2.24")
    # the same for 2 proposals as for 12 (+1: the locales, for each document's language)
    with django_assert_max_num_queries(11):
        built = [doc for doc in documents.iter_all() if doc["type"] == "proposal"]
    assert len(built) == proposals
    assert {doc["consultation_id"] for doc in built} == {consultation.pk}
    assert all(doc["organisation_ids"] == sorted(consultation.organisation_ids()) for doc in built)
