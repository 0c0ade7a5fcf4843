import pytest

from civic import address_keys as keys


@pytest.mark.parametrize("typed", ["nb12ab", "NB1 2AB", "nb1  2ab", " Nb1\t2aB ", "NB1-2AB"])
def test_postcodes_typed_any_way_share_one_key(typed):
    assert keys.compact_postcode(typed) == "nb12ab"
    assert keys.query_key(typed) == "nb12ab"
    assert keys.format_postcode(typed) == "NB1 2AB"
    assert keys.is_postcode(typed)


@pytest.mark.parametrize("typed", ["NB1", "nb1 2", "SW1A 1AA", "b1 1aa"])
def test_the_start_of_a_postcode_is_folded_like_a_postcode(typed):
    assert keys.looks_like_postcode(typed)
    assert " " not in keys.query_key(typed)


@pytest.mark.parametrize("typed", ["Elm Road", "12 Elm Road", "", "NB1 2AB Elm Road", "1AB"])
def test_names_are_not_taken_for_postcodes(typed):
    assert not keys.is_postcode(typed)


def test_names_fold_case_accents_punctuation_and_spaces():
    assert keys.fold("  St Mary’s   Church ") == "st marys church"
    assert keys.fold("Café-Bar, Élm Road!") == "cafe bar elm road"
    assert keys.fold("a\x00b<script>") == "a b script"
    assert len(keys.fold("x" * 5000)) == keys.MAX_QUERY


def test_skeleton_forgives_vowel_slips_and_doubled_letters():
    assert keys.skeleton("elm raod") == keys.skeleton("elm road") == "lm rd"
    assert keys.skeleton("northbrook libary") == keys.skeleton("northbrook library")


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("elm road", "elm road", 0), ("elm raod", "elm road", 1), ("elm rod", "elm road", 1),
     ("nb12ba", "nb12ab", 1), ("kitten", "sitting", 3), ("", "abc", 3)],
)  # fmt: skip
def test_edit_distance_counts_a_swap_once(a, b, distance):
    assert keys.edit_distance(a, b) == distance


def test_prefix_distance_compares_with_the_start_of_a_longer_name():
    assert keys.prefix_distance("elm raod", "elm road close") == 1
    assert keys.prefix_distance("oak", "elm road") > 2
