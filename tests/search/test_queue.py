"""The indexing queue: written with the change, drained in batches by few tasks, never losing a write."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.tasks.backends.dummy import DummyBackend
from django.utils import timezone

from consultations import services
from search import documents, indexing
from search.models import QueuedDocument, SearchEntry
from tests.consultations.factories import CommentFactory

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queued_tasks(settings):
    """A task queue that keeps what is enqueued (as the database queue does until a worker runs)."""
    from django.tasks import default_task_backend

    settings.TASKS = DUMMY
    backend = default_task_backend
    backend.clear()
    yield lambda: [r for r in backend.results if r.task.func is indexing.drain_queue.func]
    backend.clear()


def indexed(consultation) -> set[str]:
    return set(SearchEntry.objects.filter(consultation_id=consultation.pk).values_list("key", flat=True))


def comment_keys(consultation) -> set[str]:
    return {f"comment:{c.pk}" for c in consultation.comments.all()}


def post(resident, consultation, text):
    return services.post_comment(author=resident, consultation=consultation, body=text)


def test_a_burst_of_comments_asks_for_one_task_that_indexes_them_all(
    engine, queued_tasks, resident, consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            post(resident, consultation, f"Cycle lane comment {n}")
    assert len(queued_tasks()) == 1
    assert indexed(consultation) == set()

    assert indexing.drain() == 5

    assert indexed(consultation) == comment_keys(consultation)
    assert not QueuedDocument.objects.exists()


def test_a_write_after_the_drain_started_asks_again(
    engine, queued_tasks, resident, consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(resident, consultation, "First comment")
    indexing.drain()
    with django_capture_on_commit_callbacks(execute=True):
        post(resident, consultation, "Second comment")
    assert len(queued_tasks()) == 2


def test_a_stale_queued_row_does_not_stop_a_new_task(
    engine, queued_tasks, resident, consultation, django_capture_on_commit_callbacks
):
    """A row whose task failed long ago is not relied on: the next write asks for a drain."""
    QueuedDocument.objects.create(key="comment:999999", queued_at=timezone.now() - timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        post(resident, consultation, "A new comment")
    assert len(queued_tasks()) == 1
    indexing.drain()
    assert indexed(consultation) == comment_keys(consultation)


def test_with_the_immediate_backend_each_write_is_indexed_at_commit(
    engine, resident, consultation, django_capture_on_commit_callbacks
):
    QueuedDocument.objects.create(key="comment:999999")  # left by an earlier write, callbacks never run
    with django_capture_on_commit_callbacks(execute=True):
        post(resident, consultation, "Indexed at once")
    assert indexed(consultation) == comment_keys(consultation)
    assert not QueuedDocument.objects.exists()


class UnreachableBackend(DummyBackend):
    """A task queue that cannot be reached (its database or broker is down)."""

    def enqueue(self, task, args, kwargs):
        raise ConnectionError("task queue unreachable")


def test_a_comment_is_queued_even_when_the_task_queue_is_down(
    engine, settings, resident, consultation, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": f"{__name__}.UnreachableBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        comment = post(resident, consultation, "Saved while the queue was down")
    assert QueuedDocument.objects.filter(key=f"comment:{comment.pk}").exists()
    assert indexed(consultation) == set()
    settings.TASKS = DUMMY

    out = io.StringIO()
    call_command("reindex", "--retry", stdout=out)

    assert "Indexed 1 queued documents" in out.getvalue()
    assert indexed(consultation) == {f"comment:{comment.pk}"}


def test_a_write_that_rolls_back_queues_nothing(resident, consultation):
    with pytest.raises(RuntimeError), transaction.atomic():
        post(resident, consultation, "Never saved")
        raise RuntimeError
    assert not QueuedDocument.objects.exists()


def test_one_broken_document_does_not_stop_the_others(engine, resident, consultation, monkeypatch, caplog):
    keys = [f"comment:{post(resident, consultation, f'Comment {n}').pk}" for n in range(4)]
    broken = keys[2]
    build = documents.build

    def build_or_fail(wanted):
        wanted = list(wanted)
        if broken in wanted:
            raise ValueError("a document that cannot be built")
        return build(wanted)

    monkeypatch.setattr(documents, "build", build_or_fail)

    assert indexing.drain() == 4

    assert indexed(consultation) == set(keys) - {broken}
    assert not QueuedDocument.objects.exists()
    assert f"Could not index {broken}" in caplog.text


def test_a_batch_is_written_in_a_bounded_number_of_queries(
    engine, consultation, django_assert_max_num_queries
):
    comments = CommentFactory.create_batch(30, consultation=consultation)
    indexing.schedule(*comments)
    # 26 for 30 comments, the same for 3 (one query more since documents carry their page's language)
    with django_assert_max_num_queries(26):
        indexing.drain()
    assert indexed(consultation) == comment_keys(consultation)


def test_a_drain_task_out_of_time_hands_over_to_a_new_task(engine, queued_tasks, consultation, monkeypatch):
    """A long stream of writes never holds the worker: it stops between batches, queues its successor."""
    comments = CommentFactory.create_batch(3, consultation=consultation)
    indexing.schedule(*comments)
    monkeypatch.setattr(indexing, "DRAIN_SECONDS", 0.0)

    assert indexing.drain_queue.call() == 0

    assert QueuedDocument.objects.count() == 3
    assert len(queued_tasks()) == 1
    monkeypatch.setattr(indexing, "DRAIN_SECONDS", 10.0)
    assert indexing.drain_queue.call() == 3
    assert indexed(consultation) == comment_keys(consultation)
    assert len(queued_tasks()) == 1  # nothing left: no successor
