"""Hostile input in every search box and filter never gives a 5xx, on every engine.

The same corpus runs on the database engine (SQLite FTS5 here, PostgreSQL full text when the suite
runs on PostgreSQL) and on Elasticsearch (osmem-server), at the engine and through the views:
public site search, officer search, its CSV export and saved searches."""

import csv
import io

import pytest
from django.core.cache import cache
from django.http import QueryDict

from search.engines import DOWN_CACHE_KEY, get_engine
from search.forms import OfficerSearchForm
from search.models import SavedSearch
from search.query import QuerySyntaxError, SearchRequest, parse_query
from tests.support.auth import sign_in

OFFICER_URL = "/search/officer/"

QUERIES = [
    # quotes, balanced and not
    '"', '"""', '""', '" "', 'a"b', '"library', 'library"', '"bus station', "'", "''", "'library'",
    "library'", "’", "o'neil*", "a'*",
    # operator syntax of FTS5, tsquery, Lucene and Elasticsearch's query_string
    "AND", "OR", "NOT", "library AND", "OR library", "NOT NOT", "library OR OR bins", "NEAR(a b)",
    "NEAR", "library NOT", "title:library", "text:*", "a:b", ":", "::", ":*", "library:*", "(", ")",
    "((library)", "library)", "[a TO b]", "[", "]", "{library}", "{", "}", "library^2", "^", "library~",
    "library~2", "~", "library*", "*library", "*", "**", "li*", "l*", "lib**", "*lib*", "?", "lib?ary",
    "\\", "\\\\", "library\\", "/", "/lib.*/", "-", "--", "-library", "--library", "library -",
    "library - bins", "library -bins -", "+", "+library", "++", "!", "!library", "&", "&&", "|", "||",
    "library & bins", "library | bins", "library <-> bins", "<->", "library <2> bins", "@@", "%", "%%",
    "_", "__", "lib_rary", "'; DROP TABLE search_searchentry; --", "1=1", "$", "#", "`", "<mark>",
    "library -the", "the", "the*", '"the a"', "a -the", "library -\"bus station\"", '"" library',
    # digits that are not ASCII, and numbers
    "١٢٣", "१२३", "１２３", "²", "½", "Ⅻ", "٣*", "12345678901234567890123456789012345678901234567890",
    "-1", "1e309", "NaN", "0x10",
    # other Unicode: emoji, direction overrides, zero-width, combining marks, private-use markers
    "🙂", "library🙂", "\u202elibrary", "\u200b", "lib\u200brary", "e\u0301", "\u0301", "\ue000",
    "\ue000library\ue001", "\ufeff", "ℌ𝔢𝔩𝔩𝔬", "ǅ", "ß*", "İstanbul", "ab½cd*", "x²y*", "١٢٣abc*",
    "Ⅻab*", "o'neil'*", "e\u0301tude*", "日本語*", "日本語の図書館",
    # long
    "library " * 19 + "bins", "word " * 30, "a" * 499, "a" * 500, "a" * 501, "b" * 5000,
    "x" * 300 + "*", '"' + "long phrase " * 40 + '"', "-" * 500,
]  # fmt: skip

# Every query runs at the engine; through the (slower) views, one of each kind.
VIEW_QUERIES = [
    '"', 'a"b', '"bus station', "o'neil*", "OR library", "NEAR(a b)", "title:library", ":*", "((library)",
    "[a TO b]", "{library}", "library^2", "library~2", "*", "lib**", "lib?ary", "\\", "/lib.*/", "-",
    "--library", "library -bins -", "library <-> bins", "'; DROP TABLE search_searchentry; --", "the",
    "a -the", "١٢٣", "٣*", "1e309", "\u202elibrary", "\ue000library\ue001", "ℌ𝔢𝔩𝔩𝔬", "a" * 501,
    "library " * 19 + "bins", '"' + "long phrase " * 40 + '"',
]  # fmt: skip
IDS = [
    "9" * 19, "9" * 30, "9223372036854775807", "9223372036854775808", "18446744073709551616", "-1",
    "0", "١", "１２", "1e3", "1.5", " 7 ", "0x1", "1_000", "", "x",
]  # fmt: skip
PAGES = ["1", "0", "-1", "١", "１２", "9" * 30, "9" * 5000, "1e3", "1.5", "NaN", "x", " 2 ", "1_0"]
DATES = [
    "0001-01-01", "9999-12-31", "٢٠٢٦-٠١-٠١", "２０２６-０１-０１", "2026-13-01", "99999-01-01",
    "2026-02-30", "0000-00-00", "-2026-01-01", "1e3",
]  # fmt: skip


@pytest.fixture
def corpus(engine, reindex, comment_on, proposal):
    """A little of everything in the index, so hostile queries run against real documents."""
    comment_on("Keep the library open late, please", stance="support")
    comment_on("The bus station needs bins", stance="oppose", proposal=proposal)
    comment_on("O'Neil says the ١٢٣ route is late; ½ the buses 🙂")
    reindex()
    return engine


def _parse(text):
    try:
        return parse_query(text)
    except QuerySyntaxError:
        return None


def test_every_engine_answers_hostile_queries_without_error(corpus):
    """Each query either gets a clear syntax message or runs; no engine raises, or is marked down."""
    engine = get_engine()
    failures = []
    for text in QUERIES:
        parsed = _parse(text)
        if parsed is None:
            continue
        for sort in ("relevance", "newest"):
            try:
                engine.search(SearchRequest(query=parsed, sort=sort))
                list(engine.iter_hits(SearchRequest(query=parsed, sort=sort), 50))
            except Exception as exc:  # noqa: BLE001 - collect every failure, report them together
                failures.append((text, sort, repr(exc)[:300]))
    assert failures == []
    assert not cache.get(DOWN_CACHE_KEY)


def test_the_library_query_still_finds_its_comment(corpus):
    """The corpus is really searched: the ordinary query next to the hostile ones finds its match."""
    assert get_engine().search(SearchRequest(query=parse_query("library"))).total == 1
    assert get_engine().search(SearchRequest(query=parse_query("o'neil"))).total == 1


def test_hostile_filter_values_are_refused_by_the_form_or_run(corpus):
    failures = []
    values = [*IDS, *DATES, "a" * 5000, '"', "\u202e"]
    for name in ("consultation", "organisation", "ward", "stance", "moderation_state", "type", "sort"):
        for value in values:
            form = OfficerSearchForm({"q": "library", name: value})
            if not form.is_valid():
                continue
            try:
                get_engine().search(form.search_request())
            except Exception as exc:  # noqa: BLE001
                failures.append((name, value, repr(exc)[:300]))
    for name in ("created_from", "created_to"):
        for value in DATES:
            form = OfficerSearchForm({"q": "library", name: value})
            if not form.is_valid():
                continue
            try:
                get_engine().search(form.search_request())
            except Exception as exc:  # noqa: BLE001
                failures.append((name, value, repr(exc)[:300]))
    assert failures == []


def test_ids_beyond_64_bits_are_a_form_error(db):
    for value in ["9" * 19, "18446744073709551616", "١", "１２", "-1", "1_000", "1e3"]:
        form = OfficerSearchForm({"consultation": value})
        assert not form.is_valid(), value
        assert "Choose consultations from the list" in str(form.errors)
    assert OfficerSearchForm({"consultation": ["7", "900000000000000000"]}).is_valid()


def _officer_client(client, officer):
    sign_in(client, officer)
    return client


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_officer_search_and_export_never_fail_on_hostile_input(corpus, client, officer):
    _officer_client(client, officer)
    failures = []
    requests = [{"q": q} for q in VIEW_QUERIES]
    requests += [{"q": "library", "page": p} for p in PAGES]
    requests += [{"q": "library", name: v} for name in ("consultation", "organisation") for v in IDS]
    requests += [{"q": "library", name: v} for name in ("created_from", "created_to") for v in DATES]
    requests += [
        {"q": "library", "ward": "x" * 5000},
        {"q": "library", "ward": ['"', "\\", "*", "\u202e", "ward:1"]},
        {"q": "library", "stance": "'; --"},
        {"q": "library", "type": ["comment", "comment:1"]},
        {"q": "library", "sort": "created; DROP"},
        {"q": "library", "moderation_state": "hidden"},
        {"q": ["library", "bins"], "page": ["1", "2"]},
        {"q": "library", "unknown" * 100: "x"},
        {"q": "lib\x00rary"},
        {"q": "library", "ward": "\x00"},
    ]
    for params in requests:
        for url in (OFFICER_URL, OFFICER_URL + "export.csv"):
            response = client.get(url, params)
            body = _body(response)
            if response.status_code >= 500 or not body and response.status_code == 200:
                failures.append((url, params, response.status_code))
            if url.endswith(".csv") and response.status_code == 200:
                rows = list(csv.reader(io.StringIO(body.decode())))
                assert rows[0][0] == "type"
    assert failures == []
    assert not cache.get(DOWN_CACHE_KEY)  # no hostile search can make the site think Elasticsearch is down


def test_saved_searches_never_fail_on_hostile_input(corpus, client, officer):
    _officer_client(client, officer)
    failures = []
    names = ["Mine", "x" * 81, "", "\u202eevil", "<b>bold</b>", "a\r\nb", '"quoted"']
    queries = ["q=library", "q=a\r\nSet-Cookie: x=1", "q=%0d%0aLocation: //evil", "//evil.example",
               "q=" + "x" * 3000, "q=%ZZ", "q=%00", "page=" + "9" * 40, "\r\n", "q=%E2%80%AE"]  # fmt: skip
    for name in names:
        for query in queries:
            response = client.post(OFFICER_URL + "saved/", {"name": name, "query": query})
            if response.status_code >= 500:
                failures.append((name, query, response.status_code))
                continue
            location = response.headers.get("Location", "")
            assert response.status_code == 302
            assert location.startswith(OFFICER_URL + "?"), location
            assert "\r" not in location and "\n" not in location and "//" not in location
            follow = client.get(location)
            if follow.status_code >= 500:
                failures.append((name, query, "follow", follow.status_code))
            saved = SavedSearch.objects.filter(owner=officer, name=name.strip()).first()
            if saved is not None:
                assert set(QueryDict(saved.query)) <= {"q"}, saved.query  # only the search's parameters
                assert "\r" not in saved.query and "\n" not in saved.query
                assert client.get(OFFICER_URL + "?" + saved.query).status_code == 200
    assert failures == []
    assert SavedSearch.objects.filter(owner=officer).exists()
    assert client.get(OFFICER_URL).status_code == 200


def test_public_site_search_never_fails_on_hostile_input(client, consultation, proposal):
    failures = []
    for q in QUERIES:
        for page in ("1", "9" * 30) if q in VIEW_QUERIES else ("1",):
            response = client.get("/search/", {"q": q, "page": page})
            if response.status_code >= 500:
                failures.append((q, page, response.status_code))
    for page in [*PAGES, "\x00"]:
        response = client.get("/search/", {"q": consultation.title, "page": page})
        if response.status_code >= 500:
            failures.append((consultation.title, page, response.status_code))
    assert failures == []


def test_stored_text_cannot_forge_highlights(corpus, comment_on, reindex):
    """The engines' private highlight markers typed into a comment are dropped, never turned into <mark>."""
    comment_on("\ue000forged\ue001 praise for the ponds")
    reindex()
    hit = get_engine().search(SearchRequest(query=parse_query("ponds"))).hits[0]
    assert "<mark>forged" not in hit.snippet_html
    assert "<mark>ponds</mark>" in hit.snippet_html
