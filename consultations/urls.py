from django.urls import include, path

from . import views

app_name = "consultations"
urlpatterns = [
    path("consultations/<int:page_id>/comment/", views.post_comment, name="post_comment"),
    path("consultations/<int:page_id>/vote/", views.cast_vote, name="cast_vote"),
    path("", include("consultations.summaries.urls")),
    path("consultations/<int:page_id>/events/", views.events, name="events"),
]
