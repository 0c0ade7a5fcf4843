"""Elasticsearch engine (elasticsearch-dsl): mapping, index and alias management, bulk writes, search."""

import logging
import time
from functools import cache

from django.conf import settings
from elastic_transport import TransportError, Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk
from elasticsearch_dsl import A, Date, Document, GeoPoint, Keyword, Long, Q, Search, Text

from ..documents import as_datetime
from ..query import (
    MARK_END,
    MARK_START,
    MAX_RESULTS,
    Hit,
    ParsedQuery,
    SearchRequest,
    SearchResult,
    as_date_bound,
    marked_html,
    plain,
)
from . import SearchRefused, SearchUnavailable
from .facets import FACET_FIELDS, label_facets

log = logging.getLogger(__name__)

TEXT_FIELDS = ["title^3", "text"]
SNIPPET_CHARS = 200
FACET_BUCKETS = 5000  # facet values counted in one aggregation; each facet then shows its top 50
BULK_TIMEOUT = 120  # seconds; searches keep the client's 10 s so a slow server falls back quickly
UNAVAILABLE = (TransportError, ApiError, ConnectionError, OSError)


class PlainJsonNode(Urllib3HttpNode):
    """Send plain application/json: the compatibility media type is refused by some servers."""

    def perform_request(self, method, target, body=None, request_timeout=None, headers=None):
        headers = dict(headers or {})
        for name in list(headers):
            if name.lower() in ("accept", "content-type"):
                headers[name] = "application/x-ndjson" if "ndjson" in headers[name] else "application/json"
        return super().perform_request(
            method, target, body=body, request_timeout=request_timeout, headers=headers
        )


@cache
def _client(url: str) -> Elasticsearch:
    return Elasticsearch(
        url, node_class=PlainJsonNode, request_timeout=10, max_retries=0, retry_on_timeout=False
    )


def client() -> Elasticsearch:
    return _client(settings.ELASTICSEARCH_URL)


def alias_name() -> str:
    return settings.SEARCH_INDEX


class ContributionDocument(Document):
    """The mapping: English analysis with stemming on text; keywords for filters and facets."""

    key = Keyword()
    type = Keyword()
    object_id = Long()
    title = Text(analyzer="english")
    text = Text(analyzer="english")
    url = Keyword(index=False)
    consultation_id = Long()
    consultation_title = Text(analyzer="english", fields={"raw": Keyword()})
    organisation_ids = Long()
    ward = Keyword()
    stance = Keyword()
    moderation_state = Keyword()
    status = Keyword()
    author = Text(fields={"raw": Keyword()})
    created = Date()
    location = GeoPoint()
    language = Keyword()
    title_ref = Keyword(index=False)  # read back to write the title in the reader's language
    facet_keys = Keyword()  # "stance:support", "consultation:12"...: every facet from ONE aggregation


def create_index(name: str) -> None:
    client().indices.create(
        index=name,
        mappings=ContributionDocument._doc_type.mapping.to_dict(),
        settings={"number_of_shards": 1, "number_of_replicas": 0},
    )


def new_index_name() -> str:
    return f"{alias_name()}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"


def alias_targets() -> list[str]:
    try:
        return sorted(client().indices.get_alias(name=alias_name()))
    except NotFoundError:
        return []


def ensure_index() -> None:
    """Create the first concrete index behind the alias when there is none."""
    if alias_targets():
        return
    if client().indices.exists(index=alias_name()):
        return  # a plain index with the alias's name (set up by hand): write to it as it is
    name = new_index_name()
    create_index(name)
    client().indices.put_alias(index=name, name=alias_name())


def swap_alias(new: str) -> list[str]:
    """Point the alias at the new index in one atomic step; returns the indices it left."""
    old = [name for name in alias_targets() if name != new]
    actions = [{"remove": {"index": name, "alias": alias_name()}} for name in old]
    actions.append({"add": {"index": new, "alias": alias_name()}})
    client().indices.update_aliases(actions=actions)
    return old


def _source(doc: dict) -> dict:
    source = dict(doc)
    source["title"], source["text"] = plain(doc["title"]), plain(doc["text"])  # highlight markers are ours
    created = as_datetime(source.get("created"))
    source["created"] = created.isoformat() if created else None
    source["facet_keys"] = facet_keys(doc)
    return source


def facet_keys(doc: dict) -> list[str]:
    keys = []
    for name, field in FACET_FIELDS.items():
        values = doc.get(field)
        for value in values if isinstance(values, list) else [values]:
            if value not in (None, ""):
                keys.append(f"{name}:{value}")
    return keys


def actions(index: str, docs, gone=()):
    for doc in docs:
        yield {"_op_type": "index", "_index": index, "_id": doc["key"], "_source": _source(doc)}
    for key in gone:
        yield {"_op_type": "delete", "_index": index, "_id": key}


def bulk_apply(index: str, docs, gone=(), *, chunk_size: int = 500, refresh: bool = False) -> int:
    """Index and delete documents; raises SearchUnavailable when anything did not reach the index."""
    done = 0
    failed = []
    try:
        for ok, item in streaming_bulk(
            client().options(request_timeout=BULK_TIMEOUT),
            actions(index, docs, gone),
            chunk_size=chunk_size,
            raise_on_error=False,
            raise_on_exception=True,
            max_retries=0,
        ):
            op, result = next(iter(item.items()))
            if ok or (op == "delete" and result.get("status") == 404):
                done += 1
            else:
                failed.append(result)
        if refresh:
            client().indices.refresh(index=index)
    except UNAVAILABLE as exc:
        raise SearchUnavailable(str(exc)) from exc
    if failed:
        raise SearchUnavailable(f"{len(failed)} documents were refused, first: {failed[0]}")
    return done


def text_query(parsed: ParsedQuery):
    must = [Q("multi_match", query=t, fields=TEXT_FIELDS) for t in parsed.terms]
    must += [Q("multi_match", query=p, fields=TEXT_FIELDS, type="phrase") for p in parsed.phrases]
    must += [Q("multi_match", query=p, fields=TEXT_FIELDS, type="phrase_prefix") for p in parsed.prefixes]
    must_not = [Q("multi_match", query=w, fields=TEXT_FIELDS) for w in parsed.excluded]
    return Q("bool", must=must, must_not=must_not)


def filters(request: SearchRequest) -> list:
    clauses = []
    for field, values in (
        ("type", request.types),
        ("consultation_id", request.consultations),
        ("organisation_ids", request.organisations),
        ("ward", request.wards),
        ("stance", request.stances),
        ("moderation_state", request.moderation_states),
        ("language", request.languages),
    ):
        if len(values) == 1:
            clauses.append(Q("term", **{field: next(iter(values))}))
        elif values:
            clauses.append(Q("terms", **{field: list(values)}))
    if request.within_organisations:
        clauses.append(Q("terms", organisation_ids=list(request.within_organisations)))
    if request.created_from or request.created_to:
        bounds = {}
        if request.created_from:
            bounds["gte"] = as_date_bound(request.created_from).isoformat()
        if request.created_to:
            bounds["lte"] = as_date_bound(request.created_to, end=True).isoformat()
        clauses.append(Q("range", created=bounds))
    return clauses


def unavailable(exc: Exception) -> SearchUnavailable:
    """A request the server refused (4xx other than 408/429) is that request's fault, not an outage."""
    status = getattr(exc, "status_code", None) if isinstance(exc, ApiError) else None
    if isinstance(status, int) and 400 <= status < 500 and status not in (408, 429):
        return SearchRefused(str(exc))
    return SearchUnavailable(str(exc))


class ElasticEngine:
    name = "elasticsearch"
    export_page_size = 500

    def base(self, request: SearchRequest) -> tuple[Search, bool]:
        search = Search(using=client(), index=alias_name())
        ranked = not request.query.is_empty
        query = text_query(request.query) if ranked else Q("match_all")
        search = search.query(Q("bool", must=[query], filter=filters(request)))
        if request.sort == "oldest":
            search = search.sort({"created": "asc"}, {"key": "asc"})
        elif request.sort == "newest" or not ranked:
            search = search.sort({"created": "desc"}, {"key": "desc"})
        # Relevance: the engine's own score order (equal scores keep the index's order), no sort pass.
        return search, ranked

    def search(self, request: SearchRequest, *, with_facets: bool = True) -> SearchResult:
        search, ranked = self.base(request)
        cap = settings.SEARCH_COUNT_CAP
        # Count one past the cap: "more than cap" is then known, and counting stops there.
        search = search.extra(from_=request.offset, size=request.page_size, track_total_hits=cap + 1)
        if ranked:
            search = search.highlight_options(
                pre_tags=[MARK_START], post_tags=[MARK_END], require_field_match=False
            )
            search = search.highlight("title", number_of_fragments=0)
            search = search.highlight(
                "text", fragment_size=SNIPPET_CHARS, number_of_fragments=1, no_match_size=SNIPPET_CHARS
            )
        if with_facets:
            search.aggs.bucket("facets", A("terms", field="facet_keys", size=FACET_BUCKETS))
        response = self.execute(search)
        hits = [self.hit(h.to_dict(), getattr(h.meta, "highlight", None), h.meta.score) for h in response]
        total = response.hits.total.value
        capped = total > cap
        raw: dict[str, list[tuple[str, int]]] = {name: [] for name in FACET_FIELDS}
        if with_facets:
            for bucket in response.aggregations.facets.buckets:
                name, _, value = str(bucket.key).partition(":")
                if name in raw and len(raw[name]) < 50:
                    raw[name].append((value, bucket.doc_count))
            if total and not response.aggregations.facets.buckets:
                raw = self.facets_per_field(request)  # an index built before facet_keys existed
        return SearchResult(
            hits=hits,
            total=min(total, cap),
            facets=label_facets(raw, request),
            engine=self.name,
            capped=capped,  # the aggregations still count every match: facets are whole
        )

    def facets_per_field(self, request: SearchRequest) -> dict[str, list[tuple[str, int]]]:
        search, _ = self.base(request)
        search = search.extra(size=0)
        for name, field in FACET_FIELDS.items():
            search.aggs.bucket(name, A("terms", field=field, size=50))
        aggregations = self.execute(search).aggregations
        return {
            name: [(str(b.key), b.doc_count) for b in getattr(aggregations, name).buckets if b.key != ""]
            for name in FACET_FIELDS
        }

    @staticmethod
    def execute(search: Search):
        try:
            return search.execute()
        except UNAVAILABLE as exc:
            raise unavailable(exc) from exc

    def iter_hits(self, request: SearchRequest, limit: int):
        search, _ = self.base(request)
        page_size = self.export_page_size
        for start in range(0, min(limit, MAX_RESULTS), page_size):
            try:
                response = search.extra(from_=start, size=min(page_size, limit - start)).execute()
            except UNAVAILABLE as exc:
                raise unavailable(exc) from exc
            for h in response:
                yield self.hit(h.to_dict(), None, None)
            if len(response) < page_size:
                return

    def hit(self, source: dict, highlight, score) -> Hit:
        title_hl = (getattr(highlight, "title", None) or [None])[0] if highlight else None
        text_hl = (getattr(highlight, "text", None) or [None])[0] if highlight else None
        text = source.get("text", "")
        if not text_hl:
            text_hl = text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else "")
        organisation_ids = source.get("organisation_ids") or []
        return Hit(
            key=source["key"],
            type=source["type"],
            title=source.get("title", ""),
            url=source.get("url", ""),
            consultation_id=source.get("consultation_id"),
            consultation_title=source.get("consultation_title", ""),
            organisation_ids=organisation_ids if isinstance(organisation_ids, list) else [organisation_ids],
            ward=source.get("ward", ""),
            stance=source.get("stance", ""),
            moderation_state=source.get("moderation_state", ""),
            status=source.get("status", ""),
            author=source.get("author", ""),
            created=as_datetime(source.get("created")),
            text=text,
            title_html=marked_html(title_hl or source.get("title", "")),
            snippet_html=marked_html(text_hl),
            score=score,
            language=source.get("language", ""),
            title_ref=source.get("title_ref") or "",
        )
