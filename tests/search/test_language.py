"""Officer search filters, counts, shows and exports the language contributions were written in, on
both engines."""

import csv
import io

from search.engines import get_engine
from search.query import SearchRequest, parse_query
from tests.search.test_views import URL, officer_client  # noqa: F401 - the officer_client fixture


def search(text="", **filters):
    return get_engine().search(SearchRequest(query=parse_query(text), **filters))


def test_language_filter_and_facet_on_each_engine(engine, reindex, comment_on):
    welsh = comment_on("Bins llawn bob wythnos", language="cy")
    english = comment_on("Bins overflowing every week")
    reindex()
    assert [h.key for h in search("bins", languages=("cy",)).hits] == [f"comment:{welsh.pk}"]
    assert [h.key for h in search("bins", languages=("en-gb",)).hits] == [f"comment:{english.pk}"]
    result = search("bins")
    assert {f.value: (f.label, f.count) for f in result.facets["language"]} == {
        "cy": ("Cymraeg", 1),
        "en-gb": ("English", 1),
    }
    assert {h.key: h.language for h in result.hits} == {
        f"comment:{welsh.pk}": "cy",
        f"comment:{english.pk}": "en-gb",
    }


def test_officer_search_page_filters_by_language_and_marks_the_text(
    engine,
    reindex,
    officer_client,  # noqa: F811
    comment_on,
):
    comment_on("Bins llawn", language="cy")
    comment_on("Bins overflowing")
    reindex()
    html = officer_client.get(URL, {"q": "bins"}).content.decode()
    assert 'name="language" value="cy"' in html
    assert 'Cymraeg <span class="facet__count">(1)</span>' in html
    filtered = officer_client.get(URL, {"q": "bins", "language": "cy"}).content.decode()
    assert "1 result" in filtered and "overflowing" not in filtered
    assert '<p class="search-result__snippet" lang="cy">' in filtered
    refused = officer_client.get(URL, {"q": "bins", "language": "fr"})
    assert "Select a valid choice" in refused.content.decode()


def test_search_export_has_a_language_column(engine, reindex, officer_client, comment_on):  # noqa: F811
    comment_on("Bins llawn", language="cy")
    reindex()
    response = officer_client.get(URL + "export.csv", {"q": "bins"})
    header, row = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert row[header.index("language")] == "cy"
