"""Bilingual content: Wagtail pages in each language as translations, made with wagtail-localize."""

import copy
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import get_language

from civic import languages


def accept_translation_editor_forms() -> None:
    """wagtail-localize's editor saves each string as a form upload; Civic's API accepts only JSON,
    so its two editor endpoints get the form parsers back (they check the editor's session and CSRF)."""
    from rest_framework.parsers import FormParser, MultiPartParser
    from wagtail_localize.views import edit_translation

    for view in (edit_translation.edit_string_translation, edit_translation.edit_override):
        view_class: Any = view.cls  # set by DRF's as_view()
        view_class.parser_classes = [FormParser, MultiPartParser]


_locale_ids: dict[str, int | None] = {}


def locale_id_for(language: str | None = None) -> int | None:
    """The Wagtail locale of a language (the active one by default), or None: looked up once per
    process, as locales are made by migrations and never change."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    try:
        code = get_supported_content_language_variant(language or get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return None
    if code not in _locale_ids:  # every locale in one query: a Welsh page needs English's too
        _locale_ids.update(Locale.objects.values_list("language_code", "pk"))
        _locale_ids.setdefault(code, None)
    return _locale_ids[code]


def default_locale_id() -> int | None:
    """The default language's Wagtail locale."""
    return locale_id_for(settings.LANGUAGE_CODE)


def remembered(name: str, compute: Callable[[], Any]) -> Any:
    """A fact about the page tree (a page's translations, its canonical page) kept in the pages cache
    until any page is published, moved or deleted (the site-wide version): a warm Welsh page then costs
    no more queries than the English one. Computed every time while the page cache is off."""
    from civic import pagecache

    version = pagecache.fragment_key(extra=name)
    if not version:
        return compute()
    key = pagecache.part_key(version)
    found = pagecache.get_part(key)
    if found is not None:
        return found[0]
    value = compute()
    pagecache.set_part(key, (value,))  # a tuple, so a remembered None is found too
    return value


def language_code_of(page: Any) -> str:
    """A page's locale's language code, from the locales remembered above (no query for the usual ones)."""
    default_locale_id()
    for code, pk in _locale_ids.items():
        if pk is not None and pk == page.locale_id:
            return code
    return str(page.locale.language_code)


class Translatable:
    """A page whose translations share one identity: the default language's page ("canonical")
    owns everything residents add (comments, votes, follows, live stream, ids in addresses)."""

    # Fields that are the same in every language: a reading copy takes them from the canonical page.
    shared_fields: tuple[str, ...] = ()

    @cached_property
    def canonical(self) -> Any:
        """The default language's translation of this page, or the page itself (it is that page,
        or it has no translation in the default language)."""
        page: Any = self
        if page.locale_id == default_locale_id():
            return self
        model = type(page)
        found = remembered(
            f"canonical:{model._meta.label}:{page.translation_key}",
            lambda: model.objects.filter(
                translation_key=page.translation_key, locale_id=default_locale_id()
            ).first(),
        )
        return found or self

    def get_view_restrictions(self) -> Any:
        """Wagtail's check, in one query however many ancestors are aliases (a translated tree's
        parents are aliases of the English ones): Wagtail loads each alias's source page apart."""
        from wagtail.models import PageViewRestriction

        page: Any = self
        ids = {page.alias_of_id or page.pk}
        for page_id, alias_of_id in page.get_ancestors().values_list("id", "alias_of_id"):
            ids.add(alias_of_id or page_id)  # an alias's source is never itself an alias
        return PageViewRestriction.objects.filter(page_id__in=ids)

    @property
    def is_translation(self) -> bool:
        """A page in another language than its canonical page (a reading copy is one too)."""
        return getattr(self, "locale_id", None) != default_locale_id() and self.canonical is not self

    def reading_copy(self) -> Any:
        """This page's words with its canonical page's identity (id, dates, ownership): what a
        translation renders, so its forms, counts and live stream are the canonical page's."""
        canonical = self.canonical
        if canonical is self:
            return self
        page: Any = copy.copy(self)
        page.__dict__.pop("_prefetched_objects_cache", None)
        page.pk = page.id = page.page_ptr_id = canonical.pk
        for name in self.shared_fields:
            setattr(page, name, getattr(canonical, name))
        page.__dict__["canonical"] = canonical
        return page


LOCALIZED_FIELDS = ("title", "url_path", "slug", "proposed_change", "location_name", "summary")


def localize(pages: list[Any], locale_id: int) -> list[Any]:
    """Canonical pages as listed in a language: each one's title, address and words from its
    translation in that locale where there is a live one (one query per page type); ids stay."""
    if locale_id == default_locale_id() or not pages:
        return pages
    by_model: dict[Any, list[Any]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        own = {field.attname for field in model._meta.concrete_fields}
        fields = [name for name in LOCALIZED_FIELDS if name in own]
        translations = {
            t.translation_key: t
            for t in model.objects.filter(
                translation_key__in=[p.translation_key for p in group], locale_id=locale_id
            )
            .live()
            .only("translation_key", *fields)
        }
        for page in group:
            found = translations.get(page.translation_key)
            if found is None:
                continue
            for name in fields:
                if name in found.__dict__:
                    page.__dict__[name] = found.__dict__[name]
    return pages


def in_language(page: Any, language: str | None = None) -> Any:
    """The page's live translation in the reader's language (the active one), or the page itself."""
    locale_id = locale_id_for(language)
    if locale_id is None or page.locale_id == locale_id:
        return page
    found = (
        type(page).objects.filter(translation_key=page.translation_key, locale_id=locale_id).live().first()
    )
    return found if found is not None else page


def url_for_reader(page: Any) -> str:
    """Where to send a reader back to: the page in their language, or its address under their
    language's prefix (the untranslated page with a note)."""
    shown = in_language(page)
    url = str(shown.url)
    if shown is not page:
        return url
    reader = get_language()
    with translation.override(language_code_of(page)):  # resolve the page's own address, then re-prefix it
        return str(translate_url(url, reader))


def serve_untranslated(page: Any, request: Any, args: Any, kwargs: Any) -> Any:
    """A page served in another language than its own (no translation yet): the page as it is,
    its content marked as its language, under a note in the reader's language (not a 404)."""
    active = locale_id_for()
    if active is None or active == page.locale_id:
        return None
    response = page.serve(request, *args, **kwargs)
    if getattr(response, "is_rendered", True) or not hasattr(response, "template_name"):
        return response  # a redirect or a view's own response
    response.context_data = {
        **(response.context_data or {}),
        "untranslated_template": response.template_name,
        "untranslated_lang": languages.html_lang(page.locale.language_code),
    }
    response.template_name = "civic/untranslated_page.html"
    return response
