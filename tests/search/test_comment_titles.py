"""A comment's search result is titled in the reader's language, with its page's title in that
language (the Welsh translation's where there is one), on both engines; the index keeps one
document per comment whoever reads it."""

import csv
import io
import re

import pytest
from django.utils import translation

from consultations.search import comment_title
from search.engines import iter_hits, run_search
from search.query import SearchRequest, parse_query
from tests.consultations.bilingual import translate
from tests.consultations.factories import CommentFactory
from tests.search.test_views import URL, officer_client  # noqa: F401 - the officer_client fixture

WELSH_TITLE = "Ymgynghoriad y llyfrgell"
TITLES = re.compile(r'<h3 class="card__title"><a href="[^"]*">(.*?)</a></h3>', re.S)


def titles(html: str) -> list[str]:
    return [re.sub(r"</?mark>", "", title) for title in TITLES.findall(html)]


def hits(text: str):
    result, _notice = run_search(SearchRequest(query=parse_query(text)))
    return result.hits


@pytest.fixture
def welsh_page(consultation):
    return translate(consultation, title=WELSH_TITLE)


def test_welsh_readers_see_the_welsh_title_and_english_readers_the_english(
    engine, reindex, consultation, welsh_page
):
    comment = CommentFactory(consultation=consultation, body="Bins overflowing every week.")
    reindex()
    with translation.override("cy"):
        [hit] = hits("bins")
        assert hit.key == f"comment:{comment.pk}"
        assert hit.title == f"Sylw ar {WELSH_TITLE}"
        assert hit.consultation_title == WELSH_TITLE
        assert hit.url == f"{welsh_page.url}#comment-{comment.pk}"  # the same comments, in Welsh
    [hit] = hits("bins")
    assert hit.title == f"Comment on {consultation.title}"
    assert hit.consultation_title == consultation.title
    assert hit.url == f"{consultation.url}#comment-{comment.pk}"


def test_the_welsh_link_shows_the_comment(engine, reindex, client, consultation, welsh_page):
    comment = CommentFactory(consultation=consultation, body="Bins overflowing every week.")
    reindex()
    html = client.get("/cy/search/", {"q": "bins"}).content.decode()
    link = f"{welsh_page.url}#comment-{comment.pk}"
    assert f'href="{link}"' in html
    page = client.get(welsh_page.url).content.decode()
    assert f'id="comment-{comment.pk}"' in page and "Bins overflowing every week." in page


def test_an_untranslated_page_keeps_its_title_inside_welsh_words(engine, reindex, consultation):
    CommentFactory(consultation=consultation, body="Bins overflowing every week.")
    reindex()
    with translation.override("cy"):
        [hit] = hits("bins")
    assert hit.title == f"Sylw ar {consultation.title}"


def test_the_words_searched_for_stay_marked_in_the_rewritten_title(engine, reindex, consultation):
    consultation.title = "Northbrook library <hours>"
    consultation.save_revision().publish()
    translate(consultation, title="Llyfrgell Northbrook <oriau>")
    CommentFactory(consultation=consultation, body="Opening times are too short.")
    reindex()
    with translation.override("cy"):
        result, _notice = run_search(SearchRequest(query=parse_query("northbrook"), types=("comment",)))
    [hit] = result.hits
    assert hit.title == "Sylw ar Llyfrgell Northbrook <oriau>"
    assert str(hit.title_html) == "Sylw ar Llyfrgell <mark>Northbrook</mark> &lt;oriau&gt;"


def test_paragraph_titles_in_each_language():
    with translation.override("cy"):
        assert comment_title("Cynnig", "3") == "Sylw ar baragraff 3 o Cynnig"
        assert comment_title("Cynnig", "-") == "Sylw ar Cynnig (paragraff sydd wedi'i ddileu ers hynny)"
    assert comment_title("Proposal", "3") == "Comment on paragraph 3 of Proposal"
    assert comment_title("Proposal", "-") == "Comment on Proposal (a paragraph since removed)"


def test_the_stored_title_is_in_the_sites_language_whoever_indexed_it(
    engine, reindex, consultation, welsh_page
):
    from search.models import SearchEntry

    CommentFactory(consultation=consultation, body="Bins overflowing every week.")
    with translation.override("cy"):
        reindex()
    if engine == "database":
        assert SearchEntry.objects.get(type="comment").title == f"Comment on {consultation.title}"
    [hit] = hits("bins")
    assert hit.title == f"Comment on {consultation.title}"


def test_officer_search_page_and_export_in_welsh(
    engine,
    reindex,
    officer_client,  # noqa: F811
    consultation,
    welsh_page,
):
    CommentFactory(consultation=consultation, body="Bins overflowing every week.")
    reindex()
    html = officer_client.get("/cy" + URL, {"q": "bins"}).content.decode()
    assert titles(html) == [f"Sylw ar {WELSH_TITLE}"]
    assert f"yn {WELSH_TITLE}" in html or WELSH_TITLE in html
    response = officer_client.get("/cy" + URL + "export.csv", {"q": "bins"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][1] == f"Sylw ar {WELSH_TITLE}"
    english = officer_client.get(URL, {"q": "bins"}).content.decode()
    assert titles(english) == [f"Comment on {consultation.title}"]


def test_export_titles_follow_the_reader_language(engine, reindex, consultation, welsh_page):
    for n in range(3):
        CommentFactory(consultation=consultation, body=f"Bins overflowing {n}.")
    reindex()
    with translation.override("cy"):
        found = list(iter_hits(SearchRequest(query=parse_query("bins")), 100))
    assert {hit.title for hit in found} == {f"Sylw ar {WELSH_TITLE}"}


def test_welsh_titles_cost_a_bounded_number_of_queries(
    engine, reindex, consultation, welsh_page, proposal, django_assert_max_num_queries
):
    for n in range(2):
        CommentFactory(consultation=consultation, body=f"Bins overflowing {n}.")
        CommentFactory(consultation=consultation, proposal=proposal, body=f"Bins on the proposal {n}.")
    reindex()
    with translation.override("cy"), django_assert_max_num_queries(30) as few:
        assert len(hits("bins")) == 4
    for n in range(15):
        CommentFactory(consultation=consultation, body=f"More bins {n}.")
        CommentFactory(consultation=consultation, proposal=proposal, body=f"More bins on the proposal {n}.")
    reindex()
    with translation.override("cy"), django_assert_max_num_queries(len(few.captured_queries)):
        found = hits("bins")
    assert len(found) == 20
    assert {hit.title for hit in found} >= {f"Sylw ar {WELSH_TITLE}"}


def test_a_proposal_hit_and_the_consultation_facet_name_the_consultation_in_the_readers_language(
    engine, reindex, consultation, welsh_page, proposal
):
    proposal.title = "Longer opening hours"
    proposal.save_revision().publish()
    reindex()
    with translation.override("cy"):
        result, _notice = run_search(SearchRequest(query=parse_query("longer"), types=("proposal",)))
        [hit] = result.hits
        assert hit.consultation_title == WELSH_TITLE
        labels = {value.value: value.label for value in result.facets["consultation"]}
        assert labels[str(consultation.pk)] == WELSH_TITLE
    result, _notice = run_search(SearchRequest(query=parse_query("longer"), types=("proposal",)))
    [hit] = result.hits
    assert hit.consultation_title == consultation.title
    labels = {value.value: value.label for value in result.facets["consultation"]}
    assert labels[str(consultation.pk)] == consultation.title
