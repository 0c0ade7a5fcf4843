"""The admin report of pages not yet translated: officers see what still needs a translation."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from . import roles
from .bilingual import default_locale_id
from .twofactor import staff_second_factor_required


def can_see_missing_translations(user: Any) -> bool:
    """Officers, moderators and administrators: the people who publish pages."""
    return roles.has_staff_powers(user)


def missing_translations() -> list[dict[str, Any]]:
    """For each language but the default, the live pages with no translation in it (a query each)."""
    default = default_locale_id()
    found = []
    for locale in Locale.objects.exclude(pk=default).order_by("language_code"):
        translated = Page.objects.filter(locale=locale).values("translation_key")
        pages = (
            Page.objects.live()
            .filter(locale_id=default, depth__gt=1, alias_of__isnull=True)
            .exclude(translation_key__in=translated)
            .select_related("content_type")
            .order_by("path")
        )
        name = get_language_info(locale.language_code)["name_translated"]
        found.append({"locale": locale, "name": name, "pages": list(pages)})
    return found


@require_GET
@staff_second_factor_required
def missing_translations_report(request: HttpRequest) -> HttpResponse:
    """Pages without a translation, per language, with links to translate or edit each one."""
    if not can_see_missing_translations(request.user):
        raise PermissionDenied
    languages = missing_translations()
    for language in languages:
        for page in language["pages"]:
            page.kind = page.content_type.model_class()._meta.verbose_name if page.content_type else ""
            page.translate_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            page.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    title = _("Pages without a translation")
    return TemplateResponse(
        request,
        "civic/admin/missing_translations.html",
        {"page_title": title, "header_title": title, "header_icon": "globe", "languages": languages},
    )
