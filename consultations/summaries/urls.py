from django.urls import path

from . import views

app_name = "summaries"
urlpatterns = [
    path("consultations/summaries/", views.index, name="index"),
    path("consultations/<id:page_id>/summary/", views.summary, name="summary"),
    path("consultations/<id:page_id>/summary/report/", views.report, name="report"),
    path("consultations/<id:page_id>/summary/report.pdf", views.report_pdf, name="report_pdf"),
    path("consultations/<id:page_id>/summary/comments.csv", views.comments_csv, name="comments_csv"),
    path("consultations/<id:page_id>/summary/statements.csv", views.statements_csv, name="statements_csv"),
    path("consultations/<id:page_id>/summary/prepare/", views.prepare_themes, name="prepare"),
    path("consultations/<id:page_id>/summary/themes/<id:theme_id>/", views.theme_detail, name="theme"),
    path("consultations/<id:page_id>/summary/responses/new/", views.new_response, name="new_response"),
    path("consultations/contributions/<id:comment_id>/", views.comment_link, name="comment_link"),
]
