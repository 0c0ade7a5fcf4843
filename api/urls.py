"""/api/v1/: the resources, the generated OpenAPI 3.1 schema and the locally served documentation."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

app_name = "api"


class SchemaView(SpectacularAPIView):
    """The schema is public and read by tools: no session, no CSRF, no rate-limit surprise for tokens."""

    authentication_classes: list[type] = []
    permission_classes: list[type] = []
    throttle_classes: list[type] = []


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our own static files; its start-up script is a file of its own (strict CSP)."""

    authentication_classes: list[type] = []
    permission_classes: list[type] = []
    throttle_classes: list[type] = []
    template_name = "api/docs.html"
    url_name = "api:schema"
    url_self = None


urlpatterns = [
    path("consultations/", views.ConsultationList.as_view(), name="consultations"),
    path("consultations/<id:consultation_id>/", views.ConsultationDetail.as_view(), name="consultation"),
    path("consultations/<id:consultation_id>/summary/", views.Summary.as_view(), name="summary"),
    path("proposals/", views.ProposalList.as_view(), name="proposals"),
    path("proposals/<id:proposal_id>/", views.ProposalDetail.as_view(), name="proposal"),
    path("proposals/<id:proposal_id>/vote/", views.Vote.as_view(), name="vote"),
    path("comments/", views.CommentList.as_view(), name="comments"),
    path("comments/<id:comment_id>/", views.CommentDetail.as_view(), name="comment"),
    path("responses/", views.ResponseList.as_view(), name="responses"),
    path("reports/", views.ReportList.as_view(), name="reports"),
    path("reports/<id:report_id>/", views.ReportDetail.as_view(), name="report"),
    path("reports/<id:report_id>/status/", views.ReportStatus.as_view(), name="report_status"),
    path("categories/", views.CategoryList.as_view(), name="categories"),
    path("wards/", views.WardList.as_view(), name="wards"),
    path("moderation/queue/", views.ModerationQueue.as_view(), name="moderation_queue"),
    path("moderation/decisions/", views.ModerationDecisions.as_view(), name="moderation_decisions"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
    re_path(r"^.*$", views.not_found, name="not_found"),  # unknown API URLs answer in JSON too
]
