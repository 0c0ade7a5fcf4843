"""Reading open address and postcode files into civic.addresses.Address, in batches, idempotently.

Three layouts (README, "Finding places by postcode or address"):
- onspd: the ONS Postcode Directory CSV (header row; pcds, lat, long, osward, doterm ...);
- opennames: OS Open Names CSV (no header; ID, NAMES_URI, NAME1, ... GEOMETRY_X, GEOMETRY_Y in
  British National Grid metres, converted here to WGS84);
- llpg: a council's LLPG or AddressBase-like extract (header row; UPRN, address lines, postcode,
  and either LATITUDE/LONGITUDE or X/Y grid metres).
A row we cannot use is reported with its line number and skipped; every row has a stable ref, so
loading a file again updates what is there instead of adding duplicates."""

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction

from . import address_keys as keys
from . import bng
from .addresses import Address, search_keys
from .models import Area

FORMATS = ("onspd", "opennames", "llpg")
BATCH_SIZE = 5000
MAX_REPORTED = 100
OPEN_NAMES_COLUMNS = 34
# OS Open Names, in its documented column order.
ON_ID, ON_NAME1, ON_TYPE, ON_LOCAL_TYPE, ON_X, ON_Y = 0, 2, 6, 7, 8, 9
ON_POSTCODE_DISTRICT, ON_POPULATED_PLACE, ON_DISTRICT_BOROUGH = 16, 18, 21
ROAD_TYPES = {"named road", "section of named road", "numbered road", "section of numbered road"}
NO_GRID_LATITUDE = "99.999999"  # the ONS Postcode Directory's "no grid reference"
HOUSE_NUMBER = re.compile(r"^\d+[a-z]?(-\d+[a-z]?)?$", re.IGNORECASE)
UPRN = re.compile(r"^\d{1,12}$")


class RowError(ValueError):
    """This row cannot be used; the message says why, for the person loading the file."""


class FormatError(ValueError):
    """The file is not in a layout we can read."""


@dataclass
class LoadResult:
    format: str = ""
    rows: int = 0
    loaded: int = 0
    created: int = 0
    skipped: int = 0
    terminated: int = 0
    outside: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)

    def problem(self, line: int, message: str) -> None:
        self.skipped += 1
        if len(self.problems) < MAX_REPORTED:
            self.problems.append((line, message))


@dataclass(frozen=True)
class Row:
    ref: str
    kind: str
    name: str
    latitude: float
    longitude: float
    context: str = ""
    postcode: str = ""
    ward_code: str = ""


class _Skip(Exception):
    """A row that is fine but not wanted (a terminated postcode)."""


def _coordinate(value: str, what: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RowError(f"{what} {value[:30]!r} is not a number") from None
    if number != number or not low <= number <= high:
        raise RowError(f"{what} {value[:30]!r} is out of range")
    return number


def _grid(x: str, y: str) -> tuple[float, float]:
    easting = _coordinate(x, "easting", 0, bng.MAX_EASTING)
    northing = _coordinate(y, "northing", 0, bng.MAX_NORTHING)
    return bng.to_wgs84(easting, northing)


def _postcode(value: str) -> str:
    if not keys.is_postcode(value):
        raise RowError(f"postcode {value[:30]!r} is not a postcode")
    return keys.format_postcode(value)


def _header(row: list[str]) -> dict[str, int]:
    return {name.strip().lower(): i for i, name in enumerate(row)}


def _cell(row: list[str], columns: dict[str, int], *names: str) -> str:
    for name in names:
        i = columns.get(name)
        if i is not None and i < len(row) and row[i].strip():
            return row[i].strip()
    return ""


def onspd_row(row: list[str], columns: dict[str, int]) -> Row:
    postcode = _postcode(_cell(row, columns, "pcds", "pcd2", "pcd"))
    if _cell(row, columns, "doterm"):
        raise _Skip
    raw_latitude = _cell(row, columns, "lat")
    if raw_latitude == NO_GRID_LATITUDE:
        raise RowError(f"{postcode} has no grid reference")
    latitude = _coordinate(raw_latitude, "lat", -90, 90)
    longitude = _coordinate(_cell(row, columns, "long"), "long", -180, 180)
    ward_columns = ["osward"] + sorted((c for c in columns if re.fullmatch(r"wd\d\dcd", c)), reverse=True)
    return Row(
        ref=f"postcode:{keys.compact_postcode(postcode).upper()}",
        kind=Address.Kind.POSTCODE,
        name=postcode,
        latitude=latitude,
        longitude=longitude,
        postcode=postcode,
        ward_code=_cell(row, columns, *ward_columns),
    )


def opennames_row(row: list[str], _columns: dict[str, int]) -> Row:
    if len(row) < ON_Y + 1:
        raise RowError(f"{len(row)} columns, expected {OPEN_NAMES_COLUMNS}")
    ident, name = row[ON_ID].strip(), row[ON_NAME1].strip()
    if not ident or not name:
        raise RowError("no ID or NAME1")
    local_type = row[ON_LOCAL_TYPE].strip().lower()
    latitude, longitude = _grid(row[ON_X].strip(), row[ON_Y].strip())
    extra = row + [""] * (OPEN_NAMES_COLUMNS - len(row))
    town = extra[ON_POPULATED_PLACE].strip() or extra[ON_DISTRICT_BOROUGH].strip()
    if local_type == "postcode":
        postcode = _postcode(name)
        return Row(
            ref=f"postcode:{keys.compact_postcode(postcode).upper()}",
            kind=Address.Kind.POSTCODE,
            name=postcode,
            latitude=latitude,
            longitude=longitude,
            postcode=postcode,
        )
    kind = Address.Kind.STREET if local_type in ROAD_TYPES else Address.Kind.LANDMARK
    district = extra[ON_POSTCODE_DISTRICT].strip() if kind == Address.Kind.STREET else ""
    return Row(
        ref=f"opennames:{ident[:60]}",
        kind=kind,
        name=name[:200],
        latitude=latitude,
        longitude=longitude,
        context=", ".join(part for part in (town, district) if part)[:200],
    )


def llpg_row(row: list[str], columns: dict[str, int]) -> Row:
    uprn = _cell(row, columns, "uprn")
    if not UPRN.match(uprn):
        raise RowError(f"UPRN {uprn[:30]!r} is not a number of up to 12 digits")
    lines = [
        _cell(row, columns, f"address_line_{n}", f"address_line{n}", f"address{n}", f"line{n}")
        for n in (1, 2, 3)
    ]
    lines = [line for line in lines if line]
    if not lines:
        raise RowError("no address lines")
    if HOUSE_NUMBER.match(lines[0]) and len(lines) > 1:
        lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
    raw_postcode = _cell(row, columns, "postcode", "postcode_locator")
    postcode = _postcode(raw_postcode) if raw_postcode else ""
    lat, lon = _cell(row, columns, "latitude", "lat"), _cell(row, columns, "longitude", "long", "lon")
    if lat or lon:
        latitude = _coordinate(lat, "latitude", -90, 90)
        longitude = _coordinate(lon, "longitude", -180, 180)
    else:
        x = _cell(row, columns, "x", "x_coordinate", "easting")
        y = _cell(row, columns, "y", "y_coordinate", "northing")
        if not x or not y:
            raise RowError("no coordinates (LATITUDE/LONGITUDE or X/Y)")
        latitude, longitude = _grid(x, y)
    context = [*lines[1:], _cell(row, columns, "town", "post_town", "town_name"), postcode]
    return Row(
        ref=f"uprn:{int(uprn)}",
        kind=Address.Kind.ADDRESS,
        name=lines[0][:200],
        latitude=latitude,
        longitude=longitude,
        context=", ".join(part for part in context if part)[:200],
        postcode=postcode,
    )


PARSERS: dict[str, Callable[[list[str], dict[str, int]], Row]] = {
    "onspd": onspd_row,
    "opennames": opennames_row,
    "llpg": llpg_row,
}


def detect_format(first_row: list[str]) -> str:
    """Which layout a file is in, from its first row."""
    names = {cell.strip().lower() for cell in first_row}
    if "pcds" in names or {"pcd", "lat", "long"} <= names:
        return "onspd"
    if "uprn" in names:
        return "llpg"
    if len(first_row) >= ON_Y + 1 and (
        first_row[1].startswith("http")
        or first_row[ON_LOCAL_TYPE].strip().lower() in ROAD_TYPES | {"postcode"}
    ):
        return "opennames"
    raise FormatError(
        f"Cannot tell the file's layout from its first row: choose one with --format ({', '.join(FORMATS)})."
    )


class _Wards:
    """Which ward a point is in: by the ward code the file gives, else by the ward boundaries."""

    def __init__(self) -> None:
        areas = list(Area.objects.filter(kind__in=[Area.Kind.COUNCIL, Area.Kind.WARD]))
        self.wards = [a for a in areas if a.kind == Area.Kind.WARD and a.min_lat is not None]
        self.councils = [a for a in areas if a.kind == Area.Kind.COUNCIL and a.min_lat is not None]
        self.by_code = {a.code: a.pk for a in self.wards if a.code}

    def ward_for(self, row: Row) -> int | None:
        if row.ward_code in self.by_code:
            return self.by_code[row.ward_code]
        return next(
            (w.pk for w in self.wards if _in_box(w, row) and w.contains(row.latitude, row.longitude)), None
        )

    def inside(self, row: Row) -> bool:
        areas = self.councils or self.wards
        return any(_in_box(a, row) and a.contains(row.latitude, row.longitude) for a in areas)


def _in_box(area: Area, row: Row) -> bool:
    return bool(
        area.min_lat is not None
        and area.max_lat is not None
        and area.min_lon is not None
        and area.max_lon is not None
        and area.min_lat <= row.latitude <= area.max_lat
        and area.min_lon <= row.longitude <= area.max_lon
    )


def _rows(handle: IO[str], fmt: str | None, result: LoadResult) -> Iterator[tuple[int, Row]]:
    reader = csv.reader(handle)
    first = next(reader, None)
    if first is None:
        raise FormatError("The file is empty.")
    result.format = fmt or detect_format(first)
    parse = PARSERS[result.format]
    columns: dict[str, int] = {}
    pending: list[list[str]] = []
    if result.format == "opennames":
        if first and first[0].strip().upper() != "ID":
            pending.append(first)  # no header: the first row is data
    else:
        columns = _header(first)
        wanted = {"onspd": ("pcds", "pcd2", "pcd"), "llpg": ("uprn",)}[result.format]
        if not any(name in columns for name in wanted):
            raise FormatError(
                f"The header has no {' or '.join(wanted)} column for the {result.format} layout."
            )

    def numbered() -> Iterator[tuple[int, list[str]]]:
        for row in pending:
            yield 1, row
        for row in reader:
            yield reader.line_num, row

    for line, row in numbered():
        if not any(cell.strip() for cell in row):
            continue
        result.rows += 1
        try:
            yield line, parse([cell.replace("\x00", "") for cell in row], columns)
        except _Skip:
            result.terminated += 1
        except (RowError, bng.GridError) as exc:
            result.problem(line, str(exc))


def _save(batch: dict[str, Address]) -> None:
    Address.objects.bulk_create(
        list(batch.values()),
        update_conflicts=True,
        unique_fields=["ref"],
        update_fields=[
            "kind",
            "name",
            "context",
            "postcode",
            "key",
            "skeleton",
            "latitude",
            "longitude",
            "ward",
        ],
    )


def load(
    handle: IO[str],
    fmt: str | None = None,
    *,
    inside_only: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[LoadResult], None] | None = None,
) -> LoadResult:
    """Load one file's rows (all or nothing if the database fails); bad rows are counted, not fatal."""
    if fmt is not None and fmt not in FORMATS:
        raise FormatError(f"Unknown layout {fmt!r}: choose one of {', '.join(FORMATS)}.")
    result = LoadResult(format=fmt or "")
    wards = _Wards()
    before = Address.objects.count()
    batch: dict[str, Address] = {}
    with transaction.atomic():
        for _line, row in _rows(handle, fmt, result):
            if inside_only and not wards.inside(row):
                result.outside += 1
                continue
            key, skeleton = search_keys(row.kind, row.name)
            if not key:
                result.problem(_line, f"name {row.name[:30]!r} has no letters or digits")
                continue
            batch[row.ref] = Address(
                ref=row.ref,
                kind=row.kind,
                name=row.name,
                context=row.context,
                postcode=row.postcode,
                key=key,
                skeleton=skeleton,
                latitude=round(row.latitude, 6),
                longitude=round(row.longitude, 6),
                ward_id=wards.ward_for(row),
            )
            if len(batch) >= batch_size:
                _save(batch)
                result.loaded += len(batch)
                batch = {}
                if progress is not None:
                    progress(result)
        if batch:
            _save(batch)
            result.loaded += len(batch)
    result.created = Address.objects.count() - before
    if progress is not None:
        progress(result)
    return result


def load_path(path: str, fmt: str | None = None, **options: Any) -> LoadResult:
    """Load a file by name (UTF-8, with or without a byte order mark)."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        return load(handle, fmt, **options)


def text(data: str) -> io.StringIO:
    """A file-like object for loading from a string (tests, the demo)."""
    return io.StringIO(data, newline="")
