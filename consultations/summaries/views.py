"""Summary pages: the feedback summary, theme editing, responses, and exports (print, PDF, CSV)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from civic.converters import parse_id
from civic.exports import stream_csv
from civic.links import absolute
from civic.models import Area
from civic.twofactor import staff_second_factor_required

from .. import permissions as consultation_permissions
from ..models import Comment, ConsultationPage, ProposalPage
from . import services
from .figures import SUPPRESS_BELOW, build_summary, people_counts, ward_has_enough_people
from .forms import MergeThemeForm, RenameThemeForm, ResponseForm, WardFilterForm
from .models import Theme
from .permissions import can_edit_summary, can_view_summary, is_councillor, readable_summaries

SUMMARIES_PER_PAGE = 20
SURVEY_ANSWERS_SHOWN = 100  # a theme's strongest free-text survey answers; each links to itself


def _consultation(request, page_id: int, *, edit: bool = False) -> ConsultationPage:
    """The consultation if this person may see (or edit) its summary; 404 or 403 otherwise."""
    consultation = get_object_or_404(
        ConsultationPage.objects.select_related("lead_organisation").prefetch_related(
            "partner_organisations"
        ),
        pk=page_id,
    )
    if not consultation_permissions.can_view_page(request.user, consultation, session=request.session):
        raise Http404("No such consultation")
    if edit:
        allowed = can_edit_summary(request.user, consultation)
    else:
        allowed = can_view_summary(request.user, consultation, session=request.session)
    if not allowed:
        raise PermissionDenied("The summary is published with the results.")
    return consultation


def summary_url(consultation_id: int) -> str:
    return reverse("consultations:summaries:summary", args=[consultation_id])


def _my_ward(user):
    if not is_councillor(user):
        return None
    link = getattr(user, "ward_councillor", None)
    return link.ward if link else None


def _summary_context(request, consultation) -> dict:
    my_ward = _my_ward(request.user)
    wards = list(Area.objects.filter(kind=Area.Kind.WARD).order_by("name"))
    slug = request.GET.get("ward")
    ward_fallback = None
    if slug is None:
        ward = my_ward
        if ward is not None and not ward_has_enough_people(consultation, ward):
            ward, ward_fallback = None, ward  # too few to show: the whole borough instead
    elif slug in ("", "all"):
        ward = None
    else:
        ward = next((w for w in wards if w.slug == slug), None)
    context = build_summary(consultation, ward, survey_breakdown=request.GET.get("by", "ward"))
    context.update(
        ward_form=WardFilterForm(
            initial={"ward": ward.slug if ward else "all"}, wards=wards, my_ward=my_ward
        ),
        my_ward=my_ward,
        ward_fallback=ward_fallback,
        can_edit=can_edit_summary(request.user, consultation),
        ward_query=f"ward={ward.slug}" if ward else ("ward=all" if my_ward else ""),
    )
    return context


def index(request):
    """The summaries this person may read, newest closing first; a councillor sees how many people
    from their ward took part in each (summaries open on the ward when there are enough)."""
    my_ward = _my_ward(request.user)
    consultations = readable_summaries(request.user).order_by("-closes_at", "-pk")
    page = Paginator(
        consultations.only("id", "title", "opens_at", "closes_at", "results_published"), SUMMARIES_PER_PAGE
    ).get_page(request.GET.get("page"))
    counts = people_counts([c.pk for c in page], my_ward)
    for consultation in page:
        found = counts.get(consultation.pk, {})
        consultation.people = found.get("people", 0)
        consultation.ward_people = found.get("ward_people", 0)
        consultation.ward_enough = consultation.ward_people >= SUPPRESS_BELOW
    return TemplateResponse(
        request,
        "consultations/summaries/index.html",
        {"summaries": page, "my_ward": my_ward, "suppress_below": SUPPRESS_BELOW},
    )


def summary(request, page_id: int):
    """The feedback summary: figures, themes with quotes linked to their source, responses."""
    consultation = _consultation(request, page_id)
    return TemplateResponse(
        request, "consultations/summaries/summary.html", _summary_context(request, consultation)
    )


def report(request, page_id: int):
    """The same summary laid out for printing (and saving as PDF from the browser)."""
    consultation = _consultation(request, page_id)
    return TemplateResponse(
        request, "consultations/summaries/report.html", _summary_context(request, consultation)
    )


def report_pdf(request, page_id: int):
    """The printable report as a PDF file."""
    from .pdf import render_pdf

    consultation = _consultation(request, page_id)
    data = render_pdf(_summary_context(request, consultation))
    response = HttpResponse(bytes(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="summary-{consultation.pk}.pdf"'
    return response


def comments_csv(request, page_id: int):
    """Every summarised comment with its theme: the data behind the summary (no personal data)."""
    consultation = _consultation(request, page_id)
    comments = (
        services.summarised_comments(consultation)
        .select_related("theme_membership__theme", "proposal")
        .order_by("id")
    )
    header = [
        "comment_id",
        "link",
        "created_at",
        "proposal",
        "channel",
        "stance",
        "theme",
        "theme_status",
        "text",
    ]

    def rows():
        for comment in comments.iterator(chunk_size=2000):
            membership = getattr(comment, "theme_membership", None)
            theme = membership.theme if membership else None
            status = "" if theme is None else ("signed off" if theme.is_signed_off else "machine-suggested")
            yield [
                comment.pk,
                absolute(reverse("consultations:summaries:comment_link", args=[comment.pk])),
                comment.created_at.isoformat(),
                comment.proposal.title if comment.proposal_id else "",
                comment.channel,
                comment.stance,
                theme.label if theme else "",
                status,
                comment.body,
            ]

    return stream_csv(header, rows(), f"summary-{consultation.pk}-comments.csv")


def statements_csv(request, page_id: int):
    """Every published conversation statement with its votes and its groups' agreement (no personal data)."""
    from ..conversations.display import conversation_summaries
    from ..conversations.opinions import K_RANGE

    consultation = _consultation(request, page_id)
    most_groups = max(K_RANGE)
    header = ["conversation", "statement_id", "link", "statement", "seed", "agree", "disagree", "pass"]
    header += ["consensus", "divisive"] + [
        f"group_{chr(65 + i).lower()}_agree_percent" for i in range(most_groups)
    ]

    def rows():
        for item in conversation_summaries(consultation):
            conversation, opinions = item["conversation"], item["opinions"]
            consensus = {c["statement"].pk for c in opinions["consensus"]} if opinions else set()
            divisive = {d["statement"].pk for d in opinions["divisive"]} if opinions else set()
            for statement in item["statements"]:
                shares = (
                    [g.agreement.get(statement.pk, ("", "", 0))[0] for g in opinions["groups"]]
                    if opinions
                    else []
                )
                yield [
                    conversation.title,
                    statement.pk,
                    absolute(f"{conversation.url}?view=all#statement-{statement.pk}"),
                    statement.text,
                    "yes" if statement.is_seed else "no",
                    statement.agree,
                    statement.disagree,
                    statement.passed,
                    "yes" if statement.pk in consensus else "no",
                    "yes" if statement.pk in divisive else "no",
                    *(shares + [""] * (most_groups - len(shares))),
                ]

    return stream_csv(header, rows(), f"summary-{consultation.pk}-statements.csv")


@staff_second_factor_required
@require_POST
def prepare_themes(request, page_id: int):
    """Queue theme computation; the summary shows 'being prepared' until it is ready."""
    consultation = _consultation(request, page_id, edit=True)
    run = services.request_themes(consultation)
    run.refresh_from_db()
    if run.status == run.Status.READY:
        messages.success(request, _("Themes are ready."))
    elif run.status == run.Status.FAILED:
        messages.error(request, _("Themes could not be prepared. Try again later."))
    else:
        messages.info(request, _("Themes are being prepared. This page will show them when they are ready."))
    return redirect(summary_url(consultation.pk) + "#themes")


def _theme(consultation, theme_id) -> Theme:
    return get_object_or_404(
        Theme.objects.select_related("signed_off_by"), pk=theme_id, consultation=consultation
    )


@staff_second_factor_required
@require_http_methods(["GET", "POST"])
def theme_detail(request, page_id: int, theme_id: int):
    """Read every comment in a theme; officers rename, merge, split and sign it off here."""
    consultation = _consultation(request, page_id)
    theme = _theme(consultation, theme_id)
    can_edit = can_edit_summary(request.user, consultation)
    rename_form = RenameThemeForm(initial={"label": theme.label}, prefix="rename")
    merge_form = MergeThemeForm(theme=theme, prefix="merge")
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(
                "Only officers of the organisations running this consultation can edit themes."
            )
        action = request.POST.get("action")
        try:
            if action == "rename":
                rename_form = RenameThemeForm(request.POST, prefix="rename")
                if rename_form.is_valid():
                    services.rename_theme(theme, rename_form.cleaned_data["label"])
                    messages.success(request, _("The theme has been renamed."))
                    return redirect(request.path)
            elif action == "merge":
                merge_form = MergeThemeForm(request.POST, theme=theme, prefix="merge")
                if merge_form.is_valid():
                    target = services.merge_themes(merge_form.cleaned_data["target"], theme)
                    messages.success(
                        request, _("The theme has been merged into “%(theme)s”.") % {"theme": target.label}
                    )
                    return redirect(
                        reverse("consultations:summaries:theme", args=[consultation.pk, target.pk])
                    )
            elif action == "split":
                _kept, new = services.split_theme(theme)
                messages.success(
                    request,
                    _("The theme has been split. The new theme is “%(theme)s”.") % {"theme": new.label},
                )
                return redirect(request.path)
            elif action == "sign_off":
                services.sign_off_theme(theme, request.user)
                messages.success(request, _("The theme is signed off."))
                return redirect(request.path)
            elif action == "withdraw":
                services.withdraw_sign_off(theme)
                messages.info(request, _("The theme is machine-suggested again until someone signs it off."))
                return redirect(request.path)
            else:
                messages.error(request, _("Choose what to do with the theme."))
        except services.SummaryError as exc:
            merge_form.add_error(None, str(exc)) if action == "merge" else messages.error(request, str(exc))
        status = 400
    members = (
        services.summarised_comments(consultation)
        .filter(theme_membership__theme=theme)
        .select_related("author", "proposal")
        .order_by("-theme_membership__weight", "id")
    )
    page = Paginator(members, 50).get_page(request.GET.get("page"))
    answers = theme.survey_answers.filter(
        response__submitted_at__isnull=False, response__awaiting_confirmation=False
    ).select_related("response__survey")
    return TemplateResponse(
        request,
        "consultations/summaries/theme_detail.html",
        {
            "consultation": consultation,
            "theme": theme,
            "comments": page,
            "can_edit": can_edit,
            "rename_form": rename_form,
            "merge_form": merge_form,
            "responses": theme.responses.all(),
            "answers": answers.order_by("-weight", "id")[:SURVEY_ANSWERS_SHOWN],
            "answer_count": answers.count(),
        },
        status=status,
    )


@staff_second_factor_required
@require_http_methods(["GET", "POST"])
def new_response(request, page_id: int):
    """Publish 'you said, we did' for a theme or a proposal; residents who took part are emailed."""
    consultation = _consultation(request, page_id, edit=True)
    theme = proposal = None
    source = request.POST if request.method == "POST" else request.GET
    if (theme_id := parse_id(source.get("theme", ""))) is not None:
        theme = _theme(consultation, theme_id)
    elif (proposal_id := parse_id(source.get("proposal", ""))) is not None:
        proposal = get_object_or_404(ProposalPage.objects.child_of(consultation), pk=proposal_id)
    status = 200
    if request.method == "POST":
        form = ResponseForm(request.POST)
        if form.is_valid():
            try:
                response = services.publish_response(
                    consultation=consultation,
                    officer=request.user,
                    theme=theme,
                    proposal=proposal,
                    **form.cleaned_data,
                )
            except services.SummaryError as exc:
                form.add_error(None, str(exc))
            else:
                response.refresh_from_db()
                published = _("The response is published.")
                if response.notified_at:
                    emailed = ngettext(
                        "%(count)s resident was emailed.",
                        "%(count)s residents were emailed.",
                        response.notified_count,
                    ) % {"count": response.notified_count}
                    published = f"{published} {emailed}"
                messages.success(request, published)
                return redirect(summary_url(consultation.pk) + "#responses")
        status = 400
    else:
        form = ResponseForm(initial={"you_said": theme.label if theme else ""})
    return TemplateResponse(
        request,
        "consultations/summaries/response_form.html",
        {"consultation": consultation, "form": form, "theme": theme, "proposal": proposal},
        status=status,
    )


def comment_link(request, comment_id: int):
    """Provenance: send a reader to a quoted comment on its own page (the right page of comments)."""
    comment = get_object_or_404(
        Comment.objects.select_related("consultation", "proposal", "parent"), pk=comment_id
    )
    page = comment.proposal if comment.proposal_id else comment.consultation
    if not consultation_permissions.can_view_page(request.user, page, session=request.session):
        raise Http404("No such comment")
    if not consultation_permissions.can_see_comment(request.user, comment):
        raise Http404("No such comment")
    thread = comment.parent or comment
    if comment.proposal_id:
        page, threads = comment.proposal, Comment.objects.filter(proposal_id=comment.proposal_id)
    else:
        page = comment.consultation
        threads = Comment.objects.filter(consultation_id=comment.consultation_id, proposal__isnull=True)
    ahead = threads.listed_for(request.user).top_level().ahead_of(thread).count()
    number = ahead // settings.COMMENTS_PER_PAGE + 1
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{page.url}{query}#{comment.anchor}")
