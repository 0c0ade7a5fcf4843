import pytest

from civic import bng
from civic.geo import distance_m


def _dms(degrees):
    whole = int(degrees)
    minutes = int((degrees - whole) * 60)
    return whole, minutes, round(((degrees - whole) * 60 - minutes) * 60, 4)


def test_the_ordnance_surveys_worked_example_converts_exactly():
    """'A guide to coordinate systems in Great Britain', annex C: 651409.903 E, 313177.270 N."""
    lat, lon = bng.grid_to_osgb36(651409.903, 313177.270)
    assert _dms(lat) == (52, 39, 27.2531)
    assert _dms(lon) == (1, 43, 4.5177)


def test_wgs84_is_about_a_hundred_metres_from_osgb36_the_known_way():
    lat36, lon36 = bng.grid_to_osgb36(432714, 334896)
    lat, lon = bng.to_wgs84(432714, 334896)
    shift = distance_m(lat36, lon36, lat, lon)
    assert 60 < shift < 140  # the datum shift across England
    assert lon < lon36  # WGS84 longitudes are west of OSGB36 ones in Britain


def test_a_known_place_lands_within_a_few_metres():
    # Nelson's Column, Trafalgar Square: TQ 30015 80415 (530015 E, 180415 N) is 51.50775 N, 0.12801 W.
    lat, lon = bng.to_wgs84(530015, 180415)
    assert distance_m(lat, lon, 51.50775, -0.12801) < 15


def test_round_trip_through_the_demo_writer():
    easting, northing = bng.from_wgs84(52.9105, -1.515)
    lat, lon = bng.to_wgs84(easting, northing)
    assert distance_m(lat, lon, 52.9105, -1.515) < 0.01


@pytest.mark.parametrize(("e", "n"), [(-1, 100), (100, -5), (900_000, 100), (100, 2_000_000)])
def test_references_off_the_grid_are_refused(e, n):
    with pytest.raises(bng.GridError):
        bng.to_wgs84(e, n)
