"""Postcodes, streets, landmarks and addresses people can find a place by, and the lookup over them.

Loaded from open data files by `manage.py load_addresses` (civic.address_loader). The lookup is
portable: an indexed prefix match on a folded key, then, when that finds too little, a small
edit-distance pass over candidates that share a shorter prefix or the same consonant skeleton."""

from dataclasses import dataclass
from typing import Any

from django.db import models

from . import address_keys as keys

PER_QUERY = 50  # rows read by each candidate query
TYPO_PREFIXES = 3  # shorter prefixes tried for typos (each one indexed query)


class Address(models.Model):
    """One findable place with a point; `ref` names it in its source file, so reloading updates it."""

    class Kind(models.TextChoices):
        POSTCODE = "postcode", "Postcode"
        STREET = "street", "Street"
        LANDMARK = "landmark", "Place or landmark"
        ADDRESS = "address", "Address"

    ref = models.CharField(max_length=80, unique=True, help_text="Source and id, e.g. postcode:NB12AB.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=200)
    context = models.CharField(max_length=200, blank=True, help_text="Town, street or postcode it is in.")
    postcode = models.CharField(max_length=10, blank=True)
    key = models.CharField(max_length=100, db_index=True, editable=False)
    skeleton = models.CharField(max_length=100, db_index=True, editable=False)
    latitude = models.FloatField()
    longitude = models.FloatField()
    ward = models.ForeignKey("civic.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return label(self.name, self.context)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key, self.skeleton = search_keys(self.kind, self.name)
        super().save(*args, **kwargs)


def search_keys(kind: str, name: str) -> tuple[str, str]:
    """(key, skeleton) for a place: postcodes compact ("nb12ab"), names folded ("elm road")."""
    key = keys.compact_postcode(name) if kind == Address.Kind.POSTCODE else keys.name_key(name)
    return key, keys.skeleton(key)


def label(name: str, context: str) -> str:
    return f"{name}, {context}" if context and context.lower() not in name.lower() else name


KIND_ORDER = {
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


def _places(rows: Any, query: str) -> list[Place]:
    return [
        Place(
            id=r["id"],
            kind=r["kind"],
            name=r["name"],
            context=r["context"],
            key=r["key"],
            latitude=r["latitude"],
            longitude=r["longitude"],
            ward_id=r["ward_id"],
            ward_name=r["ward__name"] or "",
            distance=keys.prefix_distance(query, r["key"]) if not r["key"].startswith(query) else 0,
        )
        for r in rows
    ]


def rank(place: Place, query: str) -> tuple[int, bool, int, str, str]:
    """Closest first, then the exact name, postcodes before streets before landmarks, then A to Z."""
    return (place.distance, place.key != query, KIND_ORDER.get(place.kind, 9), place.key, place.context)


def find_places(query: str, limit: int = 10, kinds: list[str] | None = None) -> list[Place]:
    """Places whose name or postcode starts with the query, allowing a typo or two when none does."""
    q = keys.query_key(query)
    if len(q) < 2:
        return []
    limit = max(1, min(limit, PER_QUERY))
    base = Address.objects.order_by()  # index order: no sort over every match
    if kinds:
        base = base.filter(kind__in=kinds)
    found: dict[int, Place] = {}
    for place in _places(base.filter(key__startswith=q).values(*FIELDS)[:PER_QUERY], q):
        found[place.id or 0] = place
    typos = min(1, keys.allowed_typos(q)) if keys.looks_like_postcode(query) else keys.allowed_typos(q)
    if not found and typos:  # only when nothing starts so: a typo pass must not bury what was typed
        shortest = max(2, len(q) // 2)
        prefixes = [q[:n] for n in range(len(q) - 1, shortest - 1, -1)][:TYPO_PREFIXES]
        candidates = [base.filter(key__startswith=p) for p in prefixes]
        candidates.append(base.filter(skeleton__startswith=keys.skeleton(q)))
        for queryset in candidates:
            for place in _places(queryset.values(*FIELDS)[:PER_QUERY], q):
                if place.distance <= typos:
                    found.setdefault(place.id or 0, place)
            if len(found) >= limit:
                break
    return sorted(found.values(), key=lambda p: rank(p, q))[:limit]


def find_postcode(text: str) -> Place | None:
    """The place of a full postcode, typed any way, or None."""
    if not keys.is_postcode(text):
        return None
    q = keys.compact_postcode(text)
    row = Address.objects.filter(kind=Address.Kind.POSTCODE, key=q).values(*FIELDS).first()
    return _places([row], q)[0] if row else None
