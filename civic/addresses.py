"""Postcodes, streets, landmarks and addresses people can find a place by, and the lookup over them.

Loaded from open data files by `manage.py load_addresses` (civic.address_loader). The lookup is
portable: an indexed prefix match on a folded key, then, when that finds nothing, a small
edit-distance pass over candidates that share a shorter prefix, the same consonant skeleton,
(for a slip in the first two characters) the rest of the key after them, or, for a slip further
on, the key with the slip undone where the query's longest known start ends."""

from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.utils.translation import gettext_lazy

from . import address_keys as keys

PER_QUERY = 50  # rows read by each candidate query
TYPO_PREFIXES = 3  # shorter prefixes tried for typos (each one indexed query)
MIN_TAIL = 3  # the shortest rest of a query worth a scan of the tails (shorter ones match too much)
NEXT, PREVIOUS = "next", "previous"  # the keys either side of the query: the longest start it shares
SLIP_BACK = 2  # how far before the longest known start a slip is looked for
MIN_SLIP_AT = 2  # slips before this are _start_slips' work (a shorter start matches too much)


class Address(models.Model):
    """One findable place with a point; `ref` names it in its source file, so reloading updates it."""

    class Kind(models.TextChoices):
        POSTCODE = "postcode", gettext_lazy("Postcode")
        STREET = "street", gettext_lazy("Street")
        LANDMARK = "landmark", gettext_lazy("Place or landmark")
        ADDRESS = "address", gettext_lazy("Address")

    ref = models.CharField(max_length=80, help_text="Source and id, e.g. postcode:NB12AB.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=200)
    context = models.CharField(max_length=200, blank=True, help_text="Town, street or postcode it is in.")
    postcode = models.CharField(max_length=10, blank=True)
    key = models.CharField(max_length=100, editable=False)
    skeleton = models.CharField(max_length=100, editable=False)
    tail = models.CharField(
        max_length=100, editable=False, default="", help_text="The key less its first two characters."
    )
    latitude = models.FloatField()
    longitude = models.FloatField()
    ward = models.ForeignKey("civic.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name_plural = "addresses"
        constraints = [models.UniqueConstraint(fields=["ref"], name="civic_address_unique_ref")]
        # Prefix searches only (LIKE 'elm%'): on PostgreSQL the pattern operator class makes them
        # indexed under any collation; other databases ignore opclasses and use a plain index.
        indexes = [
            models.Index(fields=["key"], name="civic_address_key", opclasses=["varchar_pattern_ops"]),
            models.Index(
                fields=["skeleton"], name="civic_address_skeleton", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(fields=["tail"], name="civic_address_tail", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return label(self.name, self.context)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key, self.skeleton, self.tail = search_keys(self.kind, self.name)
        super().save(*args, **kwargs)


def search_keys(kind: str, name: str) -> tuple[str, str, str]:
    """(key, skeleton, tail) for a place: postcodes compact ("nb12ab"), names folded ("elm road")."""
    key = keys.compact_postcode(name) if kind == Address.Kind.POSTCODE else keys.name_key(name)
    return key, keys.skeleton(key), key[2:]


def label(name: str, context: str) -> str:
    return f"{name}, {context}" if context and context.lower() not in name.lower() else name


KIND_ORDER: dict[str, int] = {
    Address.Kind.POSTCODE: 0,
    Address.Kind.STREET: 1,
    Address.Kind.LANDMARK: 2,
    Address.Kind.ADDRESS: 3,
}
FIELDS = ("id", "kind", "name", "context", "key", "latitude", "longitude", "ward_id", "ward__name")


@dataclass(frozen=True)
class Place:
    """A lookup result: enough to show it, put a pin on the map and know its ward."""

    id: int | None
    kind: str
    name: str
    context: str
    key: str
    latitude: float
    longitude: float
    ward_id: int | None
    ward_name: str
    distance: int = 0

    @property
    def label(self) -> str:
        return label(self.name, self.context)

    @property
    def kind_label(self) -> str:
        return str(dict(Address.Kind.choices).get(self.kind, self.kind))

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "latitude": round(self.latitude, 6),
            "longitude": round(self.longitude, 6),
            "ward": self.ward_name or None,
        }


def _distance(query: str, key: str, memo: dict[str, int]) -> int:
    if key.startswith(query):
        return 0
    if key not in memo:  # many places share a name ("Elm Road" in every town): measure it once
        memo[key] = keys.prefix_distance(query, key)
    return memo[key]


def _places(rows: Any, query: str, memo: dict[str, int] | None = None) -> list[Place]:
    memo = {} if memo is None else memo
    return [
        Place(
            id=r[0],
            kind=r[1],
            name=r[2],
            context=r[3],
            key=r[4],
            latitude=r[5],
            longitude=r[6],
            ward_id=r[7],
            ward_name=r[8] or "",
            distance=_distance(query, r[4], memo),
        )
        for r in rows
    ]


def rank(place: Place, query: str) -> tuple[int, bool, int, str, str]:
    """Closest first, then the exact name, postcodes before streets before landmarks, then A to Z."""
    return (place.distance, place.key != query, KIND_ORDER.get(place.kind, 9), place.key, place.context)


def _select(column: str, kinds: list[str] | None, limit: int = PER_QUERY) -> str:
    """One small indexed scan: places whose key (or skeleton) matches a LIKE pattern with a fixed
    start, or (column NEXT or PREVIOUS) the key just after or before a text in the key index."""
    table, wards = Address._meta.db_table, Address._meta.get_field("ward").related_model._meta.db_table
    kind_filter = f" AND a.kind IN ({', '.join(['%s'] * len(kinds))})" if kinds else ""
    where = f"a.{column} LIKE %s{kind_filter}"
    if column in (NEXT, PREVIOUS):  # no kind filter: a walk along the index to a kind could be long
        # PostgreSQL's pattern operators compare as the pattern index sorts (bytes, any collation).
        pg = connection.vendor == "postgresql"
        compare, order = {
            (NEXT, True): ("~>=~", "USING ~<~"),
            (PREVIOUS, True): ("~<~", "USING ~>~"),
            (NEXT, False): (">=", "ASC"),
            (PREVIOUS, False): ("<", "DESC"),
        }[column, pg]
        where = f"a.key {compare} %s ORDER BY a.key {order}"
    return (
        f"SELECT a.id, a.kind, a.name, a.context, a.key, a.latitude, a.longitude, a.ward_id, w.name "  # noqa: S608
        f"FROM {table} a LEFT JOIN {wards} w ON w.id = a.ward_id WHERE {where} LIMIT {limit}"
    )


Part = tuple[str, str, int]  # (column, pattern before its final %, rows read)


def _read(parts: list[Part], kinds: list[str] | None) -> list[tuple[Any, ...]]:
    """Rows for several scans in one round trip (UNION ALL of LIMITed subqueries).

    Keys hold only a-z, 0-9 and spaces (address_keys.fold), so a pattern needs no LIKE escaping and
    a `_` in one is ours: any one character."""
    sql = " UNION ALL ".join(
        f"SELECT * FROM ({_select(column, kinds, limit)}) AS c{i}"  # noqa: S608 - our SQL, parameters apart
        for i, (column, _, limit) in enumerate(parts)
    )
    params: list[str] = []
    for column, pattern, _limit in parts:
        params += [pattern] if column in (NEXT, PREVIOUS) else [f"{pattern}%", *(kinds or [])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _unique(parts: list[Part]) -> list[Part]:
    """Each (column, pattern) scanned once, by the first part asking for it."""
    seen: dict[tuple[str, str], Part] = {}
    for part in parts:
        seen.setdefault(part[:2], part)
    return list(seen.values())


def _start_slips(q: str) -> list[Part]:
    """Scans that find a key despite a slip in its first two characters ("lm road", "bn12ab").

    Two swaps are tried on the key itself; a dropped, wrong or added character there leaves the
    query's rest after 1, 2 or 3 characters equal to the start of the key's tail (key[2:])."""
    parts = []
    if len(q) >= 3:
        parts += [("key", q[1] + q[0] + q[2:]), ("key", q[0] + q[2] + q[1] + q[3:])]
    parts += [("tail", q[n:]) for n in (1, 2, 3) if len(q) - n >= MIN_TAIL]
    return [
        (column, pattern, PER_QUERY)
        for column, pattern in dict.fromkeys(parts)
        if (column, pattern) != ("key", q)
    ]


def _neighbours(q: str) -> list[Part]:
    """The keys just before and after the query in the key index: one of them shares the longest
    start with it any key has, and where that start ends is where a slip is."""
    return [(NEXT, q, 1), (PREVIOUS, q, 1)]


def _common(q: str, key: str) -> int:
    n = 0
    for a, b in zip(q, key, strict=False):
        if a != b:
            break
        n += 1
    return n


def _slips_at(q: str, at: int) -> list[Part]:
    """The key as it would be with one slip at `at` undone, as a typed start: a wrong character
    ("nightingalwbury"), a dropped one ("nightngalebury" or a missing space "mapleford street"),
    an added one ("nightinggalebury", "nightingale bury") or two swapped ("nihgtingalebury", a
    space moved by one). The start before `at` is fixed, so each is one indexed range scan."""
    head, rest = q[:at], q[at:]
    patterns = [head + "_" + rest[1:], head + "_" + rest, head + rest[1:]]
    if len(rest) >= 2:
        patterns.append(head + rest[1] + rest[0] + rest[2:])
    return [("key", pattern, PER_QUERY) for pattern in patterns if pattern and pattern != q]


def find_places(query: str, limit: int = 10, kinds: list[str] | None = None) -> list[Place]:
    """Places whose name or postcode starts with the query, allowing a typo or two when none does.

    One indexed prefix scan; only when it finds nothing, one more round trip reads the typo
    candidates: places sharing a shorter start with the query (a slip near its end), its words
    but the last (a slip in the last word), its consonants (a slipped vowel) or its rest after a
    slip in the first two characters, and the keys either side of it in the index. When none is
    close enough, the slip is where the longest start any key has ends, or up to SLIP_BACK before
    it, and a third round trip reads the keys with that slip undone (a slip anywhere past the
    first two characters, "Nihgtingalebury Grove"). Candidates are measured by edit distance."""
    q = keys.query_key(query)
    if len(q) < 2:
        return []
    limit = max(1, min(limit, PER_QUERY))
    kinds = [kind for kind in kinds or [] if kind in Address.Kind.values] or None
    memo: dict[str, int] = {}
    found = _places(_read([("key", q, PER_QUERY)], kinds), q, memo)
    typos = min(1, keys.allowed_typos(q)) if keys.looks_like_postcode(query) else keys.allowed_typos(q)
    if not found and typos:  # a typo pass must not bury what was typed
        shortest = max(2, len(q) // 2)
        parts: list[Part] = [("key", q[:n], PER_QUERY) for n in range(len(q) - 1, shortest - 1, -1)][
            :TYPO_PREFIXES
        ]
        parts.append(("skeleton", keys.skeleton(q), PER_QUERY))
        words = q[: q.rfind(" ") + 1]  # a slip in the last word: the words before it are right
        if len(words) >= MIN_TAIL:
            parts.append(("key", words, PER_QUERY))
        parts += _start_slips(q) + _neighbours(q)
        candidates = _places(_read(_unique(parts), kinds), q, memo)
        at = max((_common(q, place.key) for place in candidates), default=0)
        candidates = [place for place in candidates if not kinds or place.kind in kinds]
        found = [place for place in candidates if place.distance <= typos]
        if not found and at >= MIN_SLIP_AT:
            slips = [
                part for n in range(at, max(MIN_SLIP_AT, at - SLIP_BACK) - 1, -1) for part in _slips_at(q, n)
            ]
            found = [
                place for place in _places(_read(_unique(slips), kinds), q, memo) if place.distance <= typos
            ]
    unique = {place.id: place for place in found}
    return sorted(unique.values(), key=lambda p: rank(p, q))[:limit]


def find_postcode(text: str) -> Place | None:
    """The place of a full postcode, typed any way, or None."""
    if not keys.is_postcode(text):
        return None
    q = keys.compact_postcode(text)
    row = Address.objects.filter(kind=Address.Kind.POSTCODE, key=q).values_list(*FIELDS).first()
    return _places([row], q)[0] if row else None
