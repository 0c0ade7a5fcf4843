"""Participation data and moderation in the Wagtail admin, scoped to the user's organisations."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from civic import roles
from civic.admin_menu import PermittedMenuItem
from civic.pages import public_pages

from . import moderation, moderation_views, permissions
from .models import Comment, ConsultationPage
from .permissions import page_permission_policy
from .services import ParticipationError


def _scoped(queryset, user):
    ids = list(permissions.moderated_consultations(user).values_list("pk", flat=True))
    return queryset.filter(consultation_id__in=ids)


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        queryset = _scoped(super().get_base_queryset(), self.request.user)
        return queryset.select_related("consultation", "proposal", "author", "organisation")


class ModeratedComment:
    """A single-comment admin view that refuses comments outside the user's consultations."""

    def get_object(self, *args, **kwargs):
        comment = super().get_object(*args, **kwargs)
        if not permissions.can_moderate(self.request.user, comment.consultation):
            raise PermissionDenied
        return comment


class CommentInspectView(ModeratedComment, InspectView):
    pass


class CommentDecisionForm(moderation_views.DecisionFields, forms.ModelForm):
    """The admin's comment edit takes the queue's decision, reason and note, not a bare status."""

    class Meta:
        model = Comment
        fields: list[str] = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = {status: decision for decision, status in moderation.STATUS_FOR_DECISION.items()}
        self.fields["decision"].initial = current.get(self.instance.status)


class CommentEditView(EditView):
    """A decision made here is the queue's decision: logged publicly and in the audit trail,
    taken off the queue, sent to the author and seen live."""

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        if not permissions.can_moderate(self.request.user, comment.consultation):
            raise PermissionDenied
        return comment

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ParticipationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_instance(self):
        moderation.decide(
            moderator=self.request.user,
            comment_ids=[self.object.pk],
            decision=self.form.cleaned_data["decision"],
            reason=self.form.cleaned_data["reason"],
            note=self.form.cleaned_data["note"],
            expected_queue=False,
        )
        return Comment.objects.get(pk=self.object.pk)


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments are written by residents and officers through the services, never added here, and
    leave by a moderation decision (Remove: logged, audited, withdrawn live, out of the index),
    never by a bare delete."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


register_permission_policy(Comment, CommentPermissionPolicy(Comment), exact_class=True)


class CommentViewSet(ModelViewSet):
    """Every comment from the user's organisations' consultations, searchable and filterable."""

    model = Comment
    icon = "comment"
    menu_label = gettext_lazy("Comments")
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "__str__",
        "consultation",
        "proposal",
        "stance",
        "status",
        "channel",
        "language",
        "created_at",
    ]
    list_filter = ["status", "stance", "channel", "is_official", "needs_review"]
    search_fields = ["body"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    history_view_class = type("CommentHistoryView", (ModeratedComment, HistoryView), {})
    usage_view_class = type("CommentUsageView", (ModeratedComment, UsageView), {})

    def get_form_class(self, for_update=False):
        return CommentDecisionForm


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet("comments")


def _choosable(pages, user):
    """Public pages and the pages the user works on; never another organisation's drafts."""
    if roles.is_admin(user):
        return pages
    explorable = page_permission_policy.explorable_instances(user).values("pk")
    public = public_pages(Page.objects.all()).values("pk")
    pages = pages.filter(Q(pk__in=public) | Q(pk__in=explorable))
    # another organisation's live page is listed under its published title, not a draft's
    return pages.annotate(civic_published_title_only=ExpressionWrapper(~Q(pk__in=explorable), BooleanField()))


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    """Page choosers (links, page fields) list only pages this user may know about."""
    parent_id = getattr(request.resolver_match, "kwargs", {}).get("parent_page_id")
    if parent_id is not None and not _choosable(Page.objects.filter(pk=parent_id), request.user).exists():
        raise Http404  # browsing into a page would show its title in the chooser's header
    return _choosable(pages, request.user)


@hooks.register("construct_homepage_summary_items")
def hide_page_count(request, summary_items):
    """The dashboard's page count covers the whole tree: other organisations' drafts included."""
    if not roles.is_admin(request.user):
        summary_items[:] = [item for item in summary_items if not isinstance(item, PagesSummaryItem)]


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path("moderation/", moderation_views.queue, name="civic_moderation_queue"),
        path("moderation/enter-response/", moderation_views.assisted_entry, name="civic_assisted_entry"),
        path("moderation/suspend/<id:user_id>/", moderation_views.suspend, name="civic_suspend"),
    ]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return PermittedMenuItem(
        gettext_lazy("Moderation queue"),
        reverse("civic_moderation_queue"),
        shown_to=roles.has_staff_powers,
        icon_name="warning",
        order=240,
    )


@hooks.register("register_admin_menu_item")
def assisted_entry_menu_item():
    return PermittedMenuItem(
        gettext_lazy("Enter a response"),
        reverse("civic_assisted_entry"),
        shown_to=roles.has_staff_powers,
        icon_name="edit",
        order=245,
    )


@hooks.register("register_log_actions")
def moderation_log_actions(actions):
    actions.register_action(
        "civic.moderate.approve", gettext_lazy("Approve contribution"), gettext_lazy("Contribution approved")
    )
    actions.register_action(
        "civic.moderate.hide", gettext_lazy("Hide contribution"), gettext_lazy("Contribution hidden")
    )
    actions.register_action(
        "civic.moderate.remove", gettext_lazy("Remove contribution"), gettext_lazy("Contribution removed")
    )
    actions.register_action(
        "civic.flag_threshold", gettext_lazy("Hidden after reports"), gettext_lazy("Hidden after reports")
    )
    actions.register_action(
        "civic.official_response", gettext_lazy("Official response"), gettext_lazy("Official response posted")
    )
    actions.register_action(
        "civic.thread", gettext_lazy("Pin or lock thread"), gettext_lazy("Thread pinned or locked")
    )
    actions.register_action(
        "civic.assisted_entry",
        gettext_lazy("Enter response"),
        gettext_lazy("Response entered for a resident"),
    )
    actions.register_action(
        "civic.suspend", gettext_lazy("Suspend account"), gettext_lazy("Account suspended")
    )
    actions.register_action(
        "civic.unsuspend", gettext_lazy("Lift suspension"), gettext_lazy("Suspension lifted")
    )


DASHBOARD_CONSULTATIONS = 10  # the panel lists the first few; the explorer has the rest


class ConsultationsPanel(Component):
    """The dashboard's view of the user's organisation: open consultations and the moderation queue."""

    name = "civic_consultations"
    template_name = "consultations/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request
        self.user = request.user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        # A list of ids: owned_by() joins partners, which would multiply counts and rows.
        ids = list(permissions.moderated_consultations(self.user).values_list("pk", flat=True))
        open_now = ConsultationPage.objects.filter(pk__in=ids).live().open()
        consultations = list(
            open_now.order_by("closes_at", "pk").only("id", "title", "closes_at", "url_path")[
                :DASHBOARD_CONSULTATIONS
            ]
        )
        for consultation in consultations:
            consultation.public_url = consultation.get_url(self.request)
        context.update(
            consultations=consultations,
            open_total=open_now.count(),
            queue=moderation.queue_counts(self.user),
            queue_url=reverse("civic_moderation_queue"),
            sla_hours=moderation.sla().total_seconds() // 3600,
            is_admin=roles.is_admin(self.user),
        )
        return context


@hooks.register("construct_homepage_panels")
def consultations_panel(request, panels):
    if roles.has_staff_powers(request.user):
        panels.append(ConsultationsPanel(request))
