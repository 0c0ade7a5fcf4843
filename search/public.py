"""The residents' site search: public pages and the published contributions on them (comments,
proposals, consultations, issue reports), through the same engines and stemming as officer search.

Each kind of contribution is registered by its feature (DocumentType.public) and says itself which
of its objects the public may read now (public_pks): every hit is checked against the database, so
pending, hidden or removed comments, anything on a draft or private page, and hidden or merged
reports never appear, even while the index lags behind.

Both languages' pages are indexed, but a page and its translations are one result: the reader's
language's translation where there is a public one, else the default language's page."""

import re
from dataclasses import dataclass, replace
from datetime import datetime

from django.utils.translation import gettext
from wagtail.models import Page

from civic import bilingual, languages
from civic.pages import public_pages

from . import documents
from .engines import iter_hits
from .query import MAX_TERMS, WORD, ParsedQuery, SearchRequest, plain

MAX_CONTRIBUTIONS = 200  # the most relevant contributions a public search lists
MAX_PAGES = 50
SNIPPET_CHARS = 240


@dataclass(frozen=True)
class PublicResult:
    """One result as the public page shows it: no personal data beyond a public name."""

    title: str
    url: str
    kind: str
    snippet: str
    author: str = ""
    created: datetime | None = None
    language: str = ""  # the language the snippet's text is in, when known (a contribution's)
    page_id: int | None = None  # a Wagtail page's id: the page and its translations are one result


def words_of(text: str) -> tuple[str, ...]:
    """Plain words only: quotes and operator syntax never reach an engine from the public page."""
    return tuple(dict.fromkeys(word.lower() for word in WORD.findall(text)))[:MAX_TERMS]


def search(text: str) -> list[PublicResult]:
    """Contributions (most relevant first), then public pages the page search finds that the
    contribution index does not (yet) hold, so nothing the page search found before is lost."""
    words = words_of(text)
    if not words:
        return []
    found, keys = contributions(words)
    return in_reader_language([*found, *pages(words, skip=keys)])


def contributions(words: tuple[str, ...]) -> tuple[list[PublicResult], set[str]]:
    names = tuple(doc_type.name for doc_type in documents.public_types())
    if not names:
        return [], set()
    request = SearchRequest(query=ParsedQuery(terms=words), types=names, moderation_states=("published",))
    hits = list(iter_hits(request, MAX_CONTRIBUTIONS))
    public = documents.public_keys(hit.key for hit in hits)
    page_types = {
        doc_type.name for doc_type in documents.public_types() if issubclass(doc_type.model_class(), Page)
    }
    results = [
        PublicResult(
            title=plain(hit.title),
            url=hit.url,
            kind=hit.type_label,
            snippet=snippet(plain(hit.text), words),
            author=hit.author,
            created=hit.created,
            language=hit.language,
            page_id=documents.split_key(hit.key)[1] if hit.type in page_types else None,
        )
        for hit in hits
        if hit.key in public
    ]
    return results, public


def pages(words: tuple[str, ...], *, skip: set[str]) -> list[PublicResult]:
    """Public pages from Wagtail's page search, leaving out those already found as contributions."""
    found = public_pages(Page.objects.all()).specific().search(" ".join(words))[:MAX_PAGES]
    results = []
    for page in found:
        doc_type = documents.for_model(type(page))
        if doc_type is not None and f"{doc_type.name}:{page.pk}" in skip:
            continue
        results.append(page_result(page))
    return results


def page_result(page, language: str = "") -> PublicResult:
    doc_type = documents.for_model(type(page))
    return PublicResult(
        title=page.title,
        url=page.url or "",
        kind=str(doc_type.label) if doc_type else gettext("Page"),
        snippet=getattr(page, "summary", "") or page.search_description,
        language=language,
        page_id=page.pk,
    )


def in_reader_language(results: list[PublicResult]) -> list[PublicResult]:
    """Each page once, where its first version was found: as its public translation in the reader's
    language, else as the default language's page (else as found). A few queries for the whole list."""
    ids = {result.page_id for result in results if result.page_id}
    if not ids:
        return results
    found = {
        pk: (key, locale)
        for pk, key, locale in Page.objects.filter(pk__in=ids).values_list(
            "pk", "translation_key", "locale_id"
        )
    }
    reader, default = bilingual.locale_id_for(), bilingual.default_locale_id()
    language_of = {reader: languages.active(), default: languages.default()}
    keys = [key for key, _locale in found.values()]
    if len(set(keys)) == len(keys) and all(locale == reader for _key, locale in found.values()):
        # Every page is already in the reader's language and none is another's translation (the usual
        # English search): nothing to swap, so no more queries.
        return [
            replace(result, language=result.language or language_of.get(reader, ""))
            if result.page_id in found
            else result
            for result in results
        ]
    preferred = [locale for locale in dict.fromkeys((reader, default)) if locale is not None]
    versions: dict[object, dict[int, Page]] = {}
    candidates = Page.objects.filter(
        translation_key__in={key for key, _locale in found.values()}, locale_id__in=preferred
    )
    for page in public_pages(candidates).specific():
        versions.setdefault(page.translation_key, {})[page.locale_id] = page
    shown: list[PublicResult] = []
    seen: set[object] = set()
    for result in results:
        if result.page_id not in found:
            shown.append(result)
            continue
        key, locale = found[result.page_id]
        if key in seen:
            continue
        seen.add(key)
        available = versions.get(key, {})
        chosen = next((available[wanted] for wanted in preferred if wanted in available), None)
        if chosen is None or chosen.pk == result.page_id:
            shown.append(replace(result, language=result.language or language_of.get(locale, "")))
        else:
            shown.append(page_result(chosen, language_of[chosen.locale_id]))
    return shown


def snippet(text: str, words: tuple[str, ...]) -> str:
    """About SNIPPET_CHARS of the text around the first searched word (plain text, escaped later)."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(word[:4]) for word in words) + r")", re.IGNORECASE)
    match = pattern.search(text)
    start = max(0, (match.start() if match else 0) - SNIPPET_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + SNIPPET_CHARS
    cut = text[start:end].rsplit(" ", 1)[0] if end < len(text) else text[start:]
    return ("… " if start else "") + cut + (" …" if end < len(text) else "")
