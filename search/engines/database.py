"""Database engine: PostgreSQL full-text search, or SQLite FTS5, over SearchEntry rows."""

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL

from civic import languages

from ..documents import as_datetime
from ..models import SearchEntry
from ..query import (
    MARK_END,
    MARK_START,
    Hit,
    ParsedQuery,
    SearchRequest,
    SearchResult,
    as_date_bound,
    marked_html,
    plain,
)
from .facets import FACET_FIELDS, label_facets

VECTOR = SearchVector("title", weight="A", config="english") + SearchVector(
    "text", weight="B", config="english"
)
SNIPPET_WORDS = 30
RANK_SQL = (
    "SELECT -bm25(search_fts, 4.0, 1.0) FROM search_fts "
    "WHERE search_fts MATCH %s AND search_fts.rowid = search_searchentry.id"
)
HIGHLIGHT_SQL = (  # noqa: S608 - constants and placeholders only
    "SELECT rowid, highlight(search_fts, 0, %s, %s), "
    "snippet(search_fts, 1, %s, %s, '…', 30) FROM search_fts "
    "WHERE search_fts MATCH %s AND rowid IN ({placeholders})"
)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


# Writing ------------------------------------------------------------------------------------


def entry_from(doc: dict) -> SearchEntry:
    location = doc.get("location") or {}
    return SearchEntry(
        key=doc["key"],
        type=doc["type"],
        object_id=doc["object_id"],
        title=plain(doc["title"])[:300],
        text=plain(doc["text"]),
        url=(doc["url"] or "")[:500],
        consultation_id=doc["consultation_id"],
        consultation_title=(doc["consultation_title"] or "")[:300],
        organisation_key=organisation_key(doc["organisation_ids"]),
        ward=doc["ward"] or "",
        stance=doc["stance"] or "",
        moderation_state=doc["moderation_state"] or "",
        status=doc["status"] or "",
        author=(doc["author"] or "")[:100],
        created=as_datetime(doc["created"]),
        latitude=location.get("lat"),
        longitude=location.get("lon"),
        language=doc.get("language") or languages.default(),
        title_ref=(doc.get("title_ref") or "")[:60],
    )


def organisation_key(ids) -> str:
    return f",{','.join(str(i) for i in sorted(ids))}," if ids else ""


def write_entries(docs: dict[str, dict], gone=(), *, replace_all: bool = False) -> None:
    """Store documents and drop deleted ones in one transaction (readers see old or new, never half)."""
    through = SearchEntry.organisations.through
    with transaction.atomic():
        if replace_all:
            SearchEntry.objects.all().delete()
        else:  # two statements (no signals to send for index rows): not a SELECT and DELETE per table
            keys = [*docs, *gone]
            through.objects.filter(searchentry__key__in=keys)._raw_delete(using=through.objects.db)
            SearchEntry.objects.filter(key__in=keys)._raw_delete(using=SearchEntry.objects.db)
        _insert(docs.values(), through)


def _insert(docs, through) -> int:
    docs = list(docs)
    entries = [entry_from(d) for d in docs]
    if is_postgres():
        entries = _insert_postgres(entries)
    else:  # SQLite's triggers fill the FTS5 table
        entries = SearchEntry.objects.bulk_create(entries, batch_size=1000)
    links = [
        through(searchentry_id=entry.pk, organisation_id=org)
        for entry, doc in zip(entries, docs, strict=True)
        for org in doc["organisation_ids"]
    ]
    through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    return len(entries)


INSERTED = [f for f in SearchEntry._meta.concrete_fields if f.name not in ("id", "search_vector")]


def _insert_postgres(entries: list[SearchEntry], chunk: int = 1000) -> list[SearchEntry]:
    """One INSERT per chunk, one array per column, the tsvector computed by the INSERT itself: no
    second write per row, and no per-row SQL expression to build (that cost ~2 ms a row)."""
    table = connection.ops.quote_name(SearchEntry._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in INSERTED)
    arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in INSERTED)
    sql = (
        f"INSERT INTO {table} ({columns}, search_vector) "  # noqa: S608 - model metadata only
        f"SELECT {columns}, setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A') || "
        f"setweight(to_tsvector('english'::regconfig, COALESCE(text, '')), 'B') "
        f"FROM unnest({arrays}) AS v({columns}) RETURNING id, key"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(entries), chunk):
            part = entries[start : start + chunk]
            params = [[f.get_db_prep_save(getattr(e, f.attname), connection) for e in part] for f in INSERTED]
            cursor.execute(sql, params)
            ids = dict((key, pk) for pk, key in cursor.fetchall())
            for entry in part:
                entry.pk = ids[entry.key]
    return entries


def rebuild(documents, progress=None, chunk: int = 2000) -> int:
    """Replace every entry in one transaction from an iterable of documents."""
    through = SearchEntry.organisations.through
    done = 0
    batch = []
    with transaction.atomic():
        if is_postgres():
            # Searches keep reading the old rows; index writes wait, then apply on top of the rebuild.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"LOCK TABLE {SearchEntry._meta.db_table}, {through._meta.db_table} "
                    "IN SHARE ROW EXCLUSIVE MODE"
                )
        SearchEntry.objects.all().delete()
        for doc in documents:
            batch.append(doc)
            if len(batch) >= chunk:
                done += _insert(batch, through)
                batch = []
                if progress:
                    progress(done)
        done += _insert(batch, through)
        if progress:
            progress(done)
    tidy_after_rebuild()
    return done


def tidy_after_rebuild() -> None:
    """Reclaim the replaced rows and refresh the planner's statistics (stale ones mean slow plans)."""
    if not is_postgres():
        return
    # VACUUM cannot run inside a transaction (a caller's, or a test's): ANALYZE alone can.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in (SearchEntry, SearchEntry.organisations.through):
            cursor.execute(f"{command} {model._meta.db_table}")


# Searching ----------------------------------------------------------------------------------


def pg_query(parsed: ParsedQuery):
    parts = []
    if parsed.terms:
        parts.append(SearchQuery(" ".join(parsed.terms), search_type="plain", config="english"))
    parts += [SearchQuery(p, search_type="phrase", config="english") for p in parsed.phrases]
    parts += [
        SearchQuery(f"{p.replace(chr(39), '').replace('’', '')}:*", search_type="raw", config="english")
        for p in parsed.prefixes
    ]
    parts += [~SearchQuery(w, search_type="plain", config="english") for w in parsed.excluded]
    query = parts[0]
    for part in parts[1:]:
        query &= part
    return query


def fts_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH expression: every word, phrase and prefix must match; exclusions must not."""
    parts = [fts_quote(t) for t in parsed.terms]
    parts += [fts_quote(p) for p in parsed.phrases]
    parts += [fts_quote(p) + "*" for p in parsed.prefixes]
    expression = " AND ".join(parts)
    for word in parsed.excluded:
        expression = f"({expression}) NOT {fts_quote(word)}"
    return expression


class DatabaseEngine:
    name = "database"

    def filtered(self, request: SearchRequest):
        qs = SearchEntry.objects.all()
        if request.types:
            qs = qs.filter(type__in=request.types)
        if request.consultations:
            qs = qs.filter(consultation_id__in=request.consultations)
        for organisations in (request.organisations, request.within_organisations):
            if organisations:
                qs = qs.filter(
                    pk__in=SearchEntry.organisations.through.objects.filter(
                        organisation_id__in=organisations
                    ).values("searchentry_id")
                )
        if request.wards:
            qs = qs.filter(ward__in=request.wards)
        if request.stances:
            qs = qs.filter(stance__in=request.stances)
        if request.moderation_states:
            qs = qs.filter(moderation_state__in=request.moderation_states)
        if request.languages:
            qs = qs.filter(language__in=request.languages)
        if request.created_from:
            qs = qs.filter(created__gte=as_date_bound(request.created_from))
        if request.created_to:
            qs = qs.filter(created__lte=as_date_bound(request.created_to, end=True))
        return qs

    def matched(self, request: SearchRequest):
        """The filtered queryset restricted to the text query; True when there is text to rank by."""
        qs = self.filtered(request)
        parsed = request.query
        if parsed.is_empty:
            return qs, False
        if is_postgres():
            return qs.filter(search_vector=pg_query(parsed)), True
        matching = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [fts_query(parsed)])  # noqa: S611
        return qs.filter(pk__in=matching), True

    def search(self, request: SearchRequest) -> SearchResult:
        qs, ranked = self.matched(request)
        cap = settings.SEARCH_COUNT_CAP
        with transaction.atomic():
            if is_postgres():  # grouping up to the cap's matches stays in memory
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('work_mem', %s, true)", [settings.SEARCH_WORK_MEM])
            total, raw = self.counts(qs, cap)
            capped = total > cap
            page_ids = self.page_ids(qs, request, ranked, capped, request.offset, request.page_size)
        found = SearchEntry.objects.in_bulk(page_ids)
        rows = [found[pk] for pk in page_ids if pk in found]
        highlights = self.highlights(rows, request.query) if ranked else {}
        hits = [self.hit(entry, highlights.get(entry.pk)) for entry in rows]
        return SearchResult(
            hits=hits,
            total=min(total, cap),
            facets=label_facets(raw, request),
            engine=self.name,
            capped=capped,
            facets_partial=capped,
            rank_window=self.rank_window(request, ranked, capped),
        )

    def iter_hits(self, request: SearchRequest, limit: int):
        """The rows the pages show, in their order (a capped relevance search: its ranked window)."""
        qs, ranked = self.matched(request)
        cap = settings.SEARCH_COUNT_CAP
        if ranked and request.sort == "relevance" and self.counts(qs, cap, with_facets=False)[0] > cap:
            ids = self.page_ids(qs, request, ranked, True, 0, limit)
            found = SearchEntry.objects.prefetch_related("organisations").in_bulk(ids)
            yield from (self.hit(found[pk], None) for pk in ids if pk in found)
            return
        ordered = self.ordered(qs, request, ranked).prefetch_related("organisations")[:limit]
        for entry in ordered.iterator(chunk_size=500):
            yield self.hit(entry, None)

    def ordered(self, qs, request: SearchRequest, ranked: bool):
        """Every match in the requested order (relevance ranks them all: no more than the cap here)."""
        if request.sort == "oldest":
            return qs.order_by("created", "pk")
        if request.sort == "newest" or not ranked:
            return qs.order_by("-created", "-pk")
        return qs.annotate(rank=self.rank(request)).order_by("-rank", "-created", "-pk")

    @staticmethod
    def rank_window(request: SearchRequest, ranked: bool, capped: bool) -> int:
        return settings.SEARCH_RANK_WINDOW if ranked and capped and request.sort == "relevance" else 0

    def page_ids(self, qs, request: SearchRequest, ranked: bool, capped: bool, offset: int, size: int):
        """One page of ids in the requested order, at a bounded cost however many rows match.

        Date orders walk the created index and stop after the page. Relevance ranks every match
        when there are no more than the cap; past it, only the newest SEARCH_RANK_WINDOW matches
        (ranking 100,000 matches to show 20 is what made broad searches slow)."""
        if not (capped and ranked and request.sort == "relevance"):
            ordered = self.ordered(qs, request, ranked)
            return list(ordered.values_list("pk", flat=True)[offset : offset + size])
        window = settings.SEARCH_RANK_WINDOW
        if offset >= window:
            return []
        newest = qs.annotate(rank=self.rank(request)).order_by("-created", "-pk")
        inner, params = newest.values("id", "created", "rank")[:window].query.sql_with_params()
        sql = (
            f"SELECT id FROM ({inner}) ranked_window "  # noqa: S608 - our own SQL
            "ORDER BY rank DESC, created DESC, id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, min(size, window - offset), offset])
            return [row[0] for row in cursor.fetchall()]

    def highlights(self, rows, parsed: ParsedQuery) -> dict[int, tuple[str, str]]:
        if not rows:
            return {}
        ids = [e.pk for e in rows]
        if is_postgres():
            query = pg_query(parsed)
            options = {"config": "english", "start_sel": MARK_START, "stop_sel": MARK_END}
            found = SearchEntry.objects.filter(pk__in=ids).annotate(
                title_hl=SearchHeadline("title", query, highlight_all=True, **options),
                text_hl=SearchHeadline(
                    "text", query, max_words=SNIPPET_WORDS, min_words=12, short_word=2, **options
                ),
            )
            return {e.pk: (e.title_hl, e.text_hl) for e in found.only("pk")}
        placeholders = ",".join(["%s"] * len(ids))
        sql = HIGHLIGHT_SQL.replace("{placeholders}", placeholders)
        with connection.cursor() as cursor:
            cursor.execute(sql, [MARK_START, MARK_END, MARK_START, MARK_END, fts_query(parsed), *ids])
            return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}

    def hit(self, entry: SearchEntry, highlight) -> Hit:
        title_hl, text_hl = highlight or (None, None)
        if not text_hl or MARK_START not in text_hl:
            text_hl = _leading_words(entry.text)
        organisation_ids = [o.pk for o in entry.organisations.all()] if _prefetched(entry) else []
        return Hit(
            key=entry.key,
            type=entry.type,
            title=entry.title,
            url=entry.url,
            consultation_id=entry.consultation_id,
            consultation_title=entry.consultation_title,
            organisation_ids=organisation_ids,
            ward=entry.ward,
            stance=entry.stance,
            moderation_state=entry.moderation_state,
            status=entry.status,
            author=entry.author,
            created=entry.created,
            text=entry.text,
            title_html=marked_html(title_hl or entry.title),
            snippet_html=marked_html(text_hl),
            score=getattr(entry, "rank", None),
            language=entry.language,
            title_ref=entry.title_ref,
        )

    def counts(self, qs, cap: int, *, with_facets: bool = True):
        """Count the matches and their facet values, reading at most cap + 1 of them.

        The facets come from ONE grouping by all facet columns together (a few hundred groups at
        most), added up per facet here; the total is the sum of the groups. A total above the cap
        means "more than cap": the counts then cover only the rows read (partial facets)."""
        columns = GROUP_COLUMNS if with_facets else ["id"]
        inner, params = qs.order_by().values(*columns)[: cap + 1].query.sql_with_params()
        if not with_facets:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM ({inner}) m", params)  # noqa: S608 - our own SQL
                return cursor.fetchone()[0], {}
        group_sql = ", ".join(GROUP_COLUMNS)
        sql = (
            f"SELECT COUNT(*), {group_sql} FROM ({inner}) m "  # noqa: S608 - our own columns
            f"GROUP BY {group_sql}"
        )
        raw: dict[str, dict[str, int]] = {name: {} for name in FACET_FIELDS}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for count, *values in cursor.fetchall():
                total += count
                group = dict(zip(GROUP_COLUMNS, values, strict=True))
                for name, column in FACET_FIELDS.items():
                    if column == "organisation_ids":
                        keys = [k for k in (group["organisation_key"] or "").split(",") if k]
                    else:
                        keys = [] if group[column] in (None, "") else [str(group[column])]
                    for key in keys:
                        raw[name][key] = raw[name].get(key, 0) + count
        facets = {name: sorted(counts.items(), key=lambda v: -v[1])[:50] for name, counts in raw.items()}
        return total, facets

    def rank(self, request: SearchRequest):
        if is_postgres():
            return SearchRank(F("search_vector"), pg_query(request.query))
        return RawSQL(RANK_SQL, [fts_query(request.query)])  # noqa: S611 - bound parameter


GROUP_COLUMNS = [
    "type", "consultation_id", "ward", "stance", "moderation_state", "language", "organisation_key",
]  # fmt: skip


def _prefetched(entry) -> bool:
    return "organisations" in getattr(entry, "_prefetched_objects_cache", {})


def _leading_words(text: str) -> str:
    words = (text or "").split()
    return " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")
