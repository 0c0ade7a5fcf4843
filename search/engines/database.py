"""Database engine: PostgreSQL full-text search, or SQLite FTS5, over SearchEntry rows."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber

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
        title=doc["title"][:300],
        text=doc["text"],
        url=(doc["url"] or "")[:500],
        consultation_id=doc["consultation_id"],
        consultation_title=(doc["consultation_title"] or "")[:300],
        ward=doc["ward"] or "",
        stance=doc["stance"] or "",
        moderation_state=doc["moderation_state"] or "",
        status=doc["status"] or "",
        author=(doc["author"] or "")[:100],
        created=as_datetime(doc["created"]),
        latitude=location.get("lat"),
        longitude=location.get("lon"),
        language=doc.get("language") or "en",
    )


def write_entries(docs: dict[str, dict], gone=(), *, replace_all: bool = False) -> None:
    """Store documents and drop deleted ones in one transaction (readers see old or new, never half)."""
    through = SearchEntry.organisations.through
    with transaction.atomic():
        if replace_all:
            SearchEntry.objects.all().delete()
        else:
            SearchEntry.objects.filter(key__in=[*docs, *gone]).delete()
        _insert(docs.values(), through)


def _insert(docs, through) -> int:
    docs = list(docs)
    entries = [entry_from(d) for d in docs]
    if is_postgres():  # the tsvector is computed by the INSERT itself: no second write per row
        for entry in entries:
            entry.search_vector = SearchVector(
                Value(entry.title), weight="A", config="english"
            ) + SearchVector(Value(entry.text), weight="B", config="english")
    entries = SearchEntry.objects.bulk_create(entries, batch_size=1000)
    links = [
        through(searchentry_id=entry.pk, organisation_id=org)
        for entry, doc in zip(entries, docs, strict=True)
        for org in doc["organisation_ids"]
    ]
    through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    return len(entries)


def rebuild(documents, progress=None, chunk: int = 2000) -> int:
    """Replace every entry in one transaction from an iterable of documents."""
    through = SearchEntry.organisations.through
    done = 0
    batch = []
    with transaction.atomic():
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
    return done


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
        if request.organisations:
            qs = qs.filter(
                pk__in=SearchEntry.organisations.through.objects.filter(
                    organisation_id__in=request.organisations
                ).values("searchentry_id")
            )
        if request.wards:
            qs = qs.filter(ward__in=request.wards)
        if request.stances:
            qs = qs.filter(stance__in=request.stances)
        if request.moderation_states:
            qs = qs.filter(moderation_state__in=request.moderation_states)
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

    def ordered(self, qs, request: SearchRequest, ranked: bool):
        if request.sort == "oldest":
            return qs.order_by("created", "pk")
        if request.sort == "newest" or not ranked:
            return qs.order_by("-created", "-pk")
        if is_postgres():
            rank = SearchRank(F("search_vector"), pg_query(request.query))
        else:
            rank = RawSQL(RANK_SQL, [fts_query(request.query)])  # noqa: S611 - bound parameter
        return qs.annotate(rank=rank).order_by("-rank", "-created", "-pk")

    def window_order(self, request: SearchRequest, ranked: bool):
        if request.sort == "oldest":
            return [F("created").asc(), F("id").asc()]
        if request.sort == "newest" or not ranked:
            return [F("created").desc(), F("id").desc()]
        if is_postgres():
            rank = SearchRank(F("search_vector"), pg_query(request.query))
        else:
            rank = RawSQL(RANK_SQL, [fts_query(request.query)])  # noqa: S611 - bound parameter
        return [rank.desc(), F("created").desc(), F("id").desc()]

    def search(self, request: SearchRequest) -> SearchResult:
        qs, ranked = self.matched(request)
        total, raw, page_ids = self.counts(qs, request, ranked)
        found = SearchEntry.objects.in_bulk(page_ids)
        rows = [found[pk] for pk in page_ids if pk in found]
        highlights = self.highlights(rows, request.query) if ranked else {}
        hits = [self.hit(entry, highlights.get(entry.pk)) for entry in rows]
        return SearchResult(hits=hits, total=total, facets=label_facets(raw, request), engine=self.name)

    def iter_hits(self, request: SearchRequest, limit: int):
        qs, ranked = self.matched(request)
        qs = self.ordered(qs, request, ranked).prefetch_related("organisations")[:limit]
        for entry in qs.iterator(chunk_size=500):
            yield self.hit(entry, None)

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
        )

    def counts(self, qs, request: SearchRequest, ranked: bool):
        """One pass over the matching rows: the total, every facet's counts and the page's ids in order."""
        columns = ["id", *(f for f in FACET_FIELDS.values() if f != "organisation_ids")]
        numbered = qs.order_by().annotate(
            pos=Window(RowNumber(), order_by=self.window_order(request, ranked))
        )
        inner, params = numbered.values(*columns, "pos").query.sql_with_params()
        through = SearchEntry.organisations.through._meta.db_table
        parts = [
            "SELECT 'total', '', COUNT(*) FROM m",
            "SELECT 'hit', CAST(id AS TEXT), pos FROM m WHERE pos > %s AND pos <= %s",
        ]
        for name, column in FACET_FIELDS.items():
            if column == "organisation_ids":
                sql = (
                    f"SELECT '{name}', CAST(o.organisation_id AS TEXT), COUNT(*) FROM m "  # noqa: S608
                    f"JOIN {through} o ON o.searchentry_id = m.id GROUP BY o.organisation_id"
                )
                parts.append(sql)
            else:
                sql = (
                    f"SELECT '{name}', CAST({column} AS TEXT), COUNT(*) FROM m "  # noqa: S608
                    f"WHERE {column} IS NOT NULL AND CAST({column} AS TEXT) <> '' GROUP BY {column}"
                )
                parts.append(sql)
        sql = f"WITH m ({', '.join(columns)}, pos) AS MATERIALIZED ({inner}) " + " UNION ALL ".join(parts)
        raw: dict[str, list[tuple[str, int]]] = {name: [] for name in FACET_FIELDS}
        total = 0
        hits: list[tuple[int, int]] = []
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, request.offset, request.offset + request.page_size])
            for name, value, count in cursor.fetchall():
                if name == "total":
                    total = count
                elif name == "hit":
                    hits.append((count, int(value)))
                else:
                    raw[name].append((value, count))
        for name, values in raw.items():
            raw[name] = sorted(values, key=lambda v: -v[1])[:50]
        return total, raw, [pk for _, pk in sorted(hits)]


def _prefetched(entry) -> bool:
    return "organisations" in getattr(entry, "_prefetched_objects_cache", {})


def _leading_words(text: str) -> str:
    words = (text or "").split()
    return " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")
