"""Moderation screens in the Wagtail admin: the queue with SLA timers and bulk decisions,
assisted-digital entry and account suspension. Thin: the work is in consultations.moderation."""

from datetime import datetime, time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from civic import languages, roles
from civic import permissions as account_permissions
from civic import services as account_services
from civic.converters import parse_id
from civic.errors import CivicError
from civic.forms import AccessibleFormMixin, IdModelChoiceField
from civic.models import User

from . import moderation, permissions
from .models import Comment, ConsultationPage, ModerationDecision, ModerationReason, ProposalPage, Stance
from .services import ParticipationError

PER_PAGE = 50


def _staff_only(request):
    if not roles.has_staff_powers(request.user):
        raise PermissionDenied


class QueueFilterForm(forms.Form):
    consultation = IdModelChoiceField(
        queryset=ConsultationPage.objects.none(),
        required=False,
        label=gettext_lazy("Consultation"),
        empty_label=gettext_lazy("All my consultations"),
    )
    kind = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Waiting because"),
        choices=[
            ("", gettext_lazy("Any reason")),
            ("pending", gettext_lazy("Pre-moderation")),
            ("flagged", gettext_lazy("Reported by residents")),
        ],
    )
    overdue = forms.BooleanField(required=False, label=gettext_lazy("Only past the target time"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = (
            permissions.moderated_consultations(user).order_by("title").only("id", "title")
        )


class DecisionFields(forms.Form):
    """The decision, reason and note a moderator gives, the same in the queue and the admin's edit."""

    decision = forms.ChoiceField(choices=ModerationDecision.Decision.choices, label=gettext_lazy("Decision"))
    reason = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Reason (needed to hide or remove)"),
        choices=[("", gettext_lazy("Choose a reason")), *ModerationReason.choices],
    )
    note = forms.CharField(
        required=False,
        label=gettext_lazy("Note to the author (optional)"),
        max_length=moderation.MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BulkDecisionForm(AccessibleFormMixin, DecisionFields):
    comments = forms.TypedMultipleChoiceField(
        coerce=int,
        choices=[],
        widget=forms.MultipleHiddenInput,
        error_messages={"required": gettext_lazy("Select at least one contribution.")},
    )
    field_order = ["comments", "decision", "reason", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].valid_value = lambda value: parse_id(str(value)) is not None


@require_http_methods(["GET", "POST"])
def queue(request):
    """Pending and flagged contributions from this moderator's organisations, oldest first."""
    _staff_only(request)
    if request.method == "POST":
        form = BulkDecisionForm(request.POST)
        ids = request.POST.getlist("comments")
        if form.is_valid():
            try:
                done = moderation.decide(
                    moderator=request.user,
                    comment_ids=form.cleaned_data["comments"],
                    decision=form.cleaned_data["decision"],
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
            except ParticipationError as exc:
                messages.error(request, exc.message)
            else:
                label = str(ModerationDecision.Decision(form.cleaned_data["decision"]).label).lower()
                messages.success(
                    request,
                    ngettext(
                        "%(count)s contribution: %(decision)s.",
                        "%(count)s contributions: %(decision)s.",
                        len(done),
                    )
                    % {"count": len(done), "decision": label},
                )
                return redirect(request.get_full_path())
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        status = 400
    else:
        ids, status = [], 200
    filters = QueueFilterForm(request.GET or None, user=request.user)
    items = moderation.queue_for(request.user)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["consultation"]:
            items = items.filter(consultation=data["consultation"])
        items = items.filter(moderation.waiting_filter(data["kind"]))
        if data["overdue"]:
            items = moderation.overdue(items)
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("p"))
    now = timezone.now()
    target = moderation.sla()
    for item in page:
        item.waited = now - item.queued_at if item.queued_at else None
        item.late = bool(item.waited and item.waited > target)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "consultations/moderation/queue.html",
        {
            "page_title": _("Moderation queue"),
            "header_title": _("Moderation queue"),
            "header_icon": "warning",
            "items": page,
            "filters": filters,
            "query": query.urlencode(),
            "selected": {str(i) for i in ids},
            "decisions": ModerationDecision.Decision.choices,
            "reasons": ModerationReason.choices,
            "sla_hours": int(target.total_seconds() // 3600),
        },
        status=status,
    )


class AssistedEntryForm(AccessibleFormMixin, forms.Form):
    consultation = IdModelChoiceField(
        queryset=ConsultationPage.objects.none(), label=gettext_lazy("Consultation")
    )
    proposal = IdModelChoiceField(
        queryset=ProposalPage.objects.none(),
        required=False,
        label=gettext_lazy("Proposal"),
        empty_label=gettext_lazy("The consultation as a whole"),
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Received"),
        choices=[
            (Comment.Channel.PAPER, gettext_lazy("On paper")),
            (Comment.Channel.PHONE, gettext_lazy("By phone")),
            (Comment.Channel.EVENT, gettext_lazy("At an event")),
        ],
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=gettext_lazy("What the resident said"), widget=forms.Textarea(attrs={"rows": 6})
    )
    language = languages.LanguageField(label=gettext_lazy("Language of the response"))
    stance = forms.ChoiceField(
        choices=Stance.choices, initial=Stance.NEUTRAL, label=gettext_lazy("Their view")
    )
    respondent_name = forms.CharField(
        required=False, max_length=120, label=gettext_lazy("Name (optional, never shown)")
    )
    respondent_postcode = forms.CharField(
        required=False, max_length=10, label=gettext_lazy("Postcode (optional, never shown)")
    )
    consent = forms.BooleanField(
        label=gettext_lazy("The resident agreed to their response being used in this consultation"),
        error_messages={"required": gettext_lazy("Record the resident's consent.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        consultations = permissions.moderated_consultations(user).live().order_by("title")
        self.fields["consultation"].queryset = consultations
        # Only proposals in this officer's consultations: other organisations' titles stay unseen.
        under = Q(pk__in=[])
        for path in consultations.values_list("path", flat=True):
            under |= Q(path__startswith=path)
        self.fields["proposal"].queryset = ProposalPage.objects.live().filter(under).order_by("title")


@require_http_methods(["GET", "POST"])
def assisted_entry(request):
    """An officer types in a response received on paper, by phone or at an event."""
    _staff_only(request)
    form = AssistedEntryForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                comment = moderation.enter_on_behalf(
                    officer=request.user,
                    consultation=data["consultation"],
                    proposal=data["proposal"],
                    body=data["body"],
                    channel=data["channel"],
                    stance=data["stance"],
                    respondent_name=data["respondent_name"],
                    respondent_postcode=data["respondent_postcode"],
                    consent=data["consent"],
                    language=data["language"],
                )
            except ParticipationError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(
                    request,
                    _("Response %(number)s saved (%(channel)s).")
                    % {"number": comment.pk, "channel": comment.get_channel_display()},
                )
                return redirect("civic_assisted_entry")
        status = 400
    return TemplateResponse(
        request,
        "consultations/moderation/assisted_entry.html",
        {
            "page_title": _("Enter a response"),
            "header_title": _("Enter a response"),
            "header_icon": "edit",
            "form": form,
        },
        status=status,
    )


class SuspensionForm(AccessibleFormMixin, forms.Form):
    until = forms.DateField(
        label=gettext_lazy("Suspended until (last day)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


@require_http_methods(["GET", "POST"])
def suspend(request, user_id: int):
    """Suspend an account with a reason and an end date, or lift a suspension."""
    if not account_permissions.can_suspend(request.user):
        raise PermissionDenied
    account = get_object_or_404(User, pk=user_id)
    if not account_permissions.can_suspend_account(request.user, account):
        raise PermissionDenied(_("You cannot suspend that account."))
    form = SuspensionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        try:
            if "lift" in request.POST:
                account_services.lift_suspension(moderator=request.user, user=account)
                messages.success(request, _("%(name)s may take part again.") % {"name": account.public_name})
                return redirect("civic_suspend", user_id=account.pk)
            if form.is_valid():
                end = timezone.make_aware(datetime.combine(form.cleaned_data["until"], time.max))
                account_services.suspend_user(
                    moderator=request.user, user=account, until=end, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("%(name)s is suspended until %(date)s.")
                    % {"name": account.public_name, "date": date_format(form.cleaned_data["until"], "d F Y")},
                )
                return redirect("civic_suspend", user_id=account.pk)
        except CivicError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        status = 400
    return TemplateResponse(
        request,
        "consultations/moderation/suspend.html",
        {
            "page_title": _("Suspend %(name)s") % {"name": account.public_name},
            "header_title": _("Suspend an account"),
            "header_icon": "user",
            "account": account,
            "form": form,
        },
        status=status,
    )
