"""Thin views for conversations: gather context, hand every write to services, re-render on errors."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from civic.converters import parse_id
from civic.twofactor import staff_second_factor_required

from .. import live
from ..services import ParticipationError
from ..views import STATUS_FOR_CODE, _refuse_unseen
from . import display, permissions, services
from .forms import StatementForm
from .models import ConversationPage, OpinionResult, OpinionVote, Statement

CHOICE_NAMES = {int(v): k for k, v in services.CHOICES.items()}


def conversation_page_context(request, page: ConversationPage) -> dict:
    """One statement to vote on (or all of them), the counts, and the stored opinion groups."""
    consultation = page.consultation
    statements = list(
        page.statements.published().only("id", "text", "is_seed", "conversation_id", "created_at")
    )
    by_id = {s.pk: s for s in statements}
    counts = services.statement_counts(page)
    mine: dict[int, int] = {}
    own_pending: list[Statement] = []
    if request.user.is_authenticated:
        mine = dict(
            OpinionVote.objects.filter(conversation=page, user=request.user).values_list(
                "statement_id", "value"
            )
        )
        own_pending = list(page.statements.filter(author=request.user, status=Statement.Status.PENDING))
    for statement in statements:
        statement.counts = counts.get(statement.pk, services.Counts())
        statement.my_choice = CHOICE_NAMES.get(mine[statement.pk]) if statement.pk in mine else None
    show_all = request.GET.get("view") == "all"
    current = None
    wanted = parse_id(request.GET.get("statement", ""))
    if wanted in by_id:
        current = by_id[wanted]
    if current is None:
        current = next((s for s in statements if s.pk not in mine), None)
    result = OpinionResult.objects.filter(conversation=page).values("data", "computed_at").first()
    can_moderate = permissions.can_moderate(request.user, page)
    return {
        "consultation": consultation,
        "conversation": page,
        "can_take_part": permissions.can_take_part(request.user, page),
        "can_moderate": can_moderate,
        "live_seq": live.last_seq(consultation.pk),
        "statements": statements,
        "current": current,
        "show_all": show_all,
        "voted_count": len(mine),
        "participant_count": OpinionVote.objects.filter(conversation=page).values("user").distinct().count(),
        "statement_form": StatementForm(),
        "similar": [],
        "own_pending": own_pending,
        "pending": list(page.statements.filter(status=Statement.Status.PENDING)) if can_moderate else [],
        "opinions": display.opinion_view(result["data"], by_id) if result else None,
        "opinion_result": result["data"] if result else {},
        "computed_at": result["computed_at"] if result else None,
        "vote_action": reverse("consultations:conversations:vote", args=[page.pk]),
        "statement_action": reverse("consultations:conversations:statement", args=[page.pk]),
        "similar_url": reverse("consultations:conversations:similar", args=[page.pk]),
    }


def _conversation(request, page_id: int) -> ConversationPage:
    page = get_object_or_404(ConversationPage, pk=page_id)
    if not permissions.can_view(request.user, page, session=request.session):
        raise Http404("No such page")
    return page


def _render(request, page, status: int, **overrides):
    """Re-render the page with what was submitted and what went wrong (nothing lost)."""
    context = page.get_context(request)
    context.update(overrides)
    return TemplateResponse(request, page.get_template(request), context, status=status)


@require_POST
def vote(request, page_id: int):
    """Agree, disagree or pass on one statement from a plain form; then the next statement."""
    page = _conversation(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    statement_id = parse_id(request.POST.get("statement", ""))
    try:
        services.cast_opinion(
            voter=request.user,
            conversation=page,
            statement_id=statement_id,
            choice=request.POST.get("choice", ""),
            session=request.session,
        )
    except ParticipationError as exc:
        _refuse_unseen(exc)
        return _render(request, page, STATUS_FOR_CODE.get(exc.code, 400), vote_error=exc.message)
    if request.POST.get("view") == "all":
        return redirect(f"{page.url}?view=all#statement-{statement_id}")
    messages.success(request, _("Your vote has been recorded."))
    return redirect(f"{page.url}#vote")


@require_POST
def submit_statement(request, page_id: int):
    """A resident's own statement; similar ones are shown first, and it may wait for a moderator."""
    page = _conversation(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    form = StatementForm(request.POST)
    if not form.is_valid():
        return _render(request, page, 400, statement_form=form)
    text = form.cleaned_data["text"]
    if not form.cleaned_data["confirm"]:
        similar = services.similar_statements(page, text)
        if similar:
            confirm = StatementForm(initial={"text": text, "confirm": True})
            return _render(request, page, 200, statement_form=confirm, similar=similar)
    try:
        statement = services.submit_statement(
            author=request.user, conversation=page, text=text, session=request.session
        )
    except ParticipationError as exc:
        _refuse_unseen(exc)
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _render(request, page, STATUS_FOR_CODE.get(exc.code, 400), statement_form=form)
    if statement.status == Statement.Status.PENDING:
        messages.info(request, _("Thank you. Your statement will appear once a moderator has checked it."))
    else:
        messages.success(request, _("Thank you. Your statement has been published."))
    return redirect(f"{page.url}#write")


@require_GET
def similar(request, page_id: int):
    """Statements like the one being typed (for the as-you-type hint; the form works without it)."""
    page = _conversation(request, page_id)
    text = (request.GET.get("q") or "")[:500]
    found = services.similar_statements(page, text)
    return JsonResponse({"similar": [{"id": s.pk, "text": s.text} for s in found]})


@staff_second_factor_required
@require_POST
def moderate(request, statement_id: int):
    """Approve or hide a resident's statement from the conversation page."""
    statement = get_object_or_404(Statement.objects.select_related("conversation"), pk=statement_id)
    page = statement.conversation
    if not permissions.can_view(request.user, page, session=request.session):
        raise Http404("No such statement")
    try:
        services.moderate_statement(
            moderator=request.user, statement=statement, action=request.POST.get("action", "")
        )
    except ParticipationError as exc:
        if exc.code == "forbidden":
            raise PermissionDenied(exc.message) from exc
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Statement published.")
            if statement.status == Statement.Status.PUBLISHED
            else _("Statement hidden."),
        )
    return redirect(f"{page.url}#moderation")
