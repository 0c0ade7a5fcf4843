"""Thin views for the issues map, the list, report pages and the three-step report journey."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civic import clientip, pagecache, places
from civic.models import User
from civic.responses import too_often

from . import exports, maps, permissions, services
from .forms import (
    AnonymousReportConfirmForm,
    LocationForm,
    MergeForm,
    PlaceSearchForm,
    ReassignForm,
    ReportConfirmForm,
    ReportDetailsForm,
    ReportFilterForm,
    StatusForm,
)
from .models import IssueCategory, IssueReport, Status

STATUS_FOR_CODE = {"forbidden": 403, "rate_limited": 429}
LINK_STATUS = {"used": 410, "expired": 410, "not_found": 404, "invalid": 404}
PHOTO_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
REPORTS_PER_PAGE = 50
MATCHES_SHOWN = 20


def _filtered(request):
    """The filter form and the public reports it selects (shared by map, list and pins)."""
    form = ReportFilterForm(request.GET or None)
    reports = form.filter(IssueReport.objects.visible())
    query = request.GET.copy()
    query.pop("page", None)
    return form, reports, query.urlencode()


@require_GET
def report_map(request):
    """The issues map; pins come from report_pins with the same filters."""
    pagecache.cacheable(request, exports.REPORTS_SCOPE)
    form, reports, query = _filtered(request)
    pins_url = reverse("mapping:report_pins") + (f"?{query}" if query else "")
    categories = dict(IssueCategory.objects.values_list("slug", "name"))
    rendered = maps.issues_map(pins_url, categories, dict(Status.choices))
    return TemplateResponse(
        request,
        "mapping/report_map.html",
        {
            "filter_form": form,
            "filter_query": query,
            "report_count": reports.count(),
            "map": rendered,
            "map_assets": maps.asset_urls(),
            "statuses": Status.choices,
            "can_report": permissions.can_start_report(request.user),
        },
    )


@require_GET
def report_pins(request):
    """GeoJSON pins for the map, filtered like the page."""
    pagecache.cacheable(request, exports.REPORTS_SCOPE)
    form, reports, query = _filtered(request)
    if form.is_bound and not form.is_valid():
        query = ""  # invalid filters filter nothing, like the page
    return exports.geojson_response(exports.cached_pins(reports, query))


@require_GET
def report_list(request):
    """The table alternative to the map: same reports, same filters."""
    pagecache.cacheable(request, exports.REPORTS_SCOPE)
    form, reports, query = _filtered(request)
    reports = reports.select_related("category", "ward").order_by("-created_at", "-id")
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "mapping/report_list.html",
        {
            "filter_form": form,
            "filter_query": query,
            "reports": page,
            "can_report": permissions.can_start_report(request.user),
        },
    )


def report_detail_context(request, report, **extra) -> dict:
    can_manage = permissions.can_manage_report(request.user, report)
    context = {
        "report": report,
        "history": report.history.select_related("officer").all(),
        "follower_count": affected_count(report),
        "following": request.user.is_authenticated and report.followers.filter(pk=request.user.pk).exists(),
        "can_add_voice": permissions.can_add_voice(request.user, report),
        "can_manage": can_manage,
    }
    if can_manage:
        context.update(  # forms passed in extra (with their errors) replace these blank ones
            status_form=StatusForm(initial={"status": report.status}, prefix="status"),
            merge_form=MergeForm(prefix="merge"),
            reassign_form=ReassignForm(prefix="reassign"),
        )
    context.update(extra)
    return context


def affected_count(report: IssueReport) -> int:
    """People affected: those who follow the report and its reporter, whether or not they follow it."""
    people = User.objects.filter(Q(followed_reports=report) | Q(pk=report.reporter_id))
    return people.values("pk").distinct().count()


def visible_report_or_404(request, report_id: int, queryset=None) -> IssueReport:
    """A report this person may see; hidden and merged ones are unknown to the public (404)."""
    report = get_object_or_404(queryset if queryset is not None else IssueReport.objects, pk=report_id)
    if not permissions.can_see_report(request.user, report):
        raise Http404("No such report")
    return report


@require_GET
def report_detail(request, report_id: int):
    pagecache.cacheable(request, exports.REPORTS_SCOPE)
    queryset = IssueReport.objects.select_related("category", "organisation", "ward", "duplicate_of")
    report = get_object_or_404(queryset, pk=report_id)
    if not permissions.can_see_report(request.user, report):
        original = report.duplicate_of
        if report.hidden_at is None and original is not None and original.is_visible:
            return redirect(original.get_absolute_url())  # a merged report's link leads to the original
        raise Http404("No such report")
    return TemplateResponse(request, "mapping/report_detail.html", report_detail_context(request, report))


@require_GET
def report_photo(request, report_id: int):
    """A report's photo, served only while the report is visible to this person."""
    report = visible_report_or_404(request, report_id)
    if not report.photo:
        raise Http404("No photo")
    try:
        handle = report.photo.open("rb")
    except FileNotFoundError:
        raise Http404("No photo") from None
    kind = PHOTO_TYPES.get((report.photo.name or "").rsplit(".", 1)[-1].lower(), "application/octet-stream")
    response = FileResponse(handle, content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Content-Disposition"] = "inline"
    # Public, but revalidated: a photo hidden with its report must not live on in shared caches.
    response["Cache-Control"] = "public, max-age=300" if report.is_visible else "private, no-store"
    return response


@require_POST
def add_voice(request, report_id: int):
    """'Add your voice': follow an existing report instead of making a duplicate."""
    return _follow(request, report_id, follow=True)


@require_POST
def follow_report(request, report_id: int):
    """Follow (add your voice) or stop following a report from a plain form (no JavaScript needed)."""
    return _follow(request, report_id, follow=request.POST.get("action") != "unfollow")


def _follow(request, report_id: int, *, follow: bool):
    report = visible_report_or_404(request, report_id)
    if not request.user.is_authenticated:
        return redirect_to_login(report.get_absolute_url())
    back = (  # the account page's list of what the person follows, or the report's own button
        f"{reverse('profile')}#following-heading"
        if request.POST.get("next") == "profile"
        else f"{report.get_absolute_url()}#follow"
    )
    try:
        if follow:
            changed = services.add_voice(user=request.user, report=report)
        else:
            changed = services.unfollow_report(user=request.user, report=report)
    except services.ReportError as exc:
        if exc.code == "rate_limited":
            return too_often(
                request,
                exc.message,
                back_url=back,
                back_label=_("Back to report #%(number)s") % {"number": report.pk},
            )
        messages.error(request, exc.message)
        return redirect(back)
    if follow and changed:
        messages.success(request, _("Thank you. Your voice is added: we will tell you when it changes."))
    elif follow:
        messages.info(request, _("You already follow this report."))
    else:
        messages.success(request, _("You no longer follow report #%(number)s.") % {"number": report.pk})
    return redirect(back)


# The report journey: 1 where, 2 what, 3 check and send. Each step works without JavaScript.


def _guard_reporter(request):
    """None when the person may report (with an account, or without one); otherwise the response."""
    decision = permissions.can_start_report(request.user)
    if not decision:
        return TemplateResponse(
            request, "mapping/cannot_report.html", {"reason": decision.reason}, status=403
        )
    return None


def _step(request, template, status=200, **context):
    context.setdefault("map_assets", maps.asset_urls())
    return TemplateResponse(request, template, context, status=status)


def report_new(request):
    """Step 1: where is the problem? Map (with JavaScript), postcode or place search, or coordinates."""
    refused = _guard_reporter(request)
    if refused:
        return refused
    search_form = PlaceSearchForm(request.GET if "q" in request.GET else None)
    location_form = LocationForm(
        request.GET if "latitude" in request.GET or "longitude" in request.GET else None
    )
    matches = None
    status = 200
    if search_form.is_bound:
        if search_form.is_valid():
            matches = places.find_places(search_form.cleaned_data["q"], limit=MATCHES_SHOWN)
        else:
            status = 400
    if location_form.is_bound:
        if location_form.is_valid():
            data = location_form.cleaned_data
            params = {
                "latitude": data["latitude"],
                "longitude": data["longitude"],
                "place": data.get("place", ""),
            }
            return redirect(reverse("mapping:report_details") + "?" + urlencode(params))
        status = 400
    return _step(
        request,
        "mapping/report_new_location.html",
        status=status,
        search_form=search_form,
        location_form=location_form,
        matches=matches,
        map=maps.picker_map("id_latitude", "id_longitude"),
    )


def report_details(request):
    """Step 2: what is the problem? The location travels in hidden fields."""
    refused = _guard_reporter(request)
    if refused:
        return refused
    if request.method == "POST":
        form = ReportDetailsForm(request.POST)
        if form.is_valid():
            return _confirm_page(
                request, _confirm_form(request, initial=_carry(form.cleaned_data)), form.cleaned_data
            )
        if {"latitude", "longitude"} & set(form.errors):
            return redirect(reverse("mapping:report_new") + "?" + urlencode(_location_params(request.POST)))
        return _step(
            request, "mapping/report_new_details.html", status=400, form=form, place=request.POST.get("place")
        )
    location = LocationForm(request.GET)
    if not location.is_valid():
        return redirect(reverse("mapping:report_new") + "?" + urlencode(_location_params(request.GET)))
    data = location.cleaned_data
    form = ReportDetailsForm(
        initial={"latitude": data["latitude"], "longitude": data["longitude"], "place": data.get("place", "")}
    )
    return _step(
        request,
        "mapping/report_new_details.html",
        form=form,
        place=data.get("place"),
        located=data["located"],
    )


def _location_params(source) -> dict:
    return {k: source.get(k, "") for k in ("latitude", "longitude", "place") if source.get(k)}


def _carry(data) -> dict:
    return {
        "latitude": data["latitude"],
        "longitude": data["longitude"],
        "place": data.get("place", ""),
        "category": data["category"].slug,
        "title": data["title"],
        "description": data["description"],
    }


def _confirm_form(request, *args, **kwargs):
    """Step 3's form: without an account it also asks for a name and an email address."""
    if permissions.reports_without_account(request.user):
        return AnonymousReportConfirmForm(*args, **kwargs)
    return ReportConfirmForm(*args, **kwargs)


def _confirm_page(request, form, data, status=200):
    located = data["located"]
    return _step(
        request,
        "mapping/report_new_confirm.html",
        status=status,
        form=form,
        data=data,
        located=located,
        nearby=services.nearby_open(data["category"], located.latitude, located.longitude),
        details_url=reverse("mapping:report_details") + "?" + urlencode(_location_params(data)),
        without_account=permissions.reports_without_account(request.user),
    )


@require_POST
def report_confirm(request):
    """Step 3: check, optionally add a photo, and send."""
    refused = _guard_reporter(request)
    if refused:
        return refused
    form = _confirm_form(request, request.POST, request.FILES)
    if not form.is_valid():
        fields = {"latitude", "longitude", "category", "title", "description"}
        if fields & set(form.errors) or "located" not in form.cleaned_data:
            details = ReportDetailsForm(request.POST)
            details.is_valid()
            return _step(request, "mapping/report_new_details.html", status=400, form=details)
        return _confirm_page(request, form, form.cleaned_data, status=400)
    data = form.cleaned_data
    contact = None
    if permissions.reports_without_account(request.user):
        contact = services.Contact(
            name=data["name"], email=data["email"], address=clientip.for_request(request)
        )
    try:
        report = services.create_report(
            reporter=request.user if request.user.is_authenticated else None,
            contact=contact,
            category=data["category"],
            title=data["title"],
            description=data["description"],
            latitude=data["located"].latitude,
            longitude=data["located"].longitude,
            location_text=data.get("place", ""),
            photo=data.get("photo"),
        )
    except services.ReportError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _confirm_page(request, form, data, status=STATUS_FOR_CODE.get(exc.code, 400))
    if report.awaiting_confirmation:
        return redirect("mapping:report_check_email")
    messages.success(
        request,
        _("Thank you. Your report #%(number)s has been sent to %(organisation)s.")
        % {"number": report.pk, "organisation": report.organisation.name},
    )
    return redirect(report.get_absolute_url())


@require_GET
def report_check_email(request):
    """After sending without an account: the report waits for the emailed link."""
    return TemplateResponse(
        request,
        "mapping/report_check_email.html",
        {"hours": settings.REPORT_CONFIRMATION_HOURS},
    )


@require_http_methods(["GET", "POST"])
def confirm_report(request, token: str):
    """The emailed link: GET shows a button (mail scanners open links), POST publishes the report."""
    try:
        report = services.report_for_token(token)
        if request.method == "POST":
            report = services.confirm_report(token=token)
            messages.success(
                request,
                _("Thank you. Your report #%(number)s is published and sent to %(organisation)s.")
                % {"number": report.pk, "organisation": report.organisation.name},
            )
            return redirect(report.get_absolute_url())
    except services.ReportError as exc:
        return TemplateResponse(
            request,
            "mapping/report_link_problem.html",
            {"problem": exc.code, "message": exc.message, "hours": settings.REPORT_CONFIRMATION_HOURS},
            status=LINK_STATUS.get(exc.code, 400),
        )
    return TemplateResponse(request, "mapping/report_confirm_link.html", {"report": report, "token": token})
