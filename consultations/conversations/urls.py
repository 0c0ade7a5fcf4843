from django.urls import path

from . import views

app_name = "conversations"
urlpatterns = [
    path("consultations/conversations/<id:page_id>/vote/", views.vote, name="vote"),
    path("consultations/conversations/<id:page_id>/statements/", views.submit_statement, name="statement"),
    path("consultations/conversations/<id:page_id>/similar/", views.similar, name="similar"),
    path(
        "consultations/conversations/statements/<id:statement_id>/moderate/", views.moderate, name="moderate"
    ),
]
