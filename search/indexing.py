"""Keeping the search indexes in step with the database, after commit, through background tasks.

Public API (used by consultations.services and anything else that writes searchable content):

    schedule(obj_or_key, ...)   reindex these objects after the current transaction commits;
                                an object that is gone, hidden or removed leaves the index.

The task rebuilds each document from the database, so it is always the latest state that is
indexed, whatever order tasks run in. The database index (SearchEntry) is written first and
always succeeds with the write; Elasticsearch updates that fail are kept in PendingUpdate and
retried (after the next successful write, from the officer search page, or `manage.py reindex
--retry`).
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from . import documents
from .engines import SearchUnavailable, elasticsearch_enabled
from .engines import database as database_engine
from .models import IndexBuild, PendingUpdate

log = logging.getLogger(__name__)

RETRY_BATCH = 500


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
    if keys:
        transaction.on_commit(lambda: enqueue(keys), robust=True)


def schedule_with_related(obj) -> None:
    """Reindex an object and the documents that copy its fields (a page's comments, say)."""
    doc_type = documents.for_model(type(obj))
    if doc_type is None:
        return
    schedule(obj, *doc_type.related_keys(obj))


def enqueue(keys: list[str]) -> None:
    """Hand keys to the task queue; if even that fails, the write stands and the keys wait."""
    try:
        for start in range(0, len(keys), 1000):
            index_documents.enqueue(keys[start : start + 1000])
    except Exception:
        log.exception("Could not queue search indexing; keeping %d keys as pending", len(keys))
        _remember(keys, _alias(), "could not queue the indexing task")


@task()
def index_documents(keys: list[str]) -> int:
    """Background task: bring these documents up to date in every index."""
    return apply(keys)


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
