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
import functools
import io
import itertools
import math
import queue
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

from django.db import connection, transaction

from . import address_keys as keys
from . import bng, geo
from .addresses import Address, search_keys
from .models import Area

FORMATS = ("onspd", "opennames", "llpg")
BATCH_SIZE = 10_000
QUEUED = 2  # batches parsed ahead of the database
LINES_BLOCK = 1 << 20  # characters read at a time
MAX_REPORTED = 100
OPEN_NAMES_COLUMNS = 34
# OS Open Names, in its documented column order.
ON_ID, ON_NAME1, ON_TYPE, ON_LOCAL_TYPE, ON_X, ON_Y = 0, 2, 6, 7, 8, 9
ON_POSTCODE_DISTRICT, ON_POPULATED_PLACE, ON_DISTRICT_BOROUGH = 16, 18, 21
ROAD_TYPES = {"named road", "section of named road", "numbered road", "section of numbered road"}
NO_GRID_LATITUDE = "99.999999"  # the ONS Postcode Directory's "no grid reference"
HOUSE_NUMBER = re.compile(r"^\d+[a-z]?(-\d+[a-z]?)?$", re.IGNORECASE)
UPRN = re.compile(r"^\d{1,12}$")
WARD_CODE = " ward code"  # a key no header can have (headers are stripped)


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


class Row(NamedTuple):
    """One usable row of a file (a tuple: half a million of them are made in a load)."""

    ref: str
    kind: str
    name: str
    latitude: float
    longitude: float
    context: str = ""
    postcode: str = ""
    ward_code: str = ""


ADDRESS = Address.Kind.ADDRESS.value  # a plain string: cheaper to make and to send, half a million times


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


# A file names the same postcodes again and again (an LLPG extract has one per address): parse each once.
_parse_postcode = functools.lru_cache(maxsize=1 << 16)(keys.parse_postcode)


def _postcode(value: str) -> str:
    parsed = _parse_postcode(value)
    if parsed is None:
        raise RowError(f"postcode {value[:30]!r} is not a postcode")
    return parsed[1]


Columns = dict[str, int]  # a header's column numbers by lower-case name
Cell = Callable[[list[str]], str]
Parser = Callable[[list[str]], Row]


def _header(row: list[str]) -> Columns:
    columns = {name.strip().lower(): i for i, name in enumerate(row)}
    ward_columns = ["osward"] + sorted((c for c in columns if re.fullmatch(r"wd\d\dcd", c)), reverse=True)
    ward = next((columns[name] for name in ward_columns if name in columns), None)
    if ward is not None:
        columns[WARD_CODE] = ward  # the directory's ward code column, whichever year it is named for
    return columns


def _cell(columns: Columns, *names: str) -> Cell:
    """Reads the first of these columns that has a value in a row ("" if none); chosen once per file."""
    found = [columns[name] for name in names if name in columns]
    if len(found) == 1:
        (i,) = found
        return lambda row: row[i].strip() if i < len(row) else ""

    def first(row: list[str]) -> str:
        for i in found:
            if i < len(row):
                value = row[i].strip()
                if value:
                    return value
        return ""

    return first


def onspd_parser(columns: Columns) -> Parser:
    code, terminated = _cell(columns, "pcds", "pcd2", "pcd"), _cell(columns, "doterm")
    lat, long, ward = _cell(columns, "lat"), _cell(columns, "long"), _cell(columns, WARD_CODE)

    def parse(row: list[str]) -> Row:
        postcode = _postcode(code(row))
        if terminated(row):
            raise _Skip
        raw_latitude = lat(row)
        if raw_latitude == NO_GRID_LATITUDE:
            raise RowError(f"{postcode} has no grid reference")
        return Row(
            ref=f"postcode:{postcode.replace(' ', '')}",
            kind=Address.Kind.POSTCODE,
            name=postcode,
            latitude=_coordinate(raw_latitude, "lat", -90, 90),
            longitude=_coordinate(long(row), "long", -180, 180),
            postcode=postcode,
            ward_code=ward(row),
        )

    return parse


def opennames_row(row: list[str]) -> Row:
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
            ref=f"postcode:{postcode.replace(' ', '')}",
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


def opennames_parser(_columns: Columns) -> Parser:
    return opennames_row


def llpg_parser(columns: Columns) -> Parser:
    uprn_cell, town = _cell(columns, "uprn"), _cell(columns, "town", "post_town", "town_name")
    line_cells = [
        _cell(columns, f"address_line_{n}", f"address_line{n}", f"address{n}", f"line{n}") for n in (1, 2, 3)
    ]
    line1, line2, line3 = line_cells
    postcode_cell = _cell(columns, "postcode", "postcode_locator")
    lat, lon = _cell(columns, "latitude", "lat"), _cell(columns, "longitude", "long", "lon")
    x, y = _cell(columns, "x", "x_coordinate", "easting"), _cell(columns, "y", "y_coordinate", "northing")

    def parse(row: list[str]) -> Row:
        uprn = uprn_cell(row)
        if not UPRN.match(uprn):
            raise RowError(f"UPRN {uprn[:30]!r} is not a number of up to 12 digits")
        lines = [line for line in (line1(row), line2(row), line3(row)) if line]
        if not lines:
            raise RowError("no address lines")
        if len(lines) > 1 and HOUSE_NUMBER.match(lines[0]):
            lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
        raw_postcode = postcode_cell(row)
        postcode = _postcode(raw_postcode) if raw_postcode else ""
        raw_lat, raw_lon = lat(row), lon(row)
        if raw_lat or raw_lon:
            latitude = _coordinate(raw_lat, "latitude", -90, 90)
            longitude = _coordinate(raw_lon, "longitude", -180, 180)
        else:
            raw_x, raw_y = x(row), y(row)
            if not raw_x or not raw_y:
                raise RowError("no coordinates (LATITUDE/LONGITUDE or X/Y)")
            latitude, longitude = _grid(raw_x, raw_y)
        context = ", ".join(filter(None, [*lines[1:], town(row), postcode]))[:200]
        return Row(f"uprn:{int(uprn)}", ADDRESS, lines[0][:200], latitude, longitude, context, postcode)

    return parse


PARSERS: dict[str, Callable[[Columns], Parser]] = {
    "onspd": onspd_parser,
    "opennames": opennames_parser,
    "llpg": llpg_parser,
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


CELLS_PER_DEGREE = 1000  # ward answers are cached per cell of 0.001 degrees (about 110 m by 70 m)
MIXED = -1


class _Wards:
    """Which ward a point is in: by the ward code the file gives, else by the ward boundaries.

    A cell with no boundary vertex in it and all four corners in one ward lies wholly in that ward
    (a boundary crossing it would separate two corners), so most points cost one dictionary look-up."""

    def __init__(self) -> None:
        areas = list(Area.objects.filter(kind__in=[Area.Kind.COUNCIL, Area.Kind.WARD]))
        self.wards = [a for a in areas if a.kind == Area.Kind.WARD and a.min_lat is not None]
        self.councils = [a for a in areas if a.kind == Area.Kind.COUNCIL and a.min_lat is not None]
        self.by_code = {a.code: a.pk for a in self.wards if a.code}
        self.vertex_cells = {
            self._cell(point[1], point[0])
            for ward in self.wards
            for polygon in geo.polygons(ward.geometry)
            for ring in polygon
            for point in ring
        }
        self.cells: dict[tuple[int, int], int | None] = {}

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat * CELLS_PER_DEGREE), math.floor(lon * CELLS_PER_DEGREE)

    def _exact(self, lat: float, lon: float) -> int | None:
        return next((w.pk for w in self.wards if _in_box(w, lat, lon) and w.contains(lat, lon)), None)

    def _whole_cell(self, cell: tuple[int, int]) -> int | None:
        if cell in self.vertex_cells:
            return MIXED
        south, west = cell[0] / CELLS_PER_DEGREE, cell[1] / CELLS_PER_DEGREE
        size = 1 / CELLS_PER_DEGREE
        corners = {self._exact(south + dy, west + dx) for dy in (0, size) for dx in (0, size)}
        return corners.pop() if len(corners) == 1 else MIXED

    def ward_for(self, row: Row) -> int | None:
        if row.ward_code in self.by_code:
            return self.by_code[row.ward_code]
        cell = self._cell(row.latitude, row.longitude)
        if cell not in self.cells:
            self.cells[cell] = self._whole_cell(cell)
        known = self.cells[cell]
        return self._exact(row.latitude, row.longitude) if known == MIXED else known

    def inside(self, row: Row) -> bool:
        areas = self.councils or self.wards
        return any(
            _in_box(a, row.latitude, row.longitude) and a.contains(row.latitude, row.longitude) for a in areas
        )


def _in_box(area: Area, lat: float, lon: float) -> bool:
    return bool(
        area.min_lat is not None
        and area.max_lat is not None
        and area.min_lon is not None
        and area.max_lon is not None
        and area.min_lat <= lat <= area.max_lat
        and area.min_lon <= lon <= area.max_lon
    )


def _lines(handle: IO[str]) -> Iterator[list[str]]:
    """The file in blocks of lines, without NUL characters (PostgreSQL text cannot hold them)."""
    while lines := handle.readlines(LINES_BLOCK):
        if any("\x00" in line for line in lines):
            lines = [line.replace("\x00", "") for line in lines]
        yield lines


def _rows(handle: IO[str], fmt: str | None, result: LoadResult) -> Iterator[tuple[int, Row]]:
    reader = csv.reader(itertools.chain.from_iterable(_lines(handle)))
    first = next(reader, None)
    if first is None:
        raise FormatError("The file is empty.")
    result.format = fmt or detect_format(first)
    columns: Columns = {}
    rows: Iterator[list[str]] = reader
    if result.format == "opennames":
        if first and first[0].strip().upper() != "ID":
            rows = itertools.chain([first], reader)  # no header: the first row is data
    else:
        columns = _header(first)
        wanted = {"onspd": ("pcds", "pcd2", "pcd"), "llpg": ("uprn",)}[result.format]
        if not any(name in columns for name in wanted):
            raise FormatError(
                f"The header has no {' or '.join(wanted)} column for the {result.format} layout."
            )
    parse = PARSERS[result.format](columns)
    for row in rows:
        if not any(row) or not "".join(row).strip():
            continue
        result.rows += 1
        try:
            yield reader.line_num, parse(row)
        except _Skip:
            result.terminated += 1
        except (RowError, bng.GridError) as exc:
            result.problem(reader.line_num, str(exc))


UPDATED = [
    "kind",
    "name",
    "context",
    "postcode",
    "key",
    "skeleton",
    "tail",
    "latitude",
    "longitude",
    "ward_id",
]
COLUMNS = ["ref", *UPDATED]


Values = tuple[str, str, str, str, str, str, str, str, float, float, int | None]  # in COLUMNS order


def _bulk_create(rows: list[Values]) -> None:
    """Other databases: insert new places and update known ones (by ref), one statement per batch."""
    Address.objects.bulk_create(
        [Address(**dict(zip(COLUMNS, values, strict=True))) for values in rows],
        update_conflicts=True,
        unique_fields=["ref"],
        update_fields=[name.removesuffix("_id") for name in UPDATED],
    )


def _copy_and_upsert(raw: Any, rows: list[Values]) -> None:
    """PostgreSQL: COPY new places straight into the table; known ones (by ref) go through a
    scratch table and one INSERT ... ON CONFLICT, leaving unchanged rows alone (no new row versions),
    so reloading a file is cheap. A place another load adds meanwhile fails the load (run one at a time)."""
    table = Address._meta.db_table
    columns = ", ".join(COLUMNS)
    with raw.cursor() as cursor:
        cursor.execute(f"SELECT ref FROM {table} WHERE ref = ANY(%s)", [[row[0] for row in rows]])  # noqa: S608
        known = {ref for (ref,) in cursor.fetchall()}
        new = [row for row in rows if row[0] not in known] if known else rows
        if new:
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in new:
                    copy.write_row(row)
        if known:
            _upsert(cursor, [row for row in rows if row[0] in known])


def _upsert(cursor: Any, rows: list[Values]) -> None:
    table = Address._meta.db_table
    columns = ", ".join(COLUMNS)
    changes = ", ".join(f"{name} = EXCLUDED.{name}" for name in UPDATED)
    mine = ", ".join(f"{table}.{name}" for name in UPDATED)
    theirs = ", ".join(f"EXCLUDED.{name}" for name in UPDATED)
    cursor.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS civic_address_load ON COMMIT DROP AS "  # noqa: S608 - our columns
        f"SELECT {columns} FROM {table} WITH NO DATA"
    )
    cursor.execute("TRUNCATE civic_address_load")
    with cursor.copy(f"COPY civic_address_load ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute(
        f"INSERT INTO {table} ({columns}) SELECT {columns} FROM civic_address_load "  # noqa: S608 - our columns
        f"ON CONFLICT (ref) DO UPDATE SET {changes} WHERE ({mine}) IS DISTINCT FROM ({theirs})"
    )


class _Writer:
    """Saves batches. On PostgreSQL a thread writes each batch on the transaction's own connection
    while the next one is parsed (the database and Python work at once); elsewhere it saves in place.

    At most QUEUED batches wait, so memory stays bounded; a database error stops the load."""

    def __init__(self) -> None:
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None
        if connection.vendor == "postgresql":
            connection.ensure_connection()
            self.raw = connection.connection
            self.queue: queue.Queue[list[Values] | None] = queue.Queue(maxsize=QUEUED)
            self.thread = threading.Thread(target=self._run, name="load_addresses writer", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        while (rows := self.queue.get()) is not None:
            if self.error is None:  # after an error, only drain the queue so the reader never blocks
                try:
                    _copy_and_upsert(self.raw, rows)
                except BaseException as exc:  # noqa: BLE001 - handed to the main thread, raised there
                    self.error = exc

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def save(self, rows: list[Values]) -> None:
        if self.thread is None:
            _bulk_create(rows)
            return
        self._raise()
        self.queue.put(rows)

    def finish(self) -> None:
        """Wait for every batch to be written (before the transaction ends, whichever way)."""
        if self.thread is not None:
            self.queue.put(None)
            self.thread.join()
            self.thread = None
            self._raise()


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
    ward_for = wards.ward_for
    before = Address.objects.count()
    batch: dict[str, Values] = {}
    with transaction.atomic():
        writer = _Writer()
        try:
            for line, row in _rows(handle, fmt, result):
                if inside_only and not wards.inside(row):
                    result.outside += 1
                    continue
                key, skeleton, tail = search_keys(row.kind, row.name)
                if not key:
                    result.problem(line, f"name {row.name[:30]!r} has no letters or digits")
                    continue
                batch[row.ref] = (
                    row.ref,
                    row.kind,
                    row.name,
                    row.context,
                    row.postcode,
                    key,
                    skeleton,
                    tail,
                    round(row.latitude, 6),
                    round(row.longitude, 6),
                    ward_for(row),
                )
                if len(batch) >= batch_size:
                    writer.save(list(batch.values()))
                    result.loaded += len(batch)
                    batch = {}
                    if progress is not None:
                        progress(result)
            if batch:
                writer.save(list(batch.values()))
                result.loaded += len(batch)
        finally:
            writer.finish()
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
