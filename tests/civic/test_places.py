import pytest

from civic import places
from civic.models import Area
from tests.civic.factories import GazetteerFactory, make_council


@pytest.fixture
def council(db):
    return make_council()


def test_point_in_a_ward_is_located_with_its_ward(council):
    _council, west, east = council
    assert places.locate("52.90", "-1.55").ward == west
    assert places.locate(52.90, -1.51).ward == east


def test_point_on_the_border_between_two_wards_gets_one_ward(council):
    located = places.locate(52.90, -1.53)
    assert located.ward is not None


@pytest.mark.parametrize(
    ("lat", "lon", "field", "message"),
    [
        ("north", "-1.5", "latitude", "Latitude must be a number"),
        ("52.9", "", "longitude", "Longitude must be a number"),
        ("91", "-1.5", "latitude", "between -90 and 90"),
        ("52.9", "-181", "longitude", "between -180 and 180"),
        ("nan", "-1.5", "latitude", "between -90 and 90"),
        ("51.5", "-0.12", "latitude", "outside the council's area"),
    ],
)
def test_bad_or_outside_locations_are_refused_with_a_clear_message(council, lat, lon, field, message):
    with pytest.raises(places.LocationError) as caught:
        places.locate(lat, lon)
    assert caught.value.field == field
    assert message in caught.value.message


def test_without_a_council_boundary_the_wards_are_the_area(council):
    Area.objects.filter(kind=Area.Kind.COUNCIL).delete()
    assert places.locate(52.90, -1.55).ward.slug == "west"
    with pytest.raises(places.LocationError):
        places.locate(52.95, -1.55)


def test_gazetteer_search_matches_every_word(council):
    GazetteerFactory(name="High Street", kind="street", latitude=52.905, longitude=-1.545, ward=council[1])
    GazetteerFactory(name="High Wood Park", kind="landmark")
    assert [e.name for e in places.search_gazetteer("high street")] == ["High Street"]
    assert len(places.search_gazetteer("HIGH")) == 2
    assert list(places.search_gazetteer("   ")) == []
