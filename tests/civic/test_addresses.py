import pytest

from civic import addresses, places
from civic.models import Address
from tests.civic.factories import AddressFactory, GazetteerFactory, make_council


@pytest.fixture
def northbrook(db):
    _council, west, east = make_council()
    for name, kind, context, ward in [
        ("NB1 2AB", Address.Kind.POSTCODE, "", west),
        ("NB1 2AD", Address.Kind.POSTCODE, "", west),
        ("NB2 4QT", Address.Kind.POSTCODE, "", east),
        ("Elm Road", Address.Kind.STREET, "Northbrook, NB1", west),
        ("Elm Road Close", Address.Kind.STREET, "Northbrook, NB1", west),
        ("Oak Avenue", Address.Kind.STREET, "Northbrook, NB2", east),
        ("Northbrook Library", Address.Kind.LANDMARK, "Northbrook", east),
        ("12 Elm Road", Address.Kind.ADDRESS, "Northbrook, NB1 2AB", west),
    ]:
        AddressFactory(name=name, kind=kind, context=context, ward=ward, ref=f"test:{name}")
    return west, east


def names(found):
    return [place.name for place in found]


@pytest.mark.parametrize("typed", ["NB1 2AB", "nb12ab", "nb1  2ab", " NB1 2AB "])
def test_a_postcode_is_found_however_it_is_typed(northbrook, typed):
    found = places.find_places(typed)
    assert names(found)[0] == "NB1 2AB"
    assert found[0].ward_name == "West Ward" and found[0].distance == 0


def test_the_start_of_a_postcode_lists_the_postcodes_in_it(northbrook):
    assert names(places.find_places("NB1")) == ["NB1 2AB", "NB1 2AD"]
    assert names(places.find_places("nb1 2a")) == ["NB1 2AB", "NB1 2AD"]


def test_street_exact_and_prefix_matches_come_first_shortest_first(northbrook):
    assert names(places.find_places("Elm Road")) == ["Elm Road", "Elm Road Close"]
    assert names(places.find_places("elm"))[:2] == ["Elm Road", "Elm Road Close"]
    assert names(places.find_places("12 elm")) == ["12 Elm Road"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Elm Raod", "Elm Road"), ("elm rod", "Elm Road"), ("Oak Avenu", "Oak Avenue"),
     ("oka avenue", "Oak Avenue"), ("Northbrook Libary", "Northbrook Library"), ("NB1 2BA", "NB1 2AB"),
     ("Northbrook Lirbary", "Northbrook Library")],
)  # fmt: skip
def test_a_typo_still_finds_the_place(northbrook, typed, expected):
    found = places.find_places(typed)
    assert expected in names(found)
    assert found[0].distance <= 2


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Lm Road", "Elm Road"),  # first character dropped
        ("Rlm Road", "Elm Road"),  # first character wrong
        ("Ekm Road", "Elm Road"),  # second character wrong
        ("Em Road", "Elm Road"),  # second character dropped
        ("Xelm Road", "Elm Road"),  # a character added before the first
        ("Lem Road", "Elm Road"),  # first two swapped
        ("Eml Road", "Elm Road"),  # second and third swapped
        ("Aok Avenue", "Oak Avenue"),
        ("Orthbrook Library", "Northbrook Library"),
        ("BN1 2AB", "NB1 2AB"),  # a postcode's first two swapped
        ("MB1 2AB", "NB1 2AB"),  # a postcode's first letter wrong
        ("N1 2AB", "NB1 2AB"),  # a postcode's second letter dropped
    ],
)
def test_a_typo_in_the_first_two_characters_still_finds_the_place(northbrook, typed, expected):
    found = places.find_places(typed)
    assert names(found)[0] == expected
    assert found[0].distance == 1


@pytest.mark.parametrize(
    "typed", ["Zebra Crossing Lane", "Xy Road", "Qlm Rxad Zzz", "QQ9 9ZZ", "e", "", "   ", "%_%", "\x00"]
)
def test_unknown_or_too_short_queries_find_nothing(northbrook, typed):
    assert places.find_places(typed) == []


def test_lookup_can_be_limited_to_kinds(northbrook):
    assert names(places.find_places("nb1", kinds=[Address.Kind.STREET])) == []
    assert names(places.find_places("12 elm", kinds=[Address.Kind.ADDRESS])) == ["12 Elm Road"]
    assert names(places.find_places("elm", kinds=[Address.Kind.STREET])) == ["Elm Road", "Elm Road Close"]


def test_the_councils_own_gazetteer_is_searched_too(northbrook):
    GazetteerFactory(name="Abbey Ruins", kind="landmark", latitude=52.91, longitude=-1.55)
    GazetteerFactory(name="Elm Road", kind="street")  # already known: not listed twice
    assert names(places.find_places("ruins")) == ["Abbey Ruins"]
    assert names(places.find_places("elm road")) == ["Elm Road", "Elm Road Close"]
    assert places.find_places("ruins", kinds=[Address.Kind.POSTCODE]) == []


def test_lookup_reads_a_bounded_number_of_queries(northbrook, django_assert_max_num_queries):
    AddressFactory.create_batch(60, kind=Address.Kind.STREET, name="Elm Road")
    for typed in ("elm", "elm raod", "zzzzzzzzzzzzzzzzzzzzzz", "nb1 2ba", "lm road", "bn1 2ab", "xelm road"):
        with django_assert_max_num_queries(addresses.TYPO_PREFIXES + 3):  # prefix, typos, skeleton, gazetteer
            places.find_places(typed)


def test_resolve_names_one_place_or_offers_the_matches(northbrook):
    place, matches = places.resolve_place("nb1 2ab")
    assert place is not None and place.name == "NB1 2AB" and matches == [place]
    place, matches = places.resolve_place("Elm Road, Northbrook, NB1")
    assert place is not None and place.name == "Elm Road"
    place, matches = places.resolve_place("elm")
    assert place is None and len(matches) >= 2
    assert places.resolve_place("Zebra Crossing Lane") == (None, [])


def test_saving_keeps_the_search_keys_in_step(db):
    address = AddressFactory(kind=Address.Kind.POSTCODE, name="NB1 2AB")
    assert (address.key, address.skeleton, address.tail) == ("nb12ab", "nb12b", "12ab")
    address.name = "NB1 3AB"
    address.save()
    assert (Address.objects.get().key, Address.objects.get().tail) == ("nb13ab", "13ab")


def test_results_carry_what_a_map_needs(northbrook):
    place = places.find_places("Elm Road")[0]
    assert place.as_json() == {
        "id": place.id,
        "label": "Elm Road, Northbrook, NB1",
        "kind": "street",
        "kind_label": "Street",
        "latitude": 52.9,
        "longitude": -1.54,
        "ward": "West Ward",
    }


MIDDLE_SLIPS = [  # none of these shares a shorter start, the consonants or the tail with its place
    ("Nihgtingalebury Grove", "Nightingalebury Grove"),  # two swapped in the middle of a long word
    ("Nightingalwbury Grove", "Nightingalebury Grove"),  # one wrong
    ("Nightingaleury Grove", "Nightingalebury Grove"),  # one dropped
    ("Nightingalebsury Grove", "Nightingalebury Grove"),  # one added
    ("NightingaleburyGrove", "Nightingalebury Grove"),  # the space left out
    ("Nightingalebu ryGrove", "Nightingalebury Grove"),  # the space moved
    ("Nightingale bury Grove", "Nightingalebury Grove"),  # a space added
    ("Maplefodr St", "Mapleford Street"),  # typed so far, with a slip in its middle
    ("MaplefordStre", "Mapleford Street"),
    ("14 Maplefodr Street", "14 Mapleford Street"),
    ("19 Rorrelfield Lane", "19 Sorrelfield Lane"),  # two before the start "19 Rosewood Lane" shares
]


@pytest.fixture
def long_names(northbrook):
    for name, kind in [
        ("Nightingalebury Grove", Address.Kind.STREET),
        ("Nightingale Road", Address.Kind.STREET),
        ("Mapleford Street", Address.Kind.STREET),
        ("Maple Street", Address.Kind.STREET),
        ("14 Mapleford Street", Address.Kind.ADDRESS),
        ("19 Sorrelfield Lane", Address.Kind.ADDRESS),
        ("19 Rosewood Lane", Address.Kind.ADDRESS),
    ]:
        AddressFactory(name=name, kind=kind, context="Northbrook", ref=f"test:{name}")


@pytest.mark.parametrize(("typed", "expected"), MIDDLE_SLIPS)
def test_a_slip_in_the_middle_of_a_long_word_still_finds_the_place(long_names, typed, expected):
    found = places.find_places(typed)
    assert names(found)[0] == expected
    assert 1 <= found[0].distance <= 2


def test_a_slip_found_where_the_known_start_ends_is_read_in_bounded_queries(
    long_names, django_assert_max_num_queries
):
    AddressFactory.create_batch(60, kind=Address.Kind.STREET, name="Nightingale Road")
    with django_assert_max_num_queries(4):  # prefix, typo candidates, the slip undone, gazetteer
        assert names(places.find_places("Nihgtingalebury Grove"))[0] == "Nightingalebury Grove"


def test_slip_candidates_keep_to_the_kinds_asked_for(long_names):
    assert names(places.find_places("Nightingaleury Grove", kinds=[Address.Kind.STREET])) == [
        "Nightingalebury Grove"
    ]
    assert places.find_places("Nightingaleury Grove", kinds=[Address.Kind.POSTCODE]) == []
