from django.urls import include, path

from . import views

app_name = "consultations"
urlpatterns = [
    path("consultations/<id:page_id>/comment/", views.post_comment, name="post_comment"),
    path("consultations/<id:page_id>/vote/", views.cast_vote, name="cast_vote"),
    path("consultations/<id:page_id>/follow/", views.follow, name="follow"),
    path("consultations/alerts/topics/", views.alert_topics, name="alert_topics"),
    path("", include("consultations.summaries.urls")),
    path("", include("consultations.conversations.urls")),
    path("", include("consultations.surveys.urls")),
    path("consultations/<id:page_id>/events/", views.events, name="events"),
    path("consultations/<id:page_id>/respond/", views.official_response, name="official_response"),
    path("consultations/<id:page_id>/moderation-log/", views.moderation_log, name="moderation_log"),
    path("consultations/comments/<id:comment_id>/report/", views.report_comment, name="report_comment"),
    path("consultations/comments/<id:comment_id>/thread/", views.thread_action, name="thread_action"),
]
