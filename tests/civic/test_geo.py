import pytest

from civic import geo
from civic.models import Area
from tests.civic.factories import square

SQUARE = square(0, 0, 10, 10)
DONUT = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}
TWO_ISLANDS = {
    "type": "MultiPolygon",
    "coordinates": [square(0, 0, 1, 1)["coordinates"], square(5, 5, 6, 6)["coordinates"]],
}
L_SHAPE = {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 1], [1, 1], [1, 4], [0, 4], [0, 0]]]}


@pytest.mark.parametrize(
    ("geometry", "lon", "lat", "inside"),
    [
        (SQUARE, 5, 5, True),
        (SQUARE, 11, 5, False),
        (SQUARE, -0.0001, 5, False),
        (SQUARE, 0, 5, True),  # on the west edge
        (SQUARE, 10, 10, True),  # on a corner
        (SQUARE, 5, 10, True),  # on the north edge
        (SQUARE, 5, 10.0001, False),
        (DONUT, 2, 2, True),
        (DONUT, 5, 5, False),  # in the hole
        (TWO_ISLANDS, 0.5, 0.5, True),
        (TWO_ISLANDS, 5.5, 5.5, True),
        (TWO_ISLANDS, 3, 3, False),  # between the islands
        (L_SHAPE, 3, 3, False),  # in the notch of a concave polygon
        (L_SHAPE, 0.5, 3, True),
        (L_SHAPE, 3, 0.5, True),
    ],
)
def test_point_in_polygon(geometry, lon, lat, inside):
    assert geo.geometry_contains(geometry, lon, lat) is inside


def test_ray_through_a_vertex_is_counted_once():
    diamond = {"type": "Polygon", "coordinates": [[[0, 5], [5, 0], [10, 5], [5, 10], [0, 5]]]}
    assert geo.geometry_contains(diamond, 2, 5)  # the ray to the east passes through the vertex (10, 5)
    assert not geo.geometry_contains(diamond, -1, 5)


def test_points_or_lines_are_not_areas():
    with pytest.raises(geo.GeometryError):
        geo.polygons({"type": "Point", "coordinates": [0, 0]})


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},  # not closed
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]},  # too few points
        {"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [200, 1], [0, 0]]]},  # out of range
    ],
)
def test_invalid_rings_are_refused(geometry):
    with pytest.raises(geo.GeometryError):
        geo.validate(geometry)


def test_bbox_and_distance():
    assert geo.bbox(TWO_ISLANDS) == (0, 0, 6, 6)
    # One degree of latitude is about 111 km.
    assert 110_000 < geo.distance_m(52, -1.5, 53, -1.5) < 112_000
    assert geo.distance_m(52.9, -1.5, 52.9, -1.5) == 0


def test_area_keeps_its_bounding_box_in_step(db):
    area = Area.objects.create(name="Box", slug="box", geometry=square(-1.5, 52.0, -1.4, 52.1))
    assert (area.min_lon, area.min_lat, area.max_lon, area.max_lat) == (-1.5, 52.0, -1.4, 52.1)
    assert list(Area.objects.containing(52.05, -1.45)) == [area]
    assert not Area.objects.containing(52.2, -1.45).exists()
