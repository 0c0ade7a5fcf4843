"""Keeping the search indexes in step with the database, after commit, through background tasks.

Public API (used by consultations.services and anything else that writes searchable content):

    schedule(obj_or_key, ...)   reindex these objects once the current transaction commits;
                                an object that is gone, hidden or removed leaves the index.

schedule() writes a QueuedDocument row inside the caller's transaction, so a change that commits
is always queued, even if the task queue is down. After commit it asks for a drain_queue task,
unless one asked for moments ago has not started yet (it will take this row too): a burst of
writes makes a few tasks, not one each. The task takes the queue in batches, rebuilds each
document from the database (so the latest state is indexed) and writes each batch with one
statement per table and one Elasticsearch bulk request. The database index (SearchEntry) is
written first and always succeeds with the batch; Elasticsearch updates that fail are kept in
PendingUpdate and retried (after the next successful write, from the officer search page, or
`manage.py reindex --retry`, which also drains the queue).
"""

import logging
import time
from collections.abc import Iterable
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F
from django.tasks import task
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone

from . import documents
from .engines import SearchUnavailable, elasticsearch_enabled
from .engines import database as database_engine
from .models import IndexBuild, PendingUpdate, QueuedDocument

log = logging.getLogger(__name__)

RETRY_BATCH = 500
DRAIN_BATCH = 500  # documents rebuilt and written together by the indexing task
DRAIN_SECONDS = 10.0  # one task drains this long at most, then queues its successor
# A queued row younger than this whose task has not run yet will be drained by that task: later
# writes do not ask for another. Older ones are not relied on (their task may have failed).
JOIN_WITHIN = timedelta(seconds=10)
DRAIN_LOCK = 0x5EA_C4  # PostgreSQL advisory lock: one drain at a time, so batches apply in order


def _keys(items: Iterable) -> list[str]:
    keys = []
    for item in items:
        key = item if isinstance(item, str) else documents.key_for(item)
        if key:
            keys.append(key)
    return list(dict.fromkeys(keys))


def schedule(*items) -> None:
    """Reindex these objects (or "type:pk" keys) once the surrounding transaction commits."""
    keys = _keys(items)
    if not keys:
        return
    now = timezone.now()
    rows = QueuedDocument.objects.bulk_create([QueuedDocument(key=key, queued_at=now) for key in keys])
    first = min(row.pk for row in rows)
    transaction.on_commit(lambda: request_drain(first), robust=True)


def request_drain(first: int) -> None:
    """Ask for a drain task, unless a recent one not yet started will take row `first` too."""
    if not isinstance(drain_queue.get_backend(), ImmediateBackend):
        recent = timezone.now() - JOIN_WITHIN
        if QueuedDocument.objects.filter(pk__lt=first, queued_at__gte=recent).exists():
            return  # an earlier write's task has not finished: it drains until the queue is empty
    try:
        drain_queue.enqueue()
    except Exception:
        log.exception("Could not queue search indexing; the documents stay queued for the next drain")


def schedule_with_related(obj) -> None:
    """Reindex an object and the documents that copy its fields (a page's comments, say)."""
    doc_type = documents.for_model(type(obj))
    if doc_type is None:
        return
    schedule(obj, *doc_type.related_keys(obj))


@task()
def index_documents(keys: list[str]) -> int:
    """Background task: bring these documents up to date (tasks queued before drain_queue existed)."""
    return apply(keys)


@task()
def drain_queue() -> int:
    """Background task: index the queued documents, in batches, for up to DRAIN_SECONDS; then it
    hands over to a new task, so a long stream of writes does not hold the worker from other tasks."""
    deadline = time.monotonic() + DRAIN_SECONDS
    done = drain(until=lambda: time.monotonic() >= deadline)
    if QueuedDocument.objects.exists():
        request_drain(0)  # 0: nothing is older, so a task is always asked for
    return done


def drain(batch: int = DRAIN_BATCH, *, until=lambda: False) -> int:
    """Index queued documents until none is left (or `until()` says stop between batches); returns
    how many rows were taken."""
    done = 0
    while not until():
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [DRAIN_LOCK])
            rows = list(QueuedDocument.objects.order_by("pk").values_list("pk", "key")[:batch])
            if not rows:
                return done
            _apply_isolating_failures(list(dict.fromkeys(key for _pk, key in rows)))
            QueuedDocument.objects.filter(pk__in=[pk for pk, _key in rows]).delete()
        done += len(rows)
    return done


def _apply_isolating_failures(keys: list[str]) -> None:
    """Apply a batch; if it fails, apply its halves, so one broken document cannot stop the rest."""
    try:
        with transaction.atomic():
            apply(keys)
    except Exception:
        if len(keys) == 1:
            log.exception("Could not index %s; dropped from the queue", keys[0])
            return
        middle = len(keys) // 2
        _apply_isolating_failures(keys[:middle])
        _apply_isolating_failures(keys[middle:])


@task()
def retry_pending() -> int:
    """Background task: send Elasticsearch the updates it missed."""
    return flush_pending()


def _refresh() -> bool:
    """Tests make writes visible at once; production lets Elasticsearch refresh on its schedule."""
    from django.conf import settings

    return getattr(settings, "SEARCH_REFRESH", False)


def _alias() -> str:
    from django.conf import settings

    return settings.SEARCH_INDEX


def apply(keys: list[str]) -> int:
    """Rebuild documents for keys from the database and write them to the database and Elasticsearch."""
    docs, gone = documents.build(keys)
    database_engine.write_entries(docs, gone)
    if not elasticsearch_enabled():
        return len(docs)
    for build in IndexBuild.objects.all():
        _remember(keys, build.index, "", count_attempt=False)  # journal for the index being built
    from .engines import elastic

    try:
        elastic.ensure_index()
        elastic.bulk_apply(_alias(), docs.values(), gone, refresh=_refresh())
    except (SearchUnavailable, *elastic.UNAVAILABLE) as exc:
        log.warning("Elasticsearch update failed, %d documents kept as pending: %s", len(keys), exc)
        _remember(keys, _alias(), str(exc)[:1000])
        return len(docs)
    if PendingUpdate.objects.filter(index=_alias()).exists():
        flush_pending(_alias())
    return len(docs)


def _remember(keys: list[str], index: str, error: str, *, count_attempt: bool = True) -> None:
    """Upsert pending rows; updated_at moves on so a flush already under way keeps them."""
    now = timezone.now()
    existing = set(PendingUpdate.objects.filter(index=index, key__in=keys).values_list("key", flat=True))
    PendingUpdate.objects.bulk_create(
        [
            PendingUpdate(key=k, index=index, last_error=error, attempts=int(count_attempt))
            for k in keys
            if k not in existing
        ],
        ignore_conflicts=True,
    )
    if existing:
        PendingUpdate.objects.filter(index=index, key__in=existing).update(
            updated_at=now, last_error=error, attempts=F("attempts") + int(count_attempt)
        )


def flush_pending(index: str | None = None, *, limit: int | None = None) -> int:
    """Apply pending updates (all indices, or one) from fresh database state; returns how many."""
    from .engines import elastic

    if not elasticsearch_enabled():
        PendingUpdate.objects.all().delete()
        return 0
    done = 0
    if index:
        indices = [index]
    else:  # an index being built is flushed by its rebuild, after the bulk load
        building = set(IndexBuild.objects.values_list("index", flat=True))
        indices = [
            i for i in PendingUpdate.objects.values_list("index", flat=True).distinct() if i not in building
        ]
    for name in indices:
        while limit is None or done < limit:
            started = timezone.now()
            rows = list(PendingUpdate.objects.filter(index=name).order_by("updated_at", "pk")[:RETRY_BATCH])
            if not rows:
                break
            keys = [row.key for row in rows]
            docs, gone = documents.build(keys)
            try:
                if name != _alias() and not elastic.client().indices.exists(index=name):
                    PendingUpdate.objects.filter(pk__in=[r.pk for r in rows]).delete()  # index gone
                    continue
                elastic.bulk_apply(name, docs.values(), gone, refresh=_refresh())
            except (SearchUnavailable, *elastic.UNAVAILABLE) as exc:
                _remember(keys, name, str(exc)[:1000])
                log.warning("Elasticsearch still unavailable, %d updates pending: %s", len(keys), exc)
                return done
            # Rows touched again since we read the database stay for the next round.
            PendingUpdate.objects.filter(pk__in=[r.pk for r in rows], updated_at__lte=started).delete()
            done += len(rows)
    return done


def pending_count() -> int:
    return PendingUpdate.objects.count()


def queued_count() -> int:
    return QueuedDocument.objects.count()
