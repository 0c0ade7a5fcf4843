"""Search documents: how each kind of contribution becomes one searchable record.

Every document has the same fields (see FIELDS); a kind of content is one DocumentType subclass
registered with @register. Indexing a new model (an issue report, say) means writing one class
with `name`, `label`, `model`, `queryset()`, `is_indexable()` and `fields()`.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime

from django.utils import timezone
from django.utils.html import strip_tags

FIELDS = (
    "key", "type", "object_id", "title", "text", "url", "consultation_id", "consultation_title",
    "organisation_ids", "ward", "stance", "moderation_state", "status", "author", "created",
    "location", "language",
)  # fmt: skip

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


def type_choices() -> list[tuple[str, str]]:
    return [(doc_type.name, doc_type.label) for doc_type in types()]


class Context:
    """Caches shared by a batch of documents: page URLs, organisations, wards."""

    def __init__(self):
        self.urls: dict[int, str] = {}
        self.organisations: dict[int, list[int]] = {}
        self.pages: dict[int, dict] = {}
        self.consultations: dict[str, object] = {}  # by tree path
        self._wards = None

    def consultation(self, page):
        """The consultation a page belongs to: itself, or a proposal's parent (one query per parent)."""
        from consultations.models import ConsultationPage

        if isinstance(page, ConsultationPage):
            return page
        parent_path = page.path[: -page.steplen]
        if parent_path not in self.consultations:
            self.consultations[parent_path] = ConsultationPage.objects.with_owners().get(path=parent_path)
        page._consultation = self.consultations[parent_path]  # what page.consultation would load
        return page._consultation

    def url(self, page) -> str:
        if page.pk not in self.urls:
            self.urls[page.pk] = page.get_url() or ""
        return self.urls[page.pk]

    def page_info(self, page_id: int) -> dict:
        """Title, URL, organisations, ward and location of a consultation or proposal (cached)."""
        if page_id not in self.pages:
            from wagtail.models import Page

            page = Page.objects.get(pk=page_id).specific
            consultation = self.consultation(page)
            latitude, longitude = getattr(page, "latitude", None), getattr(page, "longitude", None)
            self.pages[page_id] = {
                "title": page.title,
                "url": self.url(page),
                "organisation_ids": self.organisation_ids(consultation),
                "ward": self.ward(latitude, longitude),
                "location": location(latitude, longitude),
            }
        return self.pages[page_id]

    def organisation_ids(self, consultation) -> list[int]:
        if consultation.pk not in self.organisations:
            self.organisations[consultation.pk] = sorted(consultation.organisation_ids())
        return self.organisations[consultation.pk]

    def ward(self, latitude, longitude) -> str:
        """The name of the ward containing the point, from the core's ward boundaries."""
        if latitude is None or longitude is None:
            return ""
        if self._wards is None:
            from civic.models import Area

            self._wards = list(Area.objects.wards().only("name", "geometry"))
        lat, lon = float(latitude), float(longitude)
        return next((area.name for area in self._wards if area.contains(lat, lon)), "")


class DocumentType:
    """One kind of searchable content."""

    name = ""
    label = ""
    model = ""  # "app_label.ModelName"
    chunk_size = 2000

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

    def related_keys(self, obj) -> list[str]:
        """Other documents that copy fields from this one and must be rebuilt with it."""
        return []

    def keys_by_author(self, user_id: int) -> list[str]:
        """Documents that show this person's public name (rebuilt when it changes)."""
        return []

    def current_pks(self, pks: Iterable[int]) -> set[int]:
        """Of these, the objects that exist and are indexable now."""
        return {pk for pk, obj in self.load(pks).items() if self.is_indexable(obj)}

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
            "language": "en",
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


@register
class ConsultationDocument(DocumentType):
    name = "consultation"
    label = "Consultation"
    model = "consultations.ConsultationPage"

    def queryset(self):
        return (
            super().queryset().select_related("lead_organisation").prefetch_related("partner_organisations")
        )

    def is_indexable(self, obj) -> bool:
        return obj.live

    def fields(self, page, context):
        return {
            "title": page.title,
            "text": page_text(page.summary, page.body, page.how_to_take_part, page.results),
            "url": context.url(page),
            "consultation_id": page.pk,
            "consultation_title": page.title,
            "organisation_ids": context.organisation_ids(page),
            "moderation_state": "published",
            "status": "live",
            "created": page.first_published_at or page.latest_revision_created_at or timezone.now(),
        }

    def related_keys(self, page):
        from consultations.models import Comment, ProposalPage

        keys = [f"proposal:{pk}" for pk in ProposalPage.objects.child_of(page).values_list("pk", flat=True)]
        keys += [
            f"comment:{pk}" for pk in Comment.objects.filter(consultation=page).values_list("pk", flat=True)
        ]
        return keys


@register
class ProposalDocument(DocumentType):
    name = "proposal"
    label = "Proposal"
    model = "consultations.ProposalPage"

    def is_indexable(self, obj) -> bool:
        return obj.live

    def fields(self, page, context):
        consultation = context.consultation(page)
        return {
            "title": page.title,
            "text": page_text(page.problem, page.proposed_change, page.who_it_affects, page.location_name),
            "url": context.url(page),
            "consultation_id": consultation.pk,
            "consultation_title": consultation.title,
            "organisation_ids": context.organisation_ids(consultation),
            "ward": context.ward(page.latitude, page.longitude),
            "moderation_state": "published",
            "status": "live",
            "created": page.first_published_at or page.latest_revision_created_at or timezone.now(),
            "location": location(page.latitude, page.longitude),
        }

    def related_keys(self, page):
        from consultations.models import Comment

        return [f"comment:{pk}" for pk in Comment.objects.filter(proposal=page).values_list("pk", flat=True)]


@register
class CommentDocument(DocumentType):
    """Published and pending comments; hidden and removed ones leave the index.

    Built from plain rows plus per-page details cached in the Context, so a rebuild of hundreds
    of thousands of comments never constructs a Wagtail page object per comment.
    """

    name = "comment"
    label = "Comment"
    model = "consultations.Comment"
    INDEXED_STATUSES = ("published", "pending")
    FIELDS = ("pk", "body", "stance", "status", "channel", "created_at", "consultation_id", "proposal_id")
    ROW = (*FIELDS, "is_official", "organisation__name", "author_id", "author__display_name")
    chunk_size = 5000

    def queryset(self):
        return super().queryset().select_related("author", "organisation")

    def is_indexable(self, comment) -> bool:
        return comment.status in self.INDEXED_STATUSES

    def fields(self, comment, context):
        row = {name: getattr(comment, name) for name in self.FIELDS}
        return self.row_fields(row, comment.author_name, context)

    def row_author(self, row: dict) -> str:
        """Attribution from row values by the Comment's own rule (paper, official, former...)."""
        return self.model_class().attribution(
            is_official=row["is_official"],
            organisation_name=row["organisation__name"] or "",
            channel=row["channel"],
            author_id=row["author_id"],
            author_display_name=row["author__display_name"] or "",
        )

    def row_fields(self, row: dict, author: str, context: Context) -> dict:
        consultation = context.page_info(row["consultation_id"])
        page = context.page_info(row["proposal_id"]) if row["proposal_id"] else consultation
        return {
            "title": f"Comment on {page['title']}",
            "text": row["body"],
            "url": f"{page['url']}#comment-{row['pk']}",
            "consultation_id": row["consultation_id"],
            "consultation_title": consultation["title"],
            "organisation_ids": consultation["organisation_ids"],
            "ward": page["ward"],
            "stance": row["stance"],
            "moderation_state": row["status"],
            "status": row["channel"],
            "author": author,
            "created": row["created_at"],
            "location": page["location"],
        }

    def current_pks(self, pks: Iterable[int]) -> set[int]:
        rows = self.model_class().objects.filter(pk__in=list(pks), status__in=self.INDEXED_STATUSES)
        return set(rows.values_list("pk", flat=True))

    def keys_by_author(self, user_id: int) -> list[str]:
        comments = self.model_class().objects.filter(author_id=user_id, status__in=self.INDEXED_STATUSES)
        return [f"comment:{pk}" for pk in comments.values_list("pk", flat=True)]

    def iter_documents(self, context: Context) -> Iterator[dict]:
        rows = (
            self.model_class()
            .objects.filter(status__in=self.INDEXED_STATUSES)
            .order_by("pk")
            .values_list(*self.ROW)
            .iterator(chunk_size=self.chunk_size)
        )
        for values in rows:
            row = dict(zip(self.ROW, values, strict=True))
            doc = {"key": f"comment:{row['pk']}", "type": self.name, "object_id": row["pk"], "language": "en"}
            doc.update(self.row_fields(row, self.row_author(row), context))
            yield doc


@register
class IssueReportDocument(DocumentType):
    """Issue reports from mapping (indexed once that app has them); the contact email never is."""

    name = "issue_report"
    label = "Issue report"
    model = "mapping.IssueReport"

    def queryset(self):
        return super().queryset().select_related("reporter", "ward", "category")

    def is_indexable(self, report) -> bool:
        return report.is_visible  # hidden or merged: its text leaves the index

    def fields(self, report, context):
        ward = report.ward.name if report.ward_id else context.ward(report.latitude, report.longitude)
        return {
            "title": report.title,
            "text": page_text(report.description, report.location_text, report.category.name),
            "url": report.get_absolute_url(),
            "organisation_ids": [report.organisation_id],
            "ward": ward,
            "moderation_state": "published",
            "status": report.status,
            "author": report.reporter_name,
            "created": report.created_at,
            "location": location(report.latitude, report.longitude),
        }

    def keys_by_author(self, user_id: int) -> list[str]:
        reports = self.model_class().objects.filter(reporter_id=user_id)
        return [f"issue_report:{pk}" for pk in reports.values_list("pk", flat=True)]


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


def keys_by_author(user_id: int) -> list[str]:
    """Every document showing this person's public name, whatever its type."""
    return [key for doc_type in types() for key in doc_type.keys_by_author(user_id)]


def current_keys(keys: Iterable[str]) -> set[str]:
    """The keys whose objects still exist and may be indexed now (an engine may lag behind a removal)."""
    by_type: dict[str, set[int]] = {}
    for key in keys:
        name, pk = split_key(key)
        if name in REGISTRY and REGISTRY[name].available():
            by_type.setdefault(name, set()).add(pk)
    return {f"{name}:{pk}" for name, pks in by_type.items() for pk in REGISTRY[name].current_pks(pks)}


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
