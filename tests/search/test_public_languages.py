"""Site search lists a page and its translations once, in the reader's language: its Welsh
translation for a Welsh reader where a public one exists, else the English page, on both engines."""

import re

import pytest
from django.utils import translation

from search import public
from tests.consultations.bilingual import translate
from tests.consultations.factories import make_consultation, make_proposal

URL = "/search/"
TITLES = re.compile(r'<h3 class="card__title"><a href="([^"]*)">(.*?)</a></h3>', re.S)


def listed(client, url, text):
    return [(href, title) for href, title in TITLES.findall(client.get(url, {"q": text}).content.decode())]


@pytest.fixture
def bilingual_world(index, organisation):
    library = make_consultation(
        index,
        "open",
        lead_organisation=organisation,
        title="Northbrook library hours",
        summary="Opening hours.",
    )
    welsh_library = translate(library, title="Oriau llyfrgell Northbrook", summary="Oriau agor.")
    proposal = make_proposal(library, title="Northbrook late opening")
    welsh_proposal = translate(proposal, title="Agor yn hwyr yn Northbrook")
    park = make_consultation(
        index, "open", lead_organisation=organisation, title="Northbrook park", summary="Park benches."
    )
    return {
        "library": library,
        "welsh_library": welsh_library,
        "proposal": proposal,
        "welsh_proposal": welsh_proposal,
        "park": park,
    }


def test_a_welsh_reader_sees_each_page_once_in_welsh(engine, reindex, client, bilingual_world):
    reindex()
    titles = [title for _href, title in listed(client, "/cy" + URL, "northbrook")]
    assert sorted(titles) == sorted(
        ["Oriau llyfrgell Northbrook", "Agor yn hwyr yn Northbrook", "Northbrook park"]
    )
    hrefs = dict((title, href) for href, title in listed(client, "/cy" + URL, "northbrook"))
    assert hrefs["Oriau llyfrgell Northbrook"] == bilingual_world["welsh_library"].url


def test_an_english_reader_sees_each_page_once_in_english(engine, reindex, client, bilingual_world):
    reindex()
    titles = [title for _href, title in listed(client, URL, "northbrook")]
    assert sorted(titles) == sorted(
        ["Northbrook library hours", "Northbrook late opening", "Northbrook park"]
    )


def test_a_page_found_by_its_other_languages_words_is_listed_in_the_readers_language(
    engine, reindex, client, bilingual_world
):
    reindex()
    # English words find the English page; the Welsh reader is shown its Welsh translation.
    assert [title for _href, title in listed(client, "/cy" + URL, "library")] == [
        "Oriau llyfrgell Northbrook"
    ]
    # Welsh words find the Welsh page; the English reader is shown the English page.
    assert [title for _href, title in listed(client, URL, "llyfrgell")] == ["Northbrook library hours"]


def test_an_untranslated_page_is_listed_once_in_english_for_a_welsh_reader(
    engine, reindex, client, bilingual_world
):
    reindex()
    assert [title for _href, title in listed(client, "/cy" + URL, "benches")] == ["Northbrook park"]


def test_a_draft_translation_is_never_listed(engine, reindex, client, bilingual_world):
    welsh = bilingual_world["welsh_library"]
    welsh.unpublish()
    reindex()
    titles = [title for _href, title in listed(client, "/cy" + URL, "library")]
    assert titles == ["Northbrook library hours"]


def test_results_carry_the_language_their_snippet_is_in(engine, reindex, bilingual_world):
    reindex()
    with translation.override("cy"):
        found = {result.title: result.language for result in public.search("northbrook")}
    assert found["Oriau llyfrgell Northbrook"] == "cy"
    assert found["Northbrook park"] == "en-gb"


@pytest.mark.parametrize("welsh", [True, False])
def test_listing_pages_in_the_readers_language_takes_a_bounded_number_of_queries(
    engine, reindex, client, index, organisation, django_assert_max_num_queries, welsh
):
    def add(n):
        page = make_consultation(index, "open", lead_organisation=organisation, title=f"Northbrook plan {n}")
        translate(page, title=f"Cynllun Northbrook {n}")

    add(0)
    reindex()
    url = ("/cy" if welsh else "") + URL
    client.get(url, {"q": "northbrook"})  # warm per-process lookups
    with django_assert_max_num_queries(60) as few:
        assert len(listed(client, url, "northbrook")) == 1
    for n in range(1, 6):
        add(n)
    reindex()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(listed(client, url, "northbrook")) == 6
