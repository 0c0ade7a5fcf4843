"""British National Grid eastings and northings to WGS84 latitude and longitude, in plain Python.

The grid is a transverse Mercator projection of the OSGB36 datum (Airy 1830 ellipsoid); we invert
the projection with the Ordnance Survey's formulae ("A guide to coordinate systems in Great Britain",
annex C), then move from OSGB36 to WGS84 with the published 7-parameter Helmert transformation.
The projection is exact to well under a millimetre; the Helmert step is good to about 5 metres
across Great Britain (OSTN15 would be needed for better), which is plenty to find a street."""

import math

AIRY_A, AIRY_B = 6_377_563.396, 6_356_256.909
WGS84_A, WGS84_B = 6_378_137.0, 6_356_752.3141
F0 = 0.9996012717
LAT0, LON0 = math.radians(49), math.radians(-2)
E0, N0 = 400_000.0, -100_000.0
# OSGB36 -> WGS84: translations (m), scale (ppm), rotations (arc seconds).
TX, TY, TZ = 446.448, -125.157, 542.060
SCALE_PPM = -20.4894
RX, RY, RZ = 0.1502, 0.2470, 0.8421
# The grid's extent (with the islands): anything outside is not a British grid reference.
MAX_EASTING, MAX_NORTHING = 800_000, 1_400_000


class GridError(ValueError):
    """The easting or northing is not a number on the British National Grid."""


def _meridional_arc(lat: float) -> float:
    n = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B)
    n2, n3 = n * n, n * n * n
    d, s = lat - LAT0, lat + LAT0
    return (
        AIRY_B
        * F0
        * (
            (1 + n + 1.25 * n2 + 1.25 * n3) * d
            - (3 * n + 3 * n2 + 21 / 8 * n3) * math.sin(d) * math.cos(s)
            + (15 / 8 * n2 + 15 / 8 * n3) * math.sin(2 * d) * math.cos(2 * s)
            - 35 / 24 * n3 * math.sin(3 * d) * math.cos(3 * s)
        )
    )


def grid_to_osgb36(easting: float, northing: float) -> tuple[float, float]:
    """(latitude, longitude) in degrees on OSGB36 for a grid reference in metres."""
    a, b = AIRY_A, AIRY_B
    e2 = 1 - (b * b) / (a * a)
    lat = LAT0
    m = 0.0
    while True:
        lat = (northing - N0 - m) / (a * F0) + lat
        m = _meridional_arc(lat)
        if abs(northing - N0 - m) < 0.00001:
            break
    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * F0 / math.sqrt(1 - e2 * sin_lat**2)
    rho = a * F0 * (1 - e2) / (1 - e2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    t2, t4, t6 = tan_lat**2, tan_lat**4, tan_lat**6
    sec = 1 / cos_lat
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * t2 + 45 * t4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * t2)
    xii = sec / (120 * nu**5) * (5 + 28 * t2 + 24 * t4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * t2 + 1320 * t4 + 720 * t6)
    de = easting - E0
    lat_out = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon_out = LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return math.degrees(lat_out), math.degrees(lon_out)


def _to_cartesian(lat: float, lon: float, a: float, b: float) -> tuple[float, float, float]:
    e2 = 1 - (b * b) / (a * a)
    phi, lam = math.radians(lat), math.radians(lon)
    nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    return (
        nu * math.cos(phi) * math.cos(lam),
        nu * math.cos(phi) * math.sin(lam),
        (1 - e2) * nu * math.sin(phi),
    )


def _from_cartesian(x: float, y: float, z: float, a: float, b: float) -> tuple[float, float]:
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        phi = math.atan2(z + e2 * nu * math.sin(phi), p)
    return math.degrees(phi), math.degrees(math.atan2(y, x))


def osgb36_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    x, y, z = _to_cartesian(lat, lon, AIRY_A, AIRY_B)
    s = SCALE_PPM * 1e-6
    rx, ry, rz = (math.radians(r / 3600) for r in (RX, RY, RZ))
    x2 = TX + (1 + s) * x - rz * y + ry * z
    y2 = TY + rz * x + (1 + s) * y - rx * z
    z2 = TZ - ry * x + rx * y + (1 + s) * z
    return _from_cartesian(x2, y2, z2, WGS84_A, WGS84_B)


def to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """(latitude, longitude) on WGS84, to about 5 m, for a British National Grid reference."""
    easting, northing = float(easting), float(northing)
    if not (0 <= easting <= MAX_EASTING and 0 <= northing <= MAX_NORTHING):
        raise GridError("Easting and northing must be metres on the British National Grid.")
    return osgb36_to_wgs84(*grid_to_osgb36(easting, northing))


def from_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """The grid reference of a WGS84 point (Newton's method on to_wgs84; used to write demo files)."""
    easting, northing = 400_000.0, 300_000.0
    for _ in range(20):
        got_lat, got_lon = to_wgs84(easting, northing)
        lat_e, lon_e = to_wgs84(easting + 1, northing)
        lat_n, lon_n = to_wgs84(easting, northing + 1)
        j11, j12, j21, j22 = lat_e - got_lat, lat_n - got_lat, lon_e - got_lon, lon_n - got_lon
        det = j11 * j22 - j12 * j21
        d_lat, d_lon = lat - got_lat, lon - got_lon
        step_e, step_n = (j22 * d_lat - j12 * d_lon) / det, (j11 * d_lon - j21 * d_lat) / det
        easting, northing = easting + step_e, northing + step_n
        if abs(step_e) < 0.001 and abs(step_n) < 0.001:
            break
    return easting, northing
