"""Officer search page: who may use it, what it shows, bad input, CSV export and saved searches."""

import csv
import io

import pytest
from django.urls import reverse

from search.models import SavedSearch
from tests.support.auth import sign_in

URL = "/search/officer/"


@pytest.fixture
def officer_client(client, officer):
    sign_in(client, officer)
    return client


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL + "?q=bins")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("path", ["", "export.csv"])
def test_residents_are_refused(client, resident, path):
    sign_in(client, resident)
    assert client.get(URL + path).status_code == 403


def test_residents_cannot_save_searches(client, resident):
    sign_in(client, resident)
    assert client.post(URL + "saved/", {"name": "Mine", "query": "q=x"}).status_code == 403
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize("role", ["Officers", "Moderators"])
def test_staff_can_search(engine, reindex, client, organisation, make_user, comment_on, role):
    comment_on("Recycling collections are missed every week", author=make_user(display_name="Ada"))
    reindex()
    sign_in(client, make_user(roles=[role], organisation=organisation))
    response = client.get(URL, {"q": "recycling"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 result" in html
    assert "<mark>Recycling</mark>" in html
    assert "Ada" in html
    assert "@example.org" not in html


def test_facets_are_shown_with_counts_and_filter(engine, reindex, officer_client, comment_on):
    comment_on("Bins overflowing", stance="oppose")
    comment_on("Bins are fine", stance="support")
    reindex()
    html = officer_client.get(URL, {"q": "bins"}).content.decode()
    assert 'name="stance" value="oppose"' in html
    assert 'Oppose <span class="facet__count">(1)</span>' in html
    filtered = officer_client.get(URL, {"q": "bins", "stance": "oppose"}).content.decode()
    assert "1 result" in filtered
    assert 'value="oppose" id="f-stance-1" checked' in filtered


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": '"unclosed phrase'}, "Close the quotation marks"),
        ({"q": "word " * 200}, "characters or fewer"),
        ({"q": "*"}, "Put * straight after"),
        ({"q": "-parking"}, "Add a word to search for"),
        ({"q": "bins", "type": "spaceship"}, "Select a valid choice"),
        ({"q": "bins", "consultation": "abc"}, "Choose consultations from the list"),
        ({"q": "bins", "created_from": "yesterday"}, "Enter a valid date"),
        ({"q": "bins", "created_from": "2026-05-01", "created_to": "2026-01-01"}, "end date must be"),
        ({"q": "bins", "colour": "red"}, "Ignored unknown filter: colour"),
        ({"q": "bins", "page": "abc"}, "Page numbers are whole numbers"),
        ({"q": "bins", "page": "0"}, "Page numbers start at 1"),
        ({"q": "bins", "page": "999999"}, "Only the first 10,000 results"),
    ],
)
def test_bad_input_gets_a_clear_message(engine, officer_client, params, message):
    response = officer_client.get(URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(engine, reindex, officer_client, comment_on):
    for i in range(3):
        comment_on(f"Hedges overgrown {i}")
    reindex()
    html = officer_client.get(URL, {"q": "hedges", "page": "5"}).content.decode()
    assert "There is only 1 page of results" in html
    assert html.count('class="card search-result"') == 3


def test_the_search_page_makes_a_bounded_number_of_queries(
    engine, reindex, officer_client, comment_on, index, organisation, django_assert_max_num_queries
):
    from tests.consultations.factories import make_consultation

    for i in range(5):
        other = make_consultation(index, "open", lead_organisation=organisation)
        for j in range(6):
            comment_on(f"Speeding traffic {i} {j}", consultation=other, stance=["support", "oppose"][j % 2])
    reindex()
    # Fixed costs: session, account, roles, second factor, the search itself (PostgreSQL adds one
    # for work_mem and one for the count capped at SEARCH_COUNT_CAP), labels, the hits' re-check,
    # brand and footer pages, unread count, saved searches, and the locales (read once per process,
    # forgotten before each test).
    with django_assert_max_num_queries(19):
        response = officer_client.get(URL, {"q": "speeding", "sort": "relevance"})
    assert "30 results" in response.content.decode()


def test_csv_export_has_every_result_and_neutralises_formulas(engine, reindex, officer_client, comment_on):
    comment_on('=HYPERLINK("http://x") drainage', stance="oppose")
    for i in range(24):
        comment_on(f"Drainage problem {i}")
    reindex()
    response = officer_client.get(URL + "export.csv", {"q": "drainage"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["type", "title", "text"]
    assert len(rows) == 26
    assert any(row[2].startswith("'=HYPERLINK") for row in rows[1:])
    assert all("Northbrook Council" in row[4] for row in rows[1:])


def test_officers_save_and_delete_their_own_searches(engine, client, officer, make_user, organisation):
    sign_in(client, officer)
    response = client.post(URL + "saved/", {"name": "Potholes", "query": "q=potholes&stance=oppose"})
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=officer)
    html = client.get(URL).content.decode()
    assert "?q=potholes&amp;stance=oppose" in html
    other = make_user(roles=["Officers"], organisation=organisation)
    sign_in(client, other)
    assert "Potholes" not in client.get(URL).content.decode()
    assert client.post(URL + f"saved/{saved.pk}/delete/").status_code == 404
    sign_in(client, officer)
    assert client.post(URL + f"saved/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.exists()


def test_residents_site_search_finds_public_pages(client, consultation):
    response = client.get("/search/", {"q": consultation.title})
    assert response.status_code == 200
    assert consultation.title in response.content.decode()
