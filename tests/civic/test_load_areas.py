"""Loading ward boundaries from GeoJSON (manage.py load_areas, civic.places.load_areas)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from civic.models import Area
from tests.civic.factories import square


def write_geojson(tmp_path, features) -> str:
    path = tmp_path / "areas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return str(path)


def feature(name, geometry, **props):
    return {"type": "Feature", "properties": {"name": name, **props}, "geometry": geometry}


def test_load_areas_creates_then_updates_with_a_progress_bar(db, tmp_path):
    path = write_geojson(
        tmp_path,
        [feature("North", square(0, 0, 1, 1), code="W1"), feature("South", square(0, -1, 1, 0))],
    )
    out = io.StringIO()
    call_command("load_areas", path, stdout=out)
    assert "[" in out.getvalue() and "2/2 areas" in out.getvalue()
    assert "2 areas created, 0 updated" in out.getvalue()
    north = Area.objects.get(slug="north")
    assert north.code == "W1" and north.kind == "ward" and north.contains(0.5, 0.5)
    out = io.StringIO()
    call_command("load_areas", path, "--no-progress", stdout=out)
    assert "0 areas created, 2 updated" in out.getvalue() and "[" not in out.getvalue()


@pytest.mark.parametrize(
    ("features", "message"),
    [
        ([feature("", square(0, 0, 1, 1))], "no 'name'"),
        ([feature("Line", {"type": "LineString", "coordinates": [[0, 0], [1, 1]]})], "Polygon"),
        ([feature("Open", {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]})], "closed"),
    ],
)
def test_load_areas_refuses_bad_features_and_saves_nothing(db, tmp_path, features, message):
    with pytest.raises(CommandError, match=message):
        call_command("load_areas", write_geojson(tmp_path, features), stdout=io.StringIO())
    assert not Area.objects.exists()


def test_load_areas_refuses_a_file_that_is_not_geojson(db, tmp_path):
    path = tmp_path / "x.geojson"
    path.write_text("not json")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("load_areas", str(path), stdout=io.StringIO())
