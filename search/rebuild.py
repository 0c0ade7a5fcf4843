"""Zero-downtime rebuilds: a new Elasticsearch index filled from the database, then an alias swap."""

from collections.abc import Callable

from . import documents
from .engines import database as database_engine
from .indexing import flush_pending
from .models import IndexBuild

Progress = Callable[[int, int], None]


def rebuild_elasticsearch(progress: Progress | None = None, chunk: int = 1000) -> tuple[str, int]:
    """Build a new index while the alias keeps serving the old one; writes meanwhile are journalled.

    Writes during the build still go to the live alias and are also recorded (PendingUpdate
    rows for the new index). After the bulk load those keys are re-read from the database and
    applied to the new index, the alias is swapped in one step, and anything journalled in the
    meantime is applied again, so nothing written during the rebuild is lost or left stale.
    """
    from .engines import elastic

    total = documents.count_all()
    new = elastic.new_index_name()
    elastic.create_index(new)
    IndexBuild.objects.create(index=new)
    done = 0
    try:
        batch = []
        for doc in documents.iter_all():
            batch.append(doc)
            if len(batch) >= chunk:
                done += elastic.bulk_apply(new, batch, chunk_size=chunk)
                batch = []
                if progress:
                    progress(done, total)
        done += elastic.bulk_apply(new, batch, chunk_size=chunk)
        if progress:
            progress(done, total)
        flush_pending(new)
        elastic.client().indices.refresh(index=new)
        old = elastic.swap_alias(new)
    except BaseException:
        IndexBuild.objects.filter(index=new).delete()
        elastic.client().indices.delete(index=new, ignore_unavailable=True)
        raise
    IndexBuild.objects.filter(index=new).delete()
    flush_pending(new)
    for name in old:
        elastic.client().indices.delete(index=name, ignore_unavailable=True)
    return new, done


def rebuild_database(progress: Progress | None = None, chunk: int = 2000) -> int:
    """Refill the database index in one transaction: searches see the old rows until it commits."""
    total = documents.count_all()
    return database_engine.rebuild(
        documents.iter_all(), progress=(lambda done: progress(done, total)) if progress else None, chunk=chunk
    )
