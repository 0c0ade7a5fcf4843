"""Postcodes, streets, landmarks and addresses people can find a place by, and the lookup over them.

Loaded from open data files by `manage.py load_addresses` (civic.address_loader). The lookup is
portable: an indexed prefix match on a folded key, then, when that finds nothing, a small
edit-distance pass over candidates that share a shorter prefix, the same consonant skeleton, or
(for a slip in the first two characters) the rest of the key after them."""

from dataclasses import dataclass
from typing import Any

from django.db import connection, models

from . import address_keys as keys

PER_QUERY = 50  # rows read by each candidate query
TYPO_PREFIXES = 3  # shorter prefixes tried for typos (each one indexed query)
MIN_TAIL = 3  # the shortest rest of a query worth a scan of the tails (shorter ones match too much)


class Address(models.Model):
    """One findable place with a point; `ref` names it in its source file, so reloading updates it."""

    class Kind(models.TextChoices):
        POSTCODE = "postcode", "Postcode"
        STREET = "street", "Street"
        LANDMARK = "landmark", "Place or landmark"
        ADDRESS = "address", "Address"

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


def _select(column: str, kinds: list[str] | None) -> str:
    """One small indexed scan: places whose key (or skeleton) starts with a parameter."""
    table, wards = Address._meta.db_table, Address._meta.get_field("ward").related_model._meta.db_table
    kind_filter = f" AND a.kind IN ({', '.join(['%s'] * len(kinds))})" if kinds else ""
    return (
        f"SELECT a.id, a.kind, a.name, a.context, a.key, a.latitude, a.longitude, a.ward_id, w.name "  # noqa: S608
        f"FROM {table} a LEFT JOIN {wards} w ON w.id = a.ward_id "
        f"WHERE a.{column} LIKE %s{kind_filter} LIMIT {PER_QUERY}"
    )


def _read(parts: list[tuple[str, str]], kinds: list[str] | None) -> list[tuple[Any, ...]]:
    """Rows for several (column, prefix) scans in one round trip (UNION ALL of LIMITed subqueries).

    Keys hold only a-z, 0-9 and spaces (address_keys.fold), so a prefix needs no LIKE escaping."""
    sql = " UNION ALL ".join(
        f"SELECT * FROM ({_select(column, kinds)}) AS c{i}"  # noqa: S608 - our SQL, parameters apart
        for i, (column, _) in enumerate(parts)
    )
    params: list[str] = []
    for _column, prefix in parts:
        params += [f"{prefix}%", *(kinds or [])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _start_slips(q: str) -> list[tuple[str, str]]:
    """Scans that find a key despite a slip in its first two characters ("lm road", "bn12ab").

    Two swaps are tried on the key itself; a dropped, wrong or added character there leaves the
    query's rest after 1, 2 or 3 characters equal to the start of the key's tail (key[2:])."""
    parts = []
    if len(q) >= 3:
        parts += [("key", q[1] + q[0] + q[2:]), ("key", q[0] + q[2] + q[1] + q[3:])]
    parts += [("tail", q[n:]) for n in (1, 2, 3) if len(q) - n >= MIN_TAIL]
    return [part for part in dict.fromkeys(parts) if part != ("key", q)]


def find_places(query: str, limit: int = 10, kinds: list[str] | None = None) -> list[Place]:
    """Places whose name or postcode starts with the query, allowing a typo or two when none does.

    One indexed prefix scan; only when it finds nothing, one more round trip reads the typo
    candidates: places sharing a shorter start with the query (a slip near its end), its words
    but the last (a slip in the last word), its consonants (a slipped vowel) or its rest after a
    slip in the first two characters, measured by edit distance in Python."""
    q = keys.query_key(query)
    if len(q) < 2:
        return []
    limit = max(1, min(limit, PER_QUERY))
    kinds = [kind for kind in kinds or [] if kind in Address.Kind.values] or None
    memo: dict[str, int] = {}
    found = _places(_read([("key", q)], kinds), q, memo)
    typos = min(1, keys.allowed_typos(q)) if keys.looks_like_postcode(query) else keys.allowed_typos(q)
    if not found and typos:  # a typo pass must not bury what was typed
        shortest = max(2, len(q) // 2)
        parts = [("key", q[:n]) for n in range(len(q) - 1, shortest - 1, -1)][:TYPO_PREFIXES]
        parts.append(("skeleton", keys.skeleton(q)))
        words = q[: q.rfind(" ") + 1]  # a slip in the last word: the words before it are right
        if len(words) >= MIN_TAIL and ("key", words) not in parts:
            parts.append(("key", words))
        parts += _start_slips(q)
        found = [place for place in _places(_read(parts, kinds), q, memo) if place.distance <= typos]
    unique = {place.id: place for place in found}
    return sorted(unique.values(), key=lambda p: rank(p, q))[:limit]


def find_postcode(text: str) -> Place | None:
    """The place of a full postcode, typed any way, or None."""
    if not keys.is_postcode(text):
        return None
    q = keys.compact_postcode(text)
    row = Address.objects.filter(kind=Address.Kind.POSTCODE, key=q).values_list(*FIELDS).first()
    return _places([row], q)[0] if row else None
