"""Search documents: how each kind of contribution becomes one searchable record.

Every document has the same fields (see FIELDS). Search knows no feature's models: each feature app
declares its own kinds of content in its `search.py` (one DocumentType subclass each, with `name`,
`label`, `model`, `queryset()`, `is_indexable()` and `fields()`) and registers them from its
AppConfig.ready(), with the labels its facet values need (register_vocabulary, register_titles).
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from django.utils import timezone
from django.utils.html import strip_tags

from civic import languages
from civic.models import Area
from civic.types import Label

FIELDS = (
    "key", "type", "object_id", "title", "text", "url", "consultation_id", "consultation_title",
    "organisation_ids", "ward", "stance", "moderation_state", "status", "author", "created",
    "location", "language", "title_ref",
)  # fmt: skip
# title_ref: what a document type needs to write a title in the reader's language when it is shown
# (DocumentType.localize), e.g. a comment's page and paragraph; the stored title is the site's language.

REGISTRY: dict[str, "DocumentType"] = {}


def register(cls):
    """Class decorator: make a DocumentType known to indexing, reindex and the search filters."""
    REGISTRY[cls.name] = cls()
    return cls


def types() -> list["DocumentType"]:
    """Registered types whose model is installed (a type may name a model another app adds later)."""
    return [doc_type for doc_type in REGISTRY.values() if doc_type.available()]


def for_model(model) -> "DocumentType | None":
    for doc_type in types():
        if issubclass(model, doc_type.model_class()):
            return doc_type
    return None


def key_for(obj) -> str | None:
    doc_type = for_model(type(obj))
    return f"{doc_type.name}:{obj.pk}" if doc_type else None


def split_key(key: str) -> tuple[str, int]:
    name, _, pk = key.partition(":")
    return name, int(pk)


def type_choices() -> list[tuple[str, Label]]:
    return [(doc_type.name, doc_type.label) for doc_type in types()]


# What a facet's stored values mean, declared by the app that owns them: fixed labels ("support" is
# shown as "Support") or a lookup of titles for ids (consultation 12 is "Library opening hours").
VOCABULARIES: dict[str, dict[str, Label]] = {}
TitleLookup = Callable[[list[int], list[int] | None, set[int]], dict[str, str]]
TITLE_LOOKUPS: dict[str, TitleLookup] = {}


def register_vocabulary(facet: str, choices: Iterable[tuple[str, Label]]) -> None:
    """Labels for a facet's values; also the values a search form accepts for it."""
    VOCABULARIES.setdefault(facet, {}).update(choices)


def vocabulary(facet: str) -> list[tuple[str, str]]:
    """The facet's values with their labels in the active language."""
    return [(value, str(label)) for value, label in VOCABULARIES.get(facet, {}).items()]


def register_titles(facet: str, lookup: TitleLookup) -> None:
    """lookup(ids, within_organisations, ids_with_hits) -> {str(id): title}; titles of things beyond
    the searcher's organisations are left out unless they had hits the searcher may see."""
    TITLE_LOOKUPS[facet] = lookup


def titles(facet: str, ids: list[int], within_organisations, found: set[int]) -> dict[str, str]:
    lookup = TITLE_LOOKUPS.get(facet)
    return lookup(ids, within_organisations, found) if lookup and ids else {}


class Context:
    """Caches shared by a batch of documents (page URLs, wards, and whatever a document type memoises),
    so a rebuild looks each shared thing up once."""

    def __init__(self):
        self.urls: dict[int, str] = {}
        self._memo: dict[tuple[str, object], object] = {}
        self._wards = None

    def memo(self, kind: str, key, compute):
        """compute() once per (kind, key) in this batch: a document type's own shared lookups."""
        if (kind, key) not in self._memo:
            self._memo[kind, key] = compute()
        return self._memo[kind, key]

    def url(self, page) -> str:
        if page.pk not in self.urls:
            self.urls[page.pk] = page.get_url() or ""
        return self.urls[page.pk]

    def ward(self, latitude, longitude) -> str:
        """The name of the ward containing the point, from the core's ward boundaries."""
        if latitude is None or longitude is None:
            return ""
        if self._wards is None:
            self._wards = list(Area.objects.wards().only("name", "geometry"))
        lat, lon = float(latitude), float(longitude)
        return next((area.name for area in self._wards if area.contains(lat, lon)), "")


class DocumentType:
    """One kind of searchable content."""

    name = ""
    label: Label = ""
    model = ""  # "app_label.ModelName"
    chunk_size = 2000
    public = False  # searched by the residents' site search too; public_pks() then says which objects

    def model_class(self):
        from django.apps import apps

        return apps.get_model(self.model)

    def available(self) -> bool:
        try:
            self.model_class()
        except LookupError:
            return False
        return True

    def queryset(self):
        return self.model_class()._default_manager.all()

    def is_indexable(self, obj) -> bool:
        return True

    def fields(self, obj, context: Context) -> dict:
        raise NotImplementedError

    def localize(self, hits: list) -> None:
        """Rewrite these hits' titles in the active language where the stored ones are the site's
        (a few queries for the whole list, never one per hit); by default they stay as stored."""

    def related_keys(self, obj) -> list[str]:
        """Other documents that copy fields from this one and must be rebuilt with it."""
        return []

    def keys_by_author(self, user_id: int) -> list[str]:
        """Documents that show this person's public name (rebuilt when it changes)."""
        return []

    def keys_by_organisation(self, organisation_id: int) -> list[str]:
        """Documents that show this organisation's name (rebuilt when it changes)."""
        return []

    def current_pks(self, pks: Iterable[int]) -> set[int]:
        """Of these, the objects that exist and are indexable now."""
        return {pk for pk, obj in self.load(pks).items() if self.is_indexable(obj)}

    def public_pks(self, pks: Iterable[int]) -> set[int]:
        """Of these, the objects anyone may read on the public site now (none unless the type says)."""
        return set()

    def document(self, obj, context: Context) -> dict:
        doc = {
            "key": f"{self.name}:{obj.pk}",
            "type": self.name,
            "object_id": obj.pk,
            "title": "",
            "text": "",
            "url": "",
            "consultation_id": None,
            "consultation_title": "",
            "organisation_ids": [],
            "ward": "",
            "stance": "",
            "moderation_state": "",
            "status": "",
            "author": "",
            "created": timezone.now(),
            "location": None,
            "language": languages.default(),
            "title_ref": "",
        }
        doc.update(self.fields(obj, context))
        doc["title"] = (doc["title"] or "")[:300]
        return doc

    def load(self, pks: Iterable[int]) -> dict[int, object]:
        return {obj.pk: obj for obj in self.queryset().filter(pk__in=list(pks))}

    def iter_documents(self, context: Context) -> Iterator[dict]:
        for obj in self.queryset().order_by("pk").iterator(chunk_size=self.chunk_size):
            if self.is_indexable(obj):
                yield self.document(obj, context)


def location(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return {"lat": float(latitude), "lon": float(longitude)}


def page_text(*values) -> str:
    return " ".join(" ".join(strip_tags(str(v or "")).split()) for v in values).strip()


def build(keys: Iterable[str]) -> tuple[dict[str, dict], set[str]]:
    """Fresh documents for keys from the database: (documents to store, keys to delete)."""
    by_type: dict[str, set[int]] = {}
    for key in keys:
        name, pk = split_key(key)
        if name in REGISTRY and REGISTRY[name].available():
            by_type.setdefault(name, set()).add(pk)
    context = Context()
    docs: dict[str, dict] = {}
    gone: set[str] = set()
    for name, pks in by_type.items():
        doc_type = REGISTRY[name]
        found = doc_type.load(pks)
        for pk in pks:
            key = f"{name}:{pk}"
            obj = found.get(pk)
            if obj is not None and doc_type.is_indexable(obj):
                docs[key] = doc_type.document(obj, context)
            else:
                gone.add(key)
    return docs, gone


def localize(hits: list) -> list:
    """Hits with titles in the reader's language: each type rewrites its own, in one pass."""
    by_type: dict[str, list] = {}
    for hit in hits:
        by_type.setdefault(hit.type, []).append(hit)
    for name, group in by_type.items():
        if name in REGISTRY:
            REGISTRY[name].localize(group)
    return hits


def keys_by_author(user_id: int) -> list[str]:
    """Every document showing this person's public name, whatever its type."""
    return [key for doc_type in types() for key in doc_type.keys_by_author(user_id)]


def keys_by_organisation(organisation_id: int) -> list[str]:
    """Every document showing this organisation's name, whatever its type."""
    return [key for doc_type in types() for key in doc_type.keys_by_organisation(organisation_id)]


def current_keys(keys: Iterable[str]) -> set[str]:
    """The keys whose objects still exist and may be indexed now (an engine may lag behind a removal)."""
    by_type: dict[str, set[int]] = {}
    for key in keys:
        name, pk = split_key(key)
        if name in REGISTRY and REGISTRY[name].available():
            by_type.setdefault(name, set()).add(pk)
    return {f"{name}:{pk}" for name, pks in by_type.items() for pk in REGISTRY[name].current_pks(pks)}


def public_types() -> list["DocumentType"]:
    """The kinds of content the residents' site search covers."""
    return [doc_type for doc_type in types() if doc_type.public]


def public_keys(keys: Iterable[str]) -> set[str]:
    """The keys whose objects anyone may read on the public site now: published, on public pages,
    not hidden; checked against the database, whatever the index says."""
    by_type: dict[str, set[int]] = {}
    for key in keys:
        name, pk = split_key(key)
        if name in REGISTRY and REGISTRY[name].public and REGISTRY[name].available():
            by_type.setdefault(name, set()).add(pk)
    return {f"{name}:{pk}" for name, pks in by_type.items() for pk in REGISTRY[name].public_pks(pks)}


def iter_all(context: Context | None = None) -> Iterator[dict]:
    """Every indexable document, type by type, streamed from the database."""
    context = context or Context()
    for doc_type in types():
        yield from doc_type.iter_documents(context)


def count_all() -> int:
    return sum(doc_type.queryset().count() for doc_type in types())


def as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
