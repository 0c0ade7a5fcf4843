"""Site search and officer search at /cy/ addresses: results, facets and notices in Welsh."""

import re

import pytest

from tests.consultations.factories import make_consultation
from tests.support.auth import sign_in
from tests.welsh import assert_welsh

MAIN = re.compile(r"<main[\s>].*?</main>", re.S)


CHECKBOX_VALUE = re.compile(r'(<input type="checkbox"[^>]*?) value="[^"]*"')


def main_of(response) -> str:
    """<main>, without checkbox values: those are the facets' machine values (type=comment), not words."""
    [main] = MAIN.findall(response.content.decode())
    return CHECKBOX_VALUE.sub(r"\1", main)


@pytest.fixture
def parc(index, organisation):
    return make_consultation(
        index,
        "open",
        lead_organisation=organisation,
        title="Ymgynghoriad y parc",
        summary="Cynlluniau'r parc.",
    )


@pytest.fixture
def sylwadau(parc, comment_on, make_user):
    author = make_user(display_name="Siân")
    return [
        comment_on("Mae angen mwy o goed yn y parc", consultation=parc, author=author, stance="support"),
        comment_on("Dim parcio ger y parc", consultation=parc, author=author, stance="oppose"),
    ]


def test_site_search_is_welsh_with_results(engine, reindex, client, sylwadau):
    reindex()
    response = client.get("/cy/search/", {"q": "parc"})
    assert response.status_code == 200
    html = main_of(response)
    assert "canlyniad" in html and "Sylw" in html and "gan Siân" in html
    assert_welsh(html)
    nothing = main_of(client.get("/cy/search/", {"q": "zzzz"}))
    assert "Dim byd yn cyfateb" in nothing
    assert_welsh(nothing)
    too_long = main_of(client.get("/cy/search/", {"q": "a" * 300}))
    assert "Chwiliwch am 200 nod neu lai" in too_long
    assert_welsh(too_long)


def test_officer_search_is_welsh_with_results_and_facets(engine, reindex, client, officer, sylwadau):
    reindex()
    sign_in(client, officer)
    response = client.get("/cy/search/officer/", {"q": "parc", "colour": "red", "page": "x"})
    assert response.status_code == 200
    html = main_of(response)
    assert "Chwilio cyfraniadau" in html and "Math" in html and "Statws cymedroli" in html
    assert "Hidlydd anhysbys a anwybyddwyd: colour." in html
    assert "Trefnu yn ôl" in html and "Y mwyaf perthnasol yn gyntaf" in html
    assert 'id="facet-stance"' in html
    assert_welsh(html)


def test_officer_search_syntax_error_is_welsh(engine, client, officer):
    sign_in(client, officer)
    html = main_of(client.get("/cy/search/officer/", {"q": '"heb ei gau'}))
    assert "Caewch y dyfynodau" in html


def test_english_search_is_unchanged(engine, reindex, client, officer, sylwadau):
    reindex()
    sign_in(client, officer)
    html = main_of(client.get("/search/officer/", {"q": "parc"}))
    assert "Contribution search" in html and "3 results" in html and "Most relevant first" in html
