"""Fictional Northbrook postcodes, streets and landmarks, written in the open data layouts councils load.

`python -m mapping.demo.addresses` rewrites the two files from this module's own word lists and the
demo gazetteer (no outside data): an ONS Postcode Directory-layout CSV and an OS Open Names-layout
CSV (grid references in British National Grid metres). Every point is inside its demo ward."""

import csv
import io
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSTCODES_FILE = HERE / "northbrook-postcodes.csv"
OPEN_NAMES_FILE = HERE / "northbrook-open-names.csv"
COUNCIL_CODE = "N09000001"
# (ward slug, ward code, postcode district, west, south, east, north): the demo's ward boxes.
WARDS = [
    ("brookside", "N05000002", "NB1", -1.530, 52.900, -1.500, 52.920),
    ("abbey", "N05000001", "NB2", -1.560, 52.900, -1.530, 52.920),
    ("castle-hill", "N05000003", "NB3", -1.500, 52.900, -1.470, 52.920),
    ("dale-end", "N05000004", "NB4", -1.560, 52.880, -1.530, 52.900),
    ("east-marsh", "N05000005", "NB5", -1.530, 52.880, -1.500, 52.900),
    ("fairfield", "N05000006", "NB6", -1.500, 52.880, -1.470, 52.900),
]
MARGIN = 0.0015  # degrees kept clear of ward edges (about 100 m)
STREETS_PER_WARD = 12
POSTCODES_PER_STREET = 3
STEMS = [
    "Elm", "Oak", "Ash", "Willow", "Beech", "Hazel", "Rowan", "Chestnut", "Maple", "Holly", "Birch",
    "Cedar", "Laurel", "Poplar", "Alder", "Juniper", "Meadow", "Orchard", "Spring", "Well", "Kiln",
    "Forge", "Tanner", "Weaver", "Cooper", "Miller", "Bridge", "Ford", "Green", "Field", "Park",
    "School", "Chapel", "Priory", "Wharf", "Quarry", "Windmill", "Vicarage", "Manor", "Grange",
    "Paddock", "Lime", "Sycamore", "Hawthorn", "Primrose", "Bluebell", "Heather", "Clover",
    "Foxglove", "Larch", "Linden", "Mulberry", "Osier", "Pine", "Reed", "Sorrel", "Teasel",
    "Thistle", "Yew", "Acorn", "Brambles", "Coppice", "Dingle", "Fern", "Gorse", "Holm", "Ivy",
    "Kestrel", "Lark", "Martin", "Nightingale", "Otter", "Plover", "Robin", "Swallow", "Wren",
]  # fmt: skip
SUFFIXES = ["Road", "Street", "Lane", "Close", "Avenue", "Way", "Crescent", "Drive", "Grove", "Gardens"]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters postcodes' last two characters use
LANDMARK_TYPES = {
    "Station": "Railway Station",
    "Bus Station": "Bus Station",
    "School": "Primary Education",
    "Hospital": "Hospital",
    "Leisure": "Sports And Leisure Centre",
    "Library": "Library",
    "Church": "Place Of Worship",
}
ONSPD_HEADER = [
    "pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "ced", "oslaua", "osward", "parish", "usertype",
    "oseast1m", "osnrth1m", "osgrdind", "ctry", "rgn", "lat", "long",
]  # fmt: skip
OPEN_NAMES_COLUMNS = 34


def _ward_of(lat: float, lon: float):
    return next(w for w in WARDS if w[3] <= lon < w[5] and w[4] <= lat < w[6])


def _inside(ward, lat: float, lon: float) -> tuple[float, float]:
    _slug, _code, _district, west, south, east, north = ward
    return (
        min(max(lat, south + MARGIN), north - MARGIN),
        min(max(lon, west + MARGIN), east - MARGIN),
    )


def streets_and_landmarks(rng: random.Random):
    """(name, kind, lat, lon, ward) for the gazetteer's places and generated streets in each ward."""
    from mapping.demo import GAZETTEER

    places = [(name, kind, lat, lon, _ward_of(lat, lon)) for name, kind, lat, lon in GAZETTEER]
    used = {name for name, *_ in places}
    stems = iter(STEMS)
    for ward in WARDS:
        made = 0
        while made < STREETS_PER_WARD:
            name = (
                "Elm Road"
                if ward[0] == "brookside" and made == 0
                else f"{next(stems)} {rng.choice(SUFFIXES)}"
            )
            if name in used:
                continue
            used.add(name)
            lat = rng.uniform(ward[4] + MARGIN, ward[6] - MARGIN)
            lon = rng.uniform(ward[3] + MARGIN, ward[5] - MARGIN)
            places.append((name, "street", round(lat, 5), round(lon, 5), ward))
            made += 1
    return places


def postcodes(rng: random.Random, places):
    """(postcode, lat, lon, ward) near each street; NB1 2AB is on the High Street."""
    units: dict[str, int] = {}
    made = []
    for name, kind, lat, lon, ward in places:
        if kind != "street":
            continue
        for _ in range(POSTCODES_PER_STREET):
            district = ward[2]
            n = units.get(district, 0)
            units[district] = n + 1
            sector, first, second = 2 + n // 400, UNIT_LETTERS[(n // 20) % 20], UNIT_LETTERS[n % 20]
            point = _inside(ward, lat + rng.uniform(-0.0012, 0.0012), lon + rng.uniform(-0.002, 0.002))
            made.append(
                (f"{district} {sector}{first}{second}", round(point[0], 6), round(point[1], 6), ward, name)
            )
    return made


def onspd_text(codes) -> str:
    from civic import bng

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ONSPD_HEADER)
    for code, lat, lon, ward, _street in codes:
        compact = code.replace(" ", "")
        easting, northing = bng.from_wgs84(lat, lon)
        pcd = f"{compact[:-3]:<4}{compact[-3:]}"
        writer.writerow(
            [pcd, f"{compact[:-3]:<5}{compact[-3:]}", code, "202401", "", "", "", COUNCIL_CODE, ward[1], "",
             "0", round(easting), round(northing), "1", "N92000001", "", f"{lat:.6f}", f"{lon:.6f}"]
        )  # fmt: skip
    return out.getvalue()


def _open_names_row(ident: int, name: str, kind: str, lat: float, lon: float, district: str) -> list[str]:
    from civic import bng

    easting, northing = (round(v) for v in bng.from_wgs84(lat, lon))
    if kind == "postcode":
        main, local = "other", "Postcode"
    elif kind == "street":
        main, local = "transportNetwork", "Named Road"
    else:
        main = "other"
        local = next((t for word, t in LANDMARK_TYPES.items() if word in name), "Named Place")
    row = [""] * OPEN_NAMES_COLUMNS
    row[0] = f"nbdemo{ident:06d}"
    row[1] = f"https://northbrook.example/id/{ident}"
    row[2], row[6], row[7] = name, main, local
    row[8], row[9] = str(easting), str(northing)
    row[10], row[11] = "1000", "25000"
    row[12], row[13], row[14], row[15] = (
        str(v) for v in (easting - 50, northing - 50, easting + 50, northing + 50)
    )
    row[16] = district
    row[18] = row[21] = "Northbrook"
    return row


def open_names_text(places, codes) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    ident = 1
    for name, kind, lat, lon, ward in places:
        writer.writerow(_open_names_row(ident, name, kind, lat, lon, ward[2]))
        ident += 1
    for code, lat, lon, ward, _street in codes[::3]:  # Open Names lists postcodes too (one in three here)
        writer.writerow(_open_names_row(ident, code, "postcode", lat, lon, ward[2]))
        ident += 1
    return out.getvalue()


def generate() -> tuple[str, str]:
    """(ONS Postcode Directory CSV, OS Open Names CSV), the same every time."""
    rng = random.Random(21)
    places = streets_and_landmarks(rng)
    codes = postcodes(rng, places)
    return onspd_text(codes), open_names_text(places, codes)


def load(stdout) -> None:
    """Load both files (idempotent: each row updates its earlier self)."""
    from civic import address_loader

    loaded = []
    for path in (OPEN_NAMES_FILE, POSTCODES_FILE):
        result = address_loader.load_path(str(path))
        loaded.append(result.loaded)
    stdout.write(
        f"  addresses: {loaded[1]} postcodes, {loaded[0]} streets, places and postcodes (Open Names)"
    )


if __name__ == "__main__":
    onspd, open_names = generate()
    POSTCODES_FILE.write_text(onspd, encoding="utf-8")
    OPEN_NAMES_FILE.write_text(open_names, encoding="utf-8")
