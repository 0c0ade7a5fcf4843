from django.urls import path

from . import question_views, views

urlpatterns = [
    path("consultations/surveys/<id:page_id>/answers/", views.save_answers, name="survey_answers"),
    path(
        "consultations/surveys/<id:page_id>/questions/<slug:question_id>/",
        question_views.question_page,
        name="survey_question",
    ),
    path("consultations/surveys/<id:page_id>/check/", views.check_answers, name="survey_check"),
    path("consultations/surveys/<id:page_id>/submit/", views.submit, name="survey_submit"),
    path("consultations/surveys/<id:page_id>/check-email/", views.check_email, name="survey_check_email"),
    path("consultations/surveys/confirm/<str:token>/", views.confirm, name="survey_confirm"),
    path("consultations/surveys/<id:page_id>/assisted/", views.assisted_entry, name="survey_assisted"),
    path(
        "consultations/surveys/answers/<id:response_id>/<slug:question_id>/",
        views.answer_link,
        name="survey_answer",
    ),
    path("consultations/surveys/<id:page_id>/results/", views.results, name="survey_results"),
    path("consultations/surveys/<id:page_id>/responses.csv", views.responses_csv, name="survey_csv"),
]
