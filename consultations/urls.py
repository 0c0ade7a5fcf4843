from django.urls import include, path

from . import views

app_name = "consultations"
urlpatterns = [
    path("consultations/<int:page_id>/comment/", views.post_comment, name="post_comment"),
    path("consultations/<int:page_id>/vote/", views.cast_vote, name="cast_vote"),
    path("", include("consultations.summaries.urls")),
    path("consultations/<int:page_id>/events/", views.events, name="events"),
    path("consultations/<int:page_id>/respond/", views.official_response, name="official_response"),
    path("consultations/<int:page_id>/moderation-log/", views.moderation_log, name="moderation_log"),
    path("consultations/comments/<int:comment_id>/report/", views.report_comment, name="report_comment"),
    path("consultations/comments/<int:comment_id>/thread/", views.thread_action, name="thread_action"),
]
