"""What consultations put into search: consultations, proposals and comments as documents, and the
labels their facet values need. Registered from ConsultationsConfig.ready()."""

from collections.abc import Iterable, Iterator

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy
from wagtail.models import Locale, Page

from civic import bilingual, languages
from civic.pages import public_pages
from search import documents
from search.documents import Context, DocumentType, location, page_text

from .models import Comment, ConsultationPage, ProposalPage, Stance


def consultation_of(page, context: Context):
    """The consultation a page belongs to: itself, or a proposal's parent (one query per parent)."""
    if isinstance(page, ConsultationPage):
        return page
    parent_path = page.path[: -page.steplen]
    consultation = context.memo(
        "consultation", parent_path, lambda: ConsultationPage.objects.with_owners().get(path=parent_path)
    )
    page._consultation = consultation  # what page.consultation would load
    return consultation


def organisation_ids(consultation, context: Context) -> list[int]:
    return context.memo("organisations", consultation.pk, lambda: sorted(consultation.organisation_ids()))


def page_info(page_id: int, context: Context) -> dict:
    """Title, URL, organisations, ward and location of a consultation or proposal (cached)."""

    def load() -> dict:
        page = Page.objects.get(pk=page_id).specific
        consultation = consultation_of(page, context)
        latitude, longitude = getattr(page, "latitude", None), getattr(page, "longitude", None)
        numbers = {p.id: p.number for p in page.paragraphs()} if isinstance(page, ProposalPage) else {}
        return {
            "paragraphs": numbers,
            "title": page.title,
            "url": context.url(page),
            "organisation_ids": organisation_ids(consultation, context),
            "ward": context.ward(latitude, longitude),
            "location": location(latitude, longitude),
        }

    return context.memo("page", page_id, load)


def page_language(page, context: Context) -> str:
    """The language of a page's locale (Wagtail's translations), one lookup per locale."""
    code = context.memo(
        "locale",
        page.locale_id,
        lambda: Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True).first(),
    )
    return languages.clean(code) or languages.default()


def pages_in_reader_language(page_ids: Iterable[int]) -> dict[int, tuple[str, str | None]]:
    """Pages' (title, address) in the active language: a live translation's where one exists, else
    the page's own title and no address (keep the stored one). Two queries however many pages."""
    ids = set(page_ids)
    if not ids:
        return {}
    rows = list(Page.objects.filter(pk__in=ids).values_list("pk", "title", "translation_key", "locale_id"))
    shown: dict[int, tuple[str, str | None]] = {pk: (title, None) for pk, title, _key, _locale in rows}
    locale_id = bilingual.locale_id_for()
    keys = {key for _pk, _title, key, locale in rows if locale != locale_id}
    if locale_id is None or not keys:
        return shown
    translations = (
        Page.objects.filter(translation_key__in=keys, locale_id=locale_id).live().select_related("locale")
    )
    found = {page.translation_key: (page.title, page.get_url()) for page in translations}
    return {pk: found.get(key, shown[pk]) for pk, _title, key, _locale in rows}


def comment_title(page_title: str, paragraph: str = "") -> str:
    """A comment's result title in the active language; paragraph is its number, "-" once removed."""
    if paragraph == "-":
        return gettext("Comment on %(title)s (a paragraph since removed)") % {"title": page_title}
    if paragraph:
        return gettext("Comment on paragraph %(number)s of %(title)s") % {
            "number": paragraph,
            "title": page_title,
        }
    return gettext("Comment on %(title)s") % {"title": page_title}


def _reading_another_language() -> bool:
    """Whether titles stored in the site's language need rewriting for this reader."""
    return languages.active() != languages.default()


def consultation_titles(ids: list[int], within_organisations, found: set[int]) -> dict[str, str]:
    """Titles for the consultation facet, in the reader's language where a translation is live;
    beyond the searcher's walls only those with hits."""
    consultations = ConsultationPage.objects.filter(pk__in=ids)
    if within_organisations is not None:
        walls = list(within_organisations)
        consultations = consultations.filter(
            Q(pk__in=found) | Q(lead_organisation__in=walls) | Q(partner_organisations__in=walls)
        ).distinct()
    titles = dict(consultations.values_list("pk", "title"))
    if titles and _reading_another_language():
        shown = pages_in_reader_language(titles)
        titles = {pk: shown[pk][0] if pk in shown else title for pk, title in titles.items()}
    return {str(pk): title for pk, title in titles.items()}


def localize_consultation_titles(hits: list) -> None:
    """The "in <consultation>" line of these hits in the reader's language (two queries for the list)."""
    if not _reading_another_language():
        return
    shown = pages_in_reader_language({hit.consultation_id for hit in hits if hit.consultation_id})
    for hit in hits:
        if hit.consultation_id in shown:
            hit.consultation_title = shown[hit.consultation_id][0]


def public_page_pks(model, pks: Iterable[int]) -> set[int]:
    """Of these pages, those the public may see: live, unrestricted, under live pages only."""
    return set(public_pages(model.objects.filter(pk__in=list(pks))).values_list("pk", flat=True))


class ConsultationDocument(DocumentType):
    name = "consultation"
    label = gettext_lazy("Consultation")
    model = "consultations.ConsultationPage"
    public = True

    def public_pks(self, pks: Iterable[int]) -> set[int]:
        return public_page_pks(self.model_class(), pks)

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
            "organisation_ids": organisation_ids(page, context),
            "moderation_state": "published",
            "status": "live",
            "created": page.first_published_at or page.latest_revision_created_at or timezone.now(),
            "language": page_language(page, context),
        }

    def related_keys(self, page):
        keys = [f"proposal:{pk}" for pk in ProposalPage.objects.child_of(page).values_list("pk", flat=True)]
        keys += [
            f"comment:{pk}" for pk in Comment.objects.filter(consultation=page).values_list("pk", flat=True)
        ]
        return keys


class ProposalDocument(DocumentType):
    name = "proposal"
    label = gettext_lazy("Proposal")
    model = "consultations.ProposalPage"
    public = True

    def public_pks(self, pks: Iterable[int]) -> set[int]:
        return public_page_pks(self.model_class(), pks)

    def is_indexable(self, obj) -> bool:
        return obj.live

    def fields(self, page, context):
        consultation = consultation_of(page, context)
        return {
            "title": page.title,
            "text": page_text(page.problem, page.proposed_change, page.who_it_affects, page.location_name),
            "url": context.url(page),
            "consultation_id": consultation.pk,
            "consultation_title": consultation.title,
            "organisation_ids": organisation_ids(consultation, context),
            "ward": context.ward(page.latitude, page.longitude),
            "moderation_state": "published",
            "status": "live",
            "created": page.first_published_at or page.latest_revision_created_at or timezone.now(),
            "location": location(page.latitude, page.longitude),
            "language": page_language(page, context),
        }

    def localize(self, hits: list) -> None:
        localize_consultation_titles(hits)

    def related_keys(self, page):
        return [f"comment:{pk}" for pk in Comment.objects.filter(proposal=page).values_list("pk", flat=True)]


class CommentDocument(DocumentType):
    """Published and pending comments; hidden and removed ones leave the index.

    Built from plain rows plus per-page details cached in the Context, so a rebuild of hundreds
    of thousands of comments never constructs a Wagtail page object per comment.
    """

    name = "comment"
    label = gettext_lazy("Comment")
    model = "consultations.Comment"
    public = True
    INDEXED_STATUSES = ("published", "pending")
    FIELDS = (
        "pk",
        "body",
        "stance",
        "status",
        "channel",
        "created_at",
        "consultation_id",
        "proposal_id",
        "paragraph",
        "paragraph_text",
        "language",
    )
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
        consultation = page_info(row["consultation_id"], context)
        page_id = row["proposal_id"] or row["consultation_id"]
        page = page_info(page_id, context)
        paragraph, text = "", row["body"]
        if row["paragraph"]:  # a comment on one paragraph: which one, and the words it answered
            paragraph = str(page["paragraphs"].get(row["paragraph"]) or "-")
            # Quoted, with no label: the stored text is read in every language (the title says which).
            text = f"{text}\n\n“{row['paragraph_text']}”"
        with translation.override(languages.default()):  # stored (and searched) in the site's language
            title = comment_title(page["title"], paragraph)
        return {
            "title": title,
            "title_ref": f"{page_id}:{row['consultation_id']}:{paragraph}",
            "text": text,
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
            "language": row["language"],
        }

    def localize(self, hits: list) -> None:
        """The title, link and consultation in the reader's language, from the page ids the hit stored
        (a hit indexed before title_ref existed keeps its stored title until the next reindex)."""
        if not _reading_another_language():  # stored in the site's language, about its pages
            return
        refs = {}
        for hit in hits:
            parts = (hit.title_ref or "").split(":")
            if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
                refs[hit.key] = (int(parts[0]), int(parts[1]), parts[2])
        shown = pages_in_reader_language({pk for ref in refs.values() for pk in ref[:2]})
        for hit in hits:
            if hit.key not in refs:
                continue
            page_id, consultation_id, paragraph = refs[hit.key]
            if page_id in shown:
                title, url = shown[page_id]
                hit.retitle(comment_title(title, paragraph))
                if url:  # the comment on its page in the reader's language (the same comments)
                    hit.url = f"{url}#comment-{hit.key.partition(':')[2]}"
            if consultation_id in shown:
                hit.consultation_title = shown[consultation_id][0]

    def current_pks(self, pks: Iterable[int]) -> set[int]:
        rows = self.model_class().objects.filter(pk__in=list(pks), status__in=self.INDEXED_STATUSES)
        return set(rows.values_list("pk", flat=True))

    def public_pks(self, pks: Iterable[int]) -> set[int]:
        """Published comments whose page (and consultation) the public may see."""
        rows = list(
            self.model_class()
            .objects.filter(pk__in=list(pks), status=Comment.Status.PUBLISHED)
            .values_list("pk", "consultation_id", "proposal_id")
        )
        page_ids = {consultation_id for _pk, consultation_id, _p in rows}
        page_ids |= {proposal_id for _pk, _c, proposal_id in rows if proposal_id}
        visible = public_page_pks(Page, page_ids) if page_ids else set()
        return {
            pk
            for pk, consultation_id, proposal_id in rows
            if consultation_id in visible and (proposal_id is None or proposal_id in visible)
        }

    def keys_by_author(self, user_id: int) -> list[str]:
        comments = self.model_class().objects.filter(author_id=user_id, status__in=self.INDEXED_STATUSES)
        return [f"comment:{pk}" for pk in comments.values_list("pk", flat=True)]

    def keys_by_organisation(self, organisation_id: int) -> list[str]:
        """Official responses carry their organisation's name as the author."""
        comments = self.model_class().objects.filter(
            is_official=True, organisation_id=organisation_id, status__in=self.INDEXED_STATUSES
        )
        return [f"comment:{pk}" for pk in comments.values_list("pk", flat=True)]

    def iter_documents(self, context: Context) -> Iterator[dict]:
        """Oldest first, so a rebuilt database index lies in date order as one written live does:
        newest-first searches then read the table's end, not a page per match scattered across it."""
        rows = (
            self.model_class()
            .objects.filter(status__in=self.INDEXED_STATUSES)
            .order_by("created_at", "pk")
            .values_list(*self.ROW)
            .iterator(chunk_size=self.chunk_size)
        )
        for values in rows:
            row = dict(zip(self.ROW, values, strict=True))
            doc = {"key": f"comment:{row['pk']}", "type": self.name, "object_id": row["pk"]}
            doc.update(self.row_fields(row, self.row_author(row), context))
            yield doc


def register() -> None:
    for doc_type in (ConsultationDocument, ProposalDocument, CommentDocument):
        documents.register(doc_type)
    documents.register_vocabulary("stance", Stance.choices)
    documents.register_titles("consultation", consultation_titles)
