"""Bounded-cost search: exact counts below SEARCH_COUNT_CAP, "more than N" above it, on both engines."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from search.engines import run_search
from search.query import SearchRequest, parse_query
from tests.civic.factories import OrganisationFactory
from tests.consultations.factories import make_consultation
from tests.support.auth import sign_in

OFFICER_URL = "/search/officer/"


def search(text, **filters):
    result, _ = run_search(SearchRequest(query=parse_query(text), **filters))
    return result


def facet_counts(result, name):
    return {facet.value: facet.count for facet in result.facets[name]}


@pytest.fixture
def five_otters(comment_on):
    """Five comments saying "otter", a day apart (newest last), three in support."""
    now = timezone.now()
    stances = ["support", "support", "support", "oppose", "oppose"]
    return [
        comment_on(
            f"Otter holt number {n} by the river.", stance=stance, created_at=now - timedelta(days=5 - n)
        )
        for n, stance in enumerate(stances)
    ]


def test_counts_below_the_cap_are_exact(engine, reindex, five_otters, settings):
    settings.SEARCH_COUNT_CAP = 5
    reindex()
    result = search("otter")
    assert (result.total, result.capped, result.facets_partial, result.rank_window) == (5, False, False, 0)
    assert facet_counts(result, "stance") == {"support": 3, "oppose": 2}
    assert len(result.hits) == 5


def test_counts_above_the_cap_say_more_than_the_cap(engine, reindex, five_otters, settings):
    settings.SEARCH_COUNT_CAP = 3
    reindex()
    result = search("otter", sort="newest")
    assert (result.total, result.capped) == (3, True)
    assert [hit.key for hit in result.hits] == [f"comment:{c.pk}" for c in reversed(five_otters)]
    stances = facet_counts(result, "stance")
    if engine == "database":  # counted over the rows read: flagged partial
        assert result.facets_partial
        assert sum(stances.values()) == 4  # cap + 1 rows read, never all five
    else:  # Elasticsearch aggregates every match whatever the total says
        assert not result.facets_partial
        assert stances == {"support": 3, "oppose": 2}


def test_a_filter_below_the_cap_counts_exactly_again(engine, reindex, five_otters, settings):
    settings.SEARCH_COUNT_CAP = 3
    reindex()
    result = search("otter", stances=("oppose",))
    assert (result.total, result.capped, result.facets_partial) == (2, False, False)


def test_relevance_past_the_cap_ranks_the_newest_window(reindex, comment_on, settings, engine):
    if engine != "database":
        pytest.skip("Elasticsearch ranks every match itself")
    now = timezone.now()
    strong_old = comment_on("Badger badger badger badger sett.", created_at=now - timedelta(days=9))
    comment_on("A badger crossed.", created_at=now - timedelta(days=8))
    weak_new = comment_on("One badger by the bins, and then the bus, the rain and the dark.", created_at=now)
    strong_new = comment_on("Badger badger badger.", created_at=now - timedelta(days=1))
    settings.SEARCH_COUNT_CAP = 3
    settings.SEARCH_RANK_WINDOW = 2
    reindex()
    result = search("badger")
    assert (result.capped, result.rank_window, result.pageable) == (True, 2, 2)
    assert [hit.key for hit in result.hits] == [f"comment:{strong_new.pk}", f"comment:{weak_new.pk}"]
    assert f"comment:{strong_old.pk}" not in {hit.key for hit in result.hits}
    assert search("badger", page=2, page_size=2).hits == []
    settings.SEARCH_COUNT_CAP = 4  # every match counted: every match ranked
    result = search("badger")
    assert (result.capped, result.rank_window) == (False, 0)
    assert result.hits[0].key == f"comment:{strong_old.pk}"


def test_officer_page_says_more_than_the_cap_and_flags_partial_facets(
    engine, reindex, five_otters, settings, client, officer, django_assert_max_num_queries
):
    settings.SEARCH_COUNT_CAP = 3
    reindex()
    sign_in(client, officer)
    client.get(OFFICER_URL, {"q": "otter"})  # warm per-user caches (permissions, session)
    with django_assert_max_num_queries(20):
        html = client.get(OFFICER_URL, {"q": "otter"}).content.decode()
    assert "More than 3 results" in html
    assert "Searches stop counting at 3 matches" in html
    partial = "counts from the first 3 matches" in html
    assert partial == (engine == "database")
    settings.SEARCH_COUNT_CAP = 10
    html = client.get(OFFICER_URL, {"q": "otter"}).content.decode()
    assert "5 results" in html and "More than" not in html and "counts from the first" not in html


def test_export_past_the_cap_sends_every_match_up_to_the_export_limit(
    engine, reindex, five_otters, settings, client, officer
):
    settings.SEARCH_COUNT_CAP = 3
    reindex()
    sign_in(client, officer)
    response = client.get(OFFICER_URL + "export.csv", {"q": "otter", "sort": "newest"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))[1:]
    assert len(rows) == 5


def test_the_cap_counts_only_what_the_officer_may_see(
    engine, reindex, index, comment_on, settings, client, make_user, organisation
):
    police = OrganisationFactory(name="Northbrook Police", slug="northbrook-police")
    theirs = make_consultation(index, lead_organisation=police, title="Police consultation")
    for n in range(4):
        comment_on(f"Heron nest {n} in their wood.", consultation=theirs)
    comment_on("Heron nest in our park.")
    settings.SEARCH_COUNT_CAP = 3
    reindex()
    sign_in(client, make_user(roles=["Officers"], organisation=organisation))
    html = client.get(OFFICER_URL, {"q": "heron"}).content.decode()
    assert "1 result" in html and "More than" not in html and "their wood" not in html
    sign_in(client, make_user(roles=["Officers"], organisation=police))
    html = client.get(OFFICER_URL, {"q": "heron"}).content.decode()
    assert "More than 3 results" in html and "our park" not in html
