from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.officer_search, name="officer"),
    path("export.csv", views.export_csv, name="export"),
    path("saved/", views.save_search, name="save"),
    path("saved/<id:pk>/delete/", views.delete_saved_search, name="delete_saved"),
]
