"""The API's views: thin; reads through the features' visibility rules, writes through their services."""

from typing import Any

from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.models import Page

from civic.bilingual import default_locale_id
from civic.converters import parse_id
from civic.models import Area
from civic.pages import public_pages
from consultations import moderation
from consultations import services as participation
from consultations.forms import ConsultationFilterForm
from consultations.models import Comment, ConsultationPage, ProposalPage, State
from consultations.permissions import moderated_consultations
from consultations.summaries.models import FeedbackResponse, Theme
from consultations.summaries.permissions import can_view_summary
from consultations.summaries.services import public_proposal_ids
from mapping import services as reporting
from mapping.forms import AGE_CHOICES, ReportFilterForm
from mapping.models import IssueCategory, IssueReport, Status

from . import serializers as s
from .auth import SessionAuthentication
from .conventions import ApiView, CursorPage, query_filters
from .errors import refusals


def _session(request: Request) -> Any:
    """The browser session (it carries passwords entered for protected pages); tokens have none."""
    if isinstance(request.successful_authenticator, SessionAuthentication):
        return request._request.session
    return None


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if parse_id(raw) is None:
        raise exceptions.ValidationError({name: ["Give a whole number (an id)."]})
    return int(raw)


def _id_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, {"type": "integer", "minimum": 0, "maximum": 10**18 - 1}, description=description
    )


def public_consultations() -> Any:
    return public_pages(ConsultationPage.objects.canonical())  # translations share the canonical id


def public_proposals() -> Any:
    return public_pages(ProposalPage.objects.filter(locale_id=default_locale_id()))


# Consultations and proposals --------------------------------------------------------------------

CONSULTATION_FILTERS = [
    OpenApiParameter("state", str, enum=list(State.values), description="As on the consultations page."),
    OpenApiParameter("topic", str, description="A topic's slug (an unknown slug matches nothing)."),
    OpenApiParameter(
        "organisation", str, description="An organisation's slug, lead or partner (unknown: nothing)."
    ),
]


class ConsultationList(ApiView):
    """Published consultations, newest opening first, with the consultations page's filters."""

    read_scope = "consultations:read"
    serializer_class = s.ConsultationSerializer

    class Pages(CursorPage):
        ordering = ("-opens_at", "-id")

    pagination_class = Pages

    def get_queryset(self) -> Any:
        return (
            public_consultations()
            .select_related("lead_organisation")
            .prefetch_related("partner_organisations", "topics")
        )

    @extend_schema(parameters=CONSULTATION_FILTERS, responses=s.ConsultationSerializer(many=True))
    def get(self, request: Request) -> Response:
        data = query_filters(ConsultationFilterForm, request, {"state"})
        consultations = self.get_queryset()
        if data["state"]:
            consultations = consultations.in_state(data["state"])
        if topic := request.query_params.get("topic"):
            consultations = consultations.filter(topics__slug=topic)
        if organisation := request.query_params.get("organisation"):
            consultations = consultations.filter(
                Q(lead_organisation__slug=organisation) | Q(partner_organisations__slug=organisation)
            ).distinct()
        return self.list_response(consultations)


class ConsultationDetail(ApiView):
    read_scope = "consultations:read"
    serializer_class = s.ConsultationSerializer

    def get(self, request: Request, consultation_id: int) -> Response:
        return self.detail_response(
            public_consultations().select_related("lead_organisation"), consultation_id
        )


class ProposalMixin:
    def proposal_context(self, proposals: list[Any]) -> dict[str, Any]:
        ids = [p.pk for p in proposals]
        parent_paths = {p.pk: p.path[: -ProposalPage.steplen] for p in proposals}
        by_path = dict(
            ConsultationPage.objects.filter(path__in=set(parent_paths.values())).values_list("path", "pk")
        )
        parents = {pk: by_path[path] for pk, path in parent_paths.items()}
        return {"tallies": participation.tallies(ids), "consultation_ids": parents}


class ProposalList(ProposalMixin, ApiView):
    """Published proposals with their live vote tallies."""

    read_scope = "consultations:read"
    serializer_class = s.ProposalSerializer

    class Pages(CursorPage):
        ordering = ("path",)

    pagination_class = Pages

    @extend_schema(
        parameters=[_id_parameter("consultation", "Only this consultation's proposals.")],
        responses=s.ProposalSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        proposals = public_proposals()
        consultation_id = _int_param(request, "consultation")
        if consultation_id is not None:
            consultation = public_consultations().filter(pk=consultation_id).first()
            proposals = proposals.child_of(consultation) if consultation else proposals.none()
        return self.list_response(proposals, self.proposal_context)


class ProposalDetail(ProposalMixin, ApiView):
    read_scope = "consultations:read"
    serializer_class = s.ProposalSerializer

    def get(self, request: Request, proposal_id: int) -> Response:
        return self.detail_response(public_proposals(), proposal_id, self.proposal_context)


class Vote(ApiView):
    """Vote on a proposal (or change your vote) as the signed-in account or the token's account."""

    write_scope = "votes:write"
    serializer_class = s.VoteCreateSerializer

    @extend_schema(request=s.VoteCreateSerializer, responses={200: s.VoteResultSerializer})
    def post(self, request: Request, proposal_id: int) -> Response:
        body = s.VoteCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        proposal = get_object_or_404(ProposalPage.objects.all(), pk=proposal_id)
        with refusals():
            vote, changed = participation.cast_vote(
                voter=request.user,
                proposal=proposal,
                choice=body.validated_data["choice"],
                session=_session(request),
            )
        tally = participation.tally(proposal)
        counts = {"support": tally.support, "oppose": tally.oppose, "total": tally.total}
        result = {"proposal": proposal.pk, "choice": vote.choice, "changed": changed, "tally": counts}
        return Response(s.VoteResultSerializer(result).data)


# Comments and official responses ---------------------------------------------------------------


def public_comments(consultation_id: int | None = None) -> Any:
    """Published comments on public consultations, and on their public proposals only.

    The public ids are read first (a council has tens of consultations and hundreds of proposals), so
    the comment query is a plain filter its index serves, however many comments there are."""
    if consultation_id is not None:
        row = ConsultationPage.objects.filter(pk=consultation_id).values("path", "depth").first()
        if row is None:
            return Comment.objects.none()
        pages = public_pages(Page.objects.filter(path__startswith=row["path"], depth__lte=row["depth"] + 1))
        public_ids = {pk: depth for pk, depth in pages.values_list("pk", "depth")}
        if consultation_id not in public_ids:
            return Comment.objects.none()
        consultation_ids = [consultation_id]
        proposal_ids = [pk for pk, depth in public_ids.items() if depth > row["depth"]]
    else:
        consultation_ids = list(public_consultations().values_list("pk", flat=True))
        proposal_ids = list(public_proposals().values_list("pk", flat=True))
    return (
        Comment.objects.visible()
        .filter(consultation_id__in=consultation_ids)
        .filter(Q(proposal__isnull=True) | Q(proposal_id__in=proposal_ids))
    )


class CommentList(ApiView):
    """Published comments (authors by display name), newest first; post one as an account."""

    read_scope = "comments:read"
    write_scope = "comments:write"
    serializer_class = s.CommentSerializer
    pagination_class = CursorPage
    official_only = False

    @extend_schema(
        parameters=[
            _id_parameter("consultation", "Only this consultation's comments (its proposals' included)."),
            _id_parameter("proposal", "Only this proposal's comments."),
        ],
        responses=s.CommentSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        consultation_id = _int_param(request, "consultation")
        proposal_id = _int_param(request, "proposal")
        comments = public_comments(consultation_id).select_related("author", "organisation")
        if self.official_only:
            comments = comments.filter(is_official=True)
        if proposal_id is not None:
            comments = comments.filter(proposal_id=proposal_id)
        return self.list_response(comments)

    @extend_schema(request=s.CommentCreateSerializer, responses={201: s.CommentSerializer})
    def post(self, request: Request) -> Response:
        body = s.CommentCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        consultation = get_object_or_404(ConsultationPage.objects.all(), pk=data["consultation"])
        proposal = parent = None
        if data.get("proposal"):
            proposal = get_object_or_404(ProposalPage.objects.all(), pk=data["proposal"])
        if data.get("parent"):
            parent = get_object_or_404(Comment.objects.visible(), pk=data["parent"])
        with refusals():
            comment = participation.post_comment(
                author=request.user,
                consultation=consultation,
                proposal=proposal,
                parent=parent,
                paragraph=data["paragraph"],
                body=data["body"],
                stance=data["stance"],
                client_token=data.get("client_token"),
                session=_session(request),
                language=data.get("language"),
            )
        return Response(s.CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class ResponseList(CommentList):
    """Official responses: comments an organisation posted as itself."""

    official_only = True
    http_method_names = ["get", "head", "options"]


class CommentDetail(ApiView):
    read_scope = "comments:read"
    serializer_class = s.CommentSerializer

    def get(self, request: Request, comment_id: int) -> Response:
        return self.detail_response(public_comments().select_related("author", "organisation"), comment_id)


class Summary(ApiView):
    """A consultation's published summary: themes with counts and 'you said, we did' (no personal data)."""

    read_scope = "consultations:read"
    serializer_class = s.SummarySerializer

    def get(self, request: Request, consultation_id: int) -> Response:
        consultation = get_object_or_404(public_consultations(), pk=consultation_id)
        if not consultation.results_published:
            raise exceptions.NotFound("This consultation's summary is not published yet.")
        if not can_view_summary(request.user, consultation, session=_session(request)):
            raise exceptions.NotFound("This consultation's summary is not published yet.")
        proposal_ids = public_proposal_ids(consultation)
        published = Q(memberships__comment__status=Comment.Status.PUBLISHED) & (
            Q(memberships__comment__proposal__isnull=True)
            | Q(memberships__comment__proposal__in=proposal_ids)
        )
        themes = (
            Theme.objects.filter(consultation=consultation)
            .annotate(published=Count("memberships", filter=published))
            .order_by("is_other", "position", "id")
        )
        comments = (
            Comment.objects.visible()
            .filter(consultation=consultation)
            .filter(Q(proposal__isnull=True) | Q(proposal__in=proposal_ids))
            .count()
        )
        responses = FeedbackResponse.objects.shown_with(consultation, proposal_ids)
        data = {
            "consultation": consultation.pk,
            "comments": comments,
            "themes": [
                {"label": t.label, "comments": t.published, "signed_off": t.is_signed_off} for t in themes
            ],
            "responses": s.FeedbackResponseSerializer(responses, many=True).data,
        }
        return Response(s.SummarySerializer(data).data)


# Issue reports, categories, wards --------------------------------------------------------------

REPORT_FILTERS = [
    OpenApiParameter("category", str, description="A category's slug (an unknown slug matches nothing)."),
    OpenApiParameter("status", str, enum=list(Status.values), description="As on the reports page."),
    OpenApiParameter("ward", str, description="A ward's slug (an unknown slug matches nothing)."),
    OpenApiParameter(
        "age", str, enum=[v for v, _label in AGE_CHOICES if v], description="Older than N days."
    ),
]


class ReportList(ApiView):
    """Public issue reports, newest first, with the reports page's filters; report one as an account."""

    read_scope = "reports:read"
    write_scope = "reports:write"
    serializer_class = s.ReportSerializer
    pagination_class = CursorPage

    @extend_schema(parameters=REPORT_FILTERS, responses=s.ReportSerializer(many=True))
    def get(self, request: Request) -> Response:
        data = query_filters(ReportFilterForm, request, {"status", "age"})
        reports = IssueReport.objects.visible().select_related("category", "organisation", "ward")
        if category := request.query_params.get("category"):
            reports = reports.filter(category__slug=category)
        if data["status"]:
            reports = reports.filter(status=data["status"])
        if ward := request.query_params.get("ward"):
            reports = reports.filter(ward__slug=ward)
        if data["age"]:
            reports = reports.older_than(int(data["age"]))
        return self.list_response(reports)

    @extend_schema(request=s.ReportCreateSerializer, responses={201: s.ReportDetailSerializer})
    def post(self, request: Request) -> Response:
        body = s.ReportCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if not IssueCategory.objects.filter(slug=data["category"], active=True).exists():
            raise exceptions.ValidationError({"category": ["Choose a category from /api/v1/categories/."]})
        with refusals():
            report = reporting.create_report(
                reporter=request.user,
                category=data["category"],
                title=data["title"],
                description=data["description"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                location_text=data["location_text"],
                language=data.get("language"),
            )
        report = IssueReport.objects.select_related("category", "organisation", "ward").get(pk=report.pk)
        return Response(
            self.serialized(report, serializer=s.ReportDetailSerializer), status=status.HTTP_201_CREATED
        )


class ReportDetail(ApiView):
    read_scope = "reports:read"
    serializer_class = s.ReportDetailSerializer

    def get(self, request: Request, report_id: int) -> Response:
        reports = IssueReport.objects.visible().select_related("category", "organisation", "ward")
        return self.detail_response(reports.prefetch_related("history"), report_id)


class ReportStatus(ApiView):
    """Officers of the responsible organisation move a report on, with a public note (followers are told)."""

    write_scope = "reports:manage"
    serializer_class = s.StatusChangeCreateSerializer

    @extend_schema(request=s.StatusChangeCreateSerializer, responses={200: s.ReportDetailSerializer})
    def post(self, request: Request, report_id: int) -> Response:
        body = s.StatusChangeCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        report = get_object_or_404(IssueReport.objects.all(), pk=report_id)
        with refusals():
            reporting.change_status(
                officer=request.user,
                report=report,
                status=body.validated_data["status"],
                note=body.validated_data["note"],
            )
        report = (
            IssueReport.objects.select_related("category", "organisation", "ward")
            .prefetch_related("history")
            .get(pk=report.pk)
        )
        return Response(self.serialized(report, serializer=s.ReportDetailSerializer))


class CategoryList(ApiView):
    """Active issue categories (the same list Open311 serves as services)."""

    read_scope = "reports:read"
    serializer_class = s.CategorySerializer
    pagination_class = None

    @extend_schema(responses={200: s.CategorySerializer(many=True)})
    def get(self, request: Request) -> Response:
        categories = IssueCategory.objects.filter(active=True).select_related("organisation").order_by("name")
        return Response(self.get_serializer(categories, many=True).data)


class WardList(ApiView):
    read_scope = "reports:read"
    serializer_class = s.WardSerializer
    pagination_class = None

    @extend_schema(responses={200: s.WardSerializer(many=True)})
    def get(self, request: Request) -> Response:
        wards = Area.objects.wards().only("id", "name", "slug", "code", "kind").order_by("name")
        return Response(self.get_serializer(wards, many=True).data)


# Moderation (officers and moderators with a second factor, or a token acting as one) ----------


def _moderator(request: Request) -> Any:
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated("Sign in, or send an API token that acts as an account.")
    if not moderated_consultations(request.user).exists():
        raise exceptions.PermissionDenied(
            "Only moderators and officers (with two-factor authentication) may use the moderation queue."
        )
    return request.user


class ModerationQueue(ApiView):
    """Contributions waiting for this account's decision, oldest first."""

    read_scope = "moderation:read"
    serializer_class = s.QueueItemSerializer

    class Pages(CursorPage):
        ordering = ("queued_at", "id")

    pagination_class = Pages

    @extend_schema(responses=s.QueueItemSerializer(many=True))
    def get(self, request: Request) -> Response:
        moderator = _moderator(request)
        return self.list_response(moderation.queue_for(moderator))


class ModerationDecisions(ApiView):
    """Approve, hide or remove contributions in the queue, all or nothing (as in the admin)."""

    write_scope = "moderation:write"
    serializer_class = s.DecisionCreateSerializer

    @extend_schema(request=s.DecisionCreateSerializer, responses={200: s.DecisionResultSerializer})
    def post(self, request: Request) -> Response:
        body = s.DecisionCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        moderator = _moderator(request)
        data = body.validated_data
        with refusals():
            decisions = moderation.decide(
                moderator=moderator,
                comment_ids=data["comments"],
                decision=data["decision"],
                reason=data["reason"],
                note=data["note"],
            )
        return Response({"decided": [d.comment_id for d in decisions], "decision": data["decision"]})


@csrf_exempt
def not_found(request: Any, *args: Any, **kwargs: Any) -> Any:
    """Any other URL under /api/v1/: the standard error body, not the site's HTML page."""
    return JsonResponse({"code": "not_found", "message": "There is no such API URL."}, status=404)
