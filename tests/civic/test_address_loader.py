import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from civic import address_loader, bng
from civic.address_loader import FormatError, load
from civic.models import Address
from tests.civic.factories import make_council

ONSPD = """pcd,pcd2,pcds,dointr,doterm,oslaua,osward,usertype,oseast1m,osnrth1m,lat,long
NB1 2AB,NB1  2AB,NB1 2AB,202401,,N09000001,W1,0,432699,334965,52.911124,-1.515208
NB1 2AD,NB1  2AD,NB1 2AD,202401,,N09000001,,0,432699,334965,52.905000,-1.545000
NB1 2AE,NB1  2AE,NB1 2AE,202401,,N09000001,,0,,,99.999999,0.000000
NB1 2AF,NB1  2AF,NB1 2AF,201001,201512,N09000001,,0,432699,334965,52.905000,-1.545000
NOTAPC,NOTAPC,NOTAPC,202401,,N09000001,,0,432699,334965,52.905000,-1.545000
NB1 2AG,NB1  2AG,NB1 2AG,202401,,N09000001,,0,432699,334965,north,-1.545000
"""


def open_names_row(ident, name, local_type, easting, northing, district="NB1"):
    row = [""] * 34
    row[0], row[1], row[2] = ident, f"https://example.org/id/{ident}", name
    row[6] = {"Postcode": "other", "Named Road": "transportNetwork"}.get(local_type, "other")
    row[7], row[8], row[9] = local_type, str(easting), str(northing)
    row[16], row[18] = district, "Northbrook"
    return ",".join(row)


def open_names_sample():
    e, n = (round(v) for v in bng.from_wgs84(52.905, -1.545))
    return "\n".join(
        [
            open_names_row("nb1", "Elm Road", "Named Road", e, n),
            open_names_row("nb2", "Northbrook Library", "Library", e + 100, n),
            open_names_row("nb3", "NB1 2AB", "Postcode", e, n + 100),
            open_names_row("nb4", "Far Away Road", "Named Road", 100, 100),
            "nb5,https://example.org/id/nb5,Short Row",
            open_names_row("nb6", "Bad Grid Road", "Named Road", "x", n),
        ]
    )


LLPG = """UPRN,ADDRESS_LINE_1,ADDRESS_LINE_2,TOWN,POSTCODE,X,Y,LATITUDE,LONGITUDE
100001,12,Elm Road,Northbrook,NB1 2AB,,,52.905,-1.545
100002,Flat 1 Mill House,Mill Road,Northbrook,nb12ad,{e},{n},,
abc,1,Nowhere Street,Northbrook,NB1 2AB,,,52.905,-1.545
100004,,,Northbrook,NB1 2AB,,,52.905,-1.545
100005,5,Elm Road,Northbrook,NB1 2AB,,,,
"""


def llpg_sample():
    e, n = (round(v) for v in bng.from_wgs84(52.906, -1.546))
    return LLPG.format(e=e, n=n)


@pytest.fixture
def wards(db):
    council, west, east = make_council()
    west.code = "W1"
    west.save()
    return west, east


def test_ons_postcode_directory_layout_loads_with_bad_rows_reported_by_line(wards):
    result = load(io.StringIO(ONSPD))
    assert result.format == "onspd"
    assert (result.rows, result.loaded, result.created, result.terminated) == (6, 2, 2, 1)
    assert [line for line, _ in result.problems] == [4, 6, 7]
    assert "no grid reference" in result.problems[0][1] and "not a postcode" in result.problems[1][1]
    assert "not a number" in result.problems[2][1]
    first = Address.objects.get(ref="postcode:NB12AB")
    assert (first.kind, first.name, first.key, first.ward) == ("postcode", "NB1 2AB", "nb12ab", wards[0])
    by_boundary = Address.objects.get(ref="postcode:NB12AD")
    assert by_boundary.ward == wards[0]  # no ward code in the file: found by the ward boundaries


def test_open_names_layout_converts_grid_references_and_kinds(wards):
    result = load(io.StringIO(open_names_sample()))
    assert result.format == "opennames"
    assert result.loaded == 4 and result.skipped == 2
    assert {line for line, _ in result.problems} == {5, 6}
    street = Address.objects.get(name="Elm Road")
    assert (street.kind, street.context, street.ward) == ("street", "Northbrook, NB1", wards[0])
    assert abs(street.latitude - 52.905) < 0.0001 and abs(street.longitude + 1.545) < 0.0001
    assert Address.objects.get(name="Northbrook Library").kind == "landmark"
    assert Address.objects.get(ref="postcode:NB12AB").kind == "postcode"
    assert Address.objects.get(name="Far Away Road").ward is None


def test_llpg_layout_joins_house_numbers_and_takes_either_coordinates(wards):
    result = load(io.StringIO(llpg_sample()))
    assert result.format == "llpg"
    assert result.loaded == 2
    assert [line for line, _ in result.problems] == [4, 5, 6]
    house = Address.objects.get(ref="uprn:100001")
    assert (house.name, house.context, house.key, house.tail, house.postcode) == (
        "12 Elm Road",
        "Northbrook, NB1 2AB",
        "12 elm road",
        " elm road",
        "NB1 2AB",
    )
    flat = Address.objects.get(ref="uprn:100002")
    assert flat.name == "Flat 1 Mill House" and flat.postcode == "NB1 2AD"
    assert abs(flat.latitude - 52.906) < 0.0001 and flat.ward == wards[0]


def test_loading_again_updates_instead_of_duplicating(wards):
    load(io.StringIO(ONSPD))
    moved = ONSPD.replace("52.911124,-1.515208", "52.912000,-1.516000")
    result = load(io.StringIO(moved), "onspd", batch_size=1)
    assert result.created == 0 and result.loaded == 2
    assert Address.objects.count() == 2
    assert Address.objects.get(ref="postcode:NB12AB").latitude == 52.912


def test_the_same_postcode_from_two_layouts_is_one_place(wards):
    load(io.StringIO(open_names_sample()))
    load(io.StringIO(ONSPD))
    assert Address.objects.filter(kind="postcode", key="nb12ab").count() == 1


def test_places_outside_the_council_can_be_left_out(wards):
    result = load(io.StringIO(open_names_sample()), inside_only=True)
    assert result.outside == 1 and not Address.objects.filter(name="Far Away Road").exists()


def test_a_file_in_no_known_layout_is_refused(db):
    with pytest.raises(FormatError):
        load(io.StringIO("name,colour\nElm,green\n"))
    with pytest.raises(FormatError):
        load(io.StringIO("name,colour\nElm,green\n"), "onspd")
    with pytest.raises(FormatError):
        load(io.StringIO(""))
    with pytest.raises(FormatError):
        load(io.StringIO(ONSPD), "shapefile")


def test_the_command_shows_progress_lines_and_a_summary(wards, tmp_path):
    path = tmp_path / "postcodes.csv"
    path.write_text("\ufeff" + ONSPD, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("load_addresses", str(path), "--batch-size", "1", stdout=out, stderr=err)
    assert "rows read" in out.getvalue()
    assert "6 rows, 2 places loaded (2 new, 0 updated), 3 bad rows skipped" in out.getvalue()
    assert "1 terminated postcodes left out" in out.getvalue()
    assert f"{path}, line 4: NB1 2AE has no grid reference" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("load_addresses", str(tmp_path / "missing.csv"), stdout=out)


def test_only_the_first_bad_rows_are_listed(db):
    rows = "".join(f"NOPE{i},x,x,,,,,,,,52.9,-1.5\n" for i in range(address_loader.MAX_REPORTED + 5))
    result = load(io.StringIO(ONSPD.splitlines(keepends=True)[0] + rows))
    assert result.skipped == address_loader.MAX_REPORTED + 5
    assert len(result.problems) == address_loader.MAX_REPORTED


def test_a_database_failure_part_way_leaves_nothing_half_loaded(wards, monkeypatch):
    """Batches are written as the file is read (on PostgreSQL by a writer thread): one failing undoes all."""
    real = {"copy": address_loader._copy_and_upsert, "bulk": address_loader._bulk_create}
    written = []

    def second_fails(name):
        def save(*args):
            if written:
                raise DatabaseError("disk full")
            written.append(args[-1])
            real[name](*args)

        return save

    monkeypatch.setattr(address_loader, "_copy_and_upsert", second_fails("copy"))
    monkeypatch.setattr(address_loader, "_bulk_create", second_fails("bulk"))
    with pytest.raises(DatabaseError, match="disk full"):
        load(io.StringIO(ONSPD), batch_size=1)
    assert len(written) == 1 and not Address.objects.exists()


def test_a_big_file_goes_in_batches_with_progress_and_keeps_the_last_of_a_repeated_ref(wards):
    header, first = ONSPD.splitlines()[:2]
    rows = [first.replace("NB1 2AB", f"NB{i % 9 + 1} {i % 10}AB") for i in range(90)]
    rows.append(first.replace("52.911124", "52.911999"))  # NB1 2AB again, moved: the last one wins
    seen = []
    result = load(
        io.StringIO("\n".join([header, *rows])), batch_size=7, progress=lambda r: seen.append(r.loaded)
    )
    assert result.loaded == 91 and result.created == 90 == Address.objects.count()
    assert seen[:3] == [7, 14, 21] and seen[-1] == 91
    assert Address.objects.get(ref="postcode:NB12AB").latitude == 52.911999
