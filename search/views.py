"""Site search (public, published pages only) and officer search (staff, every contribution)."""

import math
import re
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_POST

from civic import roles, twofactor
from civic.exports import stream_csv
from civic.models import Organisation

from . import permissions, public, services
from .engines import elasticsearch_enabled, iter_hits, run_search
from .engines.facets import FACET_TITLES
from .forms import KNOWN_PARAMETERS, OfficerSearchForm, SavedSearchForm, clean_query_string
from .indexing import retry_pending
from .models import PendingUpdate, SavedSearch
from .query import MAX_RESULTS, PAGE_SIZE

MAX_QUERY_LENGTH = 200
PAGE_NUMBER = re.compile(r"-?[0-9]+")
EXPORT_LIMIT = MAX_RESULTS


def site_search(request):
    """Public pages and the published contributions on them (search.public): never drafts,
    restricted pages, pages under them, or contributions waiting for or removed by moderation."""
    query = (request.GET.get("q") or "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Search for %(max)s characters or fewer.") % {"max": MAX_QUERY_LENGTH}
    elif query:
        results = Paginator(public.search(query), 10).get_page(request.GET.get("page"))
    context = {"query": query, "results": results, "error": error, "page_query": urlencode({"q": query})}
    return render(request, "search/site_search.html", context)


def staff_only(view):
    """Anonymous visitors go to sign in; signed-in people who are not staff get 403."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if roles.is_staff_member(request.user) and twofactor.needs_second_factor(request.user):
            return twofactor.send_to_second_factor(request)
        if not permissions.can_use_officer_search(request.user):
            raise PermissionDenied(_("Officer search is for council and partner staff."))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _page_number(raw: str | None, notices: list[str]) -> int:
    raw = (raw or "").strip()
    if not raw:
        return 1
    if not PAGE_NUMBER.fullmatch(raw):  # ASCII digits only, and no 5,000-digit int() to parse
        notices.append(_("Page numbers are whole numbers. Showing the first page."))
        return 1
    page = int(raw) if len(raw) <= 12 else MAX_RESULTS + 1 if raw[0] != "-" else 0
    if page < 1:
        notices.append(_("Page numbers start at 1. Showing the first page."))
        return 1
    last_allowed = MAX_RESULTS // PAGE_SIZE
    if page > last_allowed:
        notices.append(
            _("Only the first %(max)s results can be paged through. Narrow your search to see the rest.")
            % {"max": f"{MAX_RESULTS:,}"}
        )
        return last_allowed
    return page


def _query_without(params: QueryDict, *names) -> str:
    query = params.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


class ResultPage:
    """Enough of a Paginator page for includes/_pagination.html."""

    def __init__(self, number: int, total: int, page_size: int = PAGE_SIZE):
        self.number = number
        self.paginator = type(
            "P", (), {"num_pages": max(1, math.ceil(min(total, MAX_RESULTS) / page_size))}
        )()

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.paginator.num_pages

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


@staff_only
def officer_search(request):
    """Every contribution, with facets, highlights and the engine's fallback notice."""
    notices: list[str] = []
    unknown = sorted(set(request.GET) - KNOWN_PARAMETERS)
    if unknown:
        notices.append(
            ngettext(
                "Ignored unknown filter: %(names)s.", "Ignored unknown filters: %(names)s.", len(unknown)
            )
            % {"names": ", ".join(unknown)}
        )
    form = OfficerSearchForm(request.GET)
    context = {"form": form, "notices": notices, "result": None, "fallback_notice": ""}
    if form.is_valid():
        page = _page_number(request.GET.get("page"), notices)
        within = permissions.searchable_organisations(request.user)
        result, fallback = run_search(form.search_request(page, within_organisations=within))
        pages = max(1, math.ceil(min(result.pageable, MAX_RESULTS) / PAGE_SIZE))
        if page > pages and result.total:
            notices.append(
                ngettext(
                    "There is only %(count)s page of results. Showing the last page.",
                    "There are only %(count)s pages of results. Showing the last page.",
                    pages,
                )
                % {"count": f"{pages:,}"}
            )
            result, fallback = run_search(form.search_request(pages, within_organisations=within))
            page = pages
        elif page > 1 and not result.total:
            page = 1
        context.update(
            result=result,
            fallback_notice=fallback,
            page_obj=ResultPage(page, result.pageable),
            facet_groups=[(name, FACET_TITLES[name], values) for name, values in result.facets.items()],
            first_number=(page - 1) * PAGE_SIZE + 1,
        )
        if elasticsearch_enabled() and not fallback:
            _retry_missed_updates()
    query = _query_without(request.GET, "page")
    context.update(
        page_query=query,
        export_url=f"{reverse('search:export')}?{query}",
        export_limit=EXPORT_LIMIT,
        saved_searches=SavedSearch.objects.filter(owner=request.user),
        save_form=SavedSearchForm(initial={"query": query}),
    )
    return render(request, "search/officer_search.html", context, status=200)


def _retry_missed_updates() -> None:
    """The server answers again: let the task queue send it what it missed."""
    if PendingUpdate.objects.exists():
        retry_pending.enqueue()


CSV_COLUMNS = [
    "type", "title", "text", "consultation", "organisations", "ward", "stance", "moderation_state",
    "author", "created", "url", "language",
]  # fmt: skip


CSV_HEADER = {  # the header in the officer's language (English: the column names)
    "type": pgettext_lazy("search CSV column", "type"),
    "title": pgettext_lazy("search CSV column", "title"),
    "text": pgettext_lazy("search CSV column", "text"),
    "consultation": pgettext_lazy("search CSV column", "consultation"),
    "organisations": pgettext_lazy("search CSV column", "organisations"),
    "ward": pgettext_lazy("search CSV column", "ward"),
    "stance": pgettext_lazy("search CSV column", "stance"),
    "moderation_state": pgettext_lazy("search CSV column", "moderation_state"),
    "author": pgettext_lazy("search CSV column", "author"),
    "created": pgettext_lazy("search CSV column", "created"),
    "url": pgettext_lazy("search CSV column", "url"),
    "language": pgettext_lazy("search CSV column", "language"),
}


@staff_only
def export_csv(request):
    """The result set as CSV (up to 10,000 rows; a capped relevance search: its ranked window), in
    the order shown on the page."""
    form = OfficerSearchForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Fix the search before exporting it."))
        return redirect(f"{reverse('search:officer')}?{clean_query_string(request.GET.urlencode())}")
    search = form.search_request(within_organisations=permissions.searchable_organisations(request.user))
    organisations = dict(Organisation.objects.values_list("pk", "name"))
    base = request.build_absolute_uri("/").rstrip("/")

    def rows():
        for hit in iter_hits(search, EXPORT_LIMIT):
            yield [
                hit.type,
                hit.title,
                hit.text,
                hit.consultation_title,
                "; ".join(organisations.get(pk, str(pk)) for pk in hit.organisation_ids),
                hit.ward,
                hit.stance,
                hit.moderation_state,
                hit.author,
                hit.created.isoformat() if hit.created else "",
                base + hit.url if hit.url.startswith("/") else hit.url,
                hit.language,
            ]

    return stream_csv(
        [str(CSV_HEADER[name]) for name in CSV_COLUMNS],
        rows(),
        f"civic-search-{timezone.localtime().strftime('%Y%m%d-%H%M')}.csv",
    )


@staff_only
@require_POST
def save_search(request):
    """Save (or update, by name) the current search for this officer."""
    form = SavedSearchForm(request.POST)
    query = clean_query_string(request.POST.get("query", ""))
    if not form.is_valid():
        if "name" in form.errors:
            messages.error(request, _("Give the search a name of 80 characters or fewer to save it."))
        else:
            messages.error(request, " ".join(form.errors.get("query", [])))
        return redirect(f"{reverse('search:officer')}?{query}")
    query = form.cleaned_data["query"]
    services.save_search(owner=request.user, name=form.cleaned_data["name"], query=query)
    messages.success(request, _("Saved “%(name)s”.") % {"name": form.cleaned_data["name"]})
    return redirect(f"{reverse('search:officer')}?{query}")


@staff_only
@require_POST
def delete_saved_search(request, pk: int):
    saved = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    services.delete_saved_search(owner=request.user, saved=saved)
    messages.success(request, _("Deleted the saved search “%(name)s”.") % {"name": saved.name})
    return redirect("search:officer")
