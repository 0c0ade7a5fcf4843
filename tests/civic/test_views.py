"""The place suggestions endpoint behind the postcode, street and landmark comboboxes."""

import pytest

from civic import ratelimit
from civic.models import Address
from tests.civic.factories import AddressFactory, make_council


@pytest.fixture
def places_known(db):
    _council, west, _east = make_council()
    AddressFactory(ref="postcode:NB12AB", kind=Address.Kind.POSTCODE, name="NB1 2AB", ward=west)
    AddressFactory(ref="os:elm", kind=Address.Kind.STREET, name="Elm Road", context="Northbrook", ward=west)
    AddressFactory(ref="os:lib", kind=Address.Kind.LANDMARK, name="Northbrook Library", latitude=52.91)
    return west


def test_suggestions_list_places_as_json_for_anyone(client, places_known):
    response = client.get("/places/suggest/", {"q": "nb1 2ab"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    [place] = response.json()["results"]
    assert place["label"] == "NB1 2AB" and place["ward"] == "West Ward" and place["kind"] == "postcode"
    assert [p["label"] for p in client.get("/places/suggest/", {"q": "Elm Raod"}).json()["results"]] == [
        "Elm Road, Northbrook"
    ]


def test_suggestions_can_be_limited_to_a_kind(client, places_known):
    assert client.get("/places/suggest/", {"q": "elm", "kind": "postcode"}).json()["results"] == []
    assert (
        len(client.get("/places/suggest/", {"q": "elm", "kind": ["street", "nonsense"]}).json()["results"])
        == 1
    )


def test_suggestions_need_two_characters(client, places_known):
    assert client.get("/places/suggest/", {"q": "e"}).json() == {"results": []}
    assert client.get("/places/suggest/").json() == {"results": []}


def test_suggestions_are_rate_limited_per_client_address(client, places_known, settings, monkeypatch):
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_000_000.0)  # one window for the whole test
    settings.PLACE_LOOKUP_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert client.get("/places/suggest/", {"q": "elm"}).status_code == 200
    refused = client.get("/places/suggest/", {"q": "elm"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.json()["results"] == []
    other = client.get("/places/suggest/", {"q": "elm"}, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


def test_suggestions_read_a_bounded_number_of_queries(client, places_known, django_assert_max_num_queries):
    AddressFactory.create_batch(30, kind=Address.Kind.STREET, name="Elm Road")
    for query in ("elm", "elm raod", "nb1", "qqqqqqqqqqq"):
        with django_assert_max_num_queries(7):
            assert client.get("/places/suggest/", {"q": query}).status_code == 200


def test_suggestions_only_answer_get(client, places_known):
    assert client.post("/places/suggest/", {"q": "elm"}).status_code == 405
