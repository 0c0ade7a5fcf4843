"""Officer actions on reports: status with a public note, merge, reassign, the work list and exports."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from civic import roles
from civic.twofactor import staff_second_factor_required

from . import exports, permissions, services
from .forms import MergeForm, ReassignForm, ReportFilterForm, StatusForm
from .models import IssueReport
from .views import STATUS_FOR_CODE, report_detail_context


def _report_for_officer(request, report_id):
    report = get_object_or_404(
        IssueReport.objects.select_related("category", "organisation", "ward", "duplicate_of"), pk=report_id
    )
    if not permissions.can_manage_report(request.user, report):
        raise PermissionDenied(_("Only officers of the responsible organisation can change this report."))
    return report


def _rerender(request, report, status, **forms):
    context = report_detail_context(request, report, **forms)
    return TemplateResponse(request, "mapping/report_detail.html", context, status=status)


def _handle(request, report, form_name, form, action):
    if not form.is_valid():
        return _rerender(request, report, 400, **{form_name: form})
    try:
        action(form.cleaned_data)
    except services.ReportError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _rerender(request, report, STATUS_FOR_CODE.get(exc.code, 400), **{form_name: form})
    return None


@staff_second_factor_required
@require_POST
def update_status(request, report_id: int):
    report = _report_for_officer(request, report_id)
    form = StatusForm(request.POST, prefix="status")

    def act(data):
        services.change_status(officer=request.user, report=report, status=data["status"], note=data["note"])

    failed = _handle(request, report, "status_form", form, act)
    if failed:
        return failed
    messages.success(request, _("Status updated. The reporter and followers will get an email."))
    return redirect(report.get_absolute_url())


@staff_second_factor_required
@require_POST
def merge_report(request, report_id: int):
    report = _report_for_officer(request, report_id)
    form = MergeForm(request.POST, prefix="merge")

    def act(data):
        into = IssueReport.objects.filter(pk=data["into"]).select_related("organisation").first()
        if into is None:
            raise services.ReportError(
                _("There is no report #%(number)s.") % {"number": data["into"]}, field="into"
            )
        services.merge_duplicate(officer=request.user, report=report, into=into, note=data["note"])

    failed = _handle(request, report, "merge_form", form, act)
    if failed:
        return failed
    messages.success(
        request,
        _("Report #%(number)s merged into #%(into)s.")
        % {"number": report.pk, "into": form.cleaned_data["into"]},
    )
    return redirect(report.get_absolute_url())


@staff_second_factor_required
@require_POST
def reassign_report(request, report_id: int):
    report = _report_for_officer(request, report_id)
    form = ReassignForm(request.POST, prefix="reassign")

    def act(data):
        services.reassign(
            officer=request.user,
            report=report,
            category=data["category"],
            organisation=data["organisation"],
            note=data["note"],
        )

    failed = _handle(request, report, "reassign_form", form, act)
    if failed:
        return failed
    messages.success(request, _("Report reassigned."))
    return redirect(report.get_absolute_url())


@staff_second_factor_required
@require_POST
def hide_report(request, report_id: int):
    """Hide a report from the public (or show it again); officers still find it at its address."""
    report = _report_for_officer(request, report_id)
    hidden = request.POST.get("hidden") == "1"
    services.set_hidden(officer=request.user, report=report, hidden=hidden)
    done = _("Report hidden from the public.") if hidden else _("Report shown to the public again.")
    messages.success(request, done)
    return redirect(report.get_absolute_url())


def _officer_reports(request):
    if not request.user.is_authenticated:
        return None, None, None
    if not permissions.can_export_reports(request.user):
        raise PermissionDenied(_("Only officers and councillors can see the report work list."))
    form = ReportFilterForm(request.GET or None)
    reports = form.filter(IssueReport.objects.visible())  # hidden and merged text leaves exports too
    if request.GET.get("mine") == "1" and not roles.is_admin(request.user):
        reports = reports.filter(organisation_id=request.user.organisation_id)
    query = request.GET.copy()
    query.pop("page", None)
    return form, reports, query.urlencode()


@staff_second_factor_required
@require_GET
def manage_reports(request):
    """The officer work list: filter by ward, category, status and age; export what you see."""
    form, reports, query = _officer_reports(request)
    if form is None:
        return redirect_to_login(request.get_full_path())
    reports = reports.select_related("category", "ward", "organisation").order_by("created_at", "id")
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "mapping/report_manage.html",
        {"filter_form": form, "filter_query": query, "reports": page, "mine": request.GET.get("mine") == "1"},
    )


@staff_second_factor_required
@require_GET
def export_csv(request):
    form, reports, _query = _officer_reports(request)
    if form is None:
        return redirect_to_login(request.get_full_path())
    return exports.csv_response(reports)


@staff_second_factor_required
@require_GET
def export_geojson(request):
    form, reports, _query = _officer_reports(request)
    if form is None:
        return redirect_to_login(request.get_full_path())
    return exports.geojson_response(exports.export_geojson(reports), filename="reports.geojson")
