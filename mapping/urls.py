from django.urls import path, re_path

from . import officer_views, open311, proposal_maps, views

app_name = "mapping"
urlpatterns = [
    path("reports/", views.report_map, name="report_map"),
    path("reports/list/", views.report_list, name="report_list"),
    path("reports/pins.geojson", views.report_pins, name="report_pins"),
    path("reports/new/", views.report_new, name="report_new"),
    path("reports/new/details/", views.report_details, name="report_details"),
    path("reports/new/confirm/", views.report_confirm, name="report_confirm"),
    path("reports/new/check-email/", views.report_check_email, name="report_check_email"),
    path("reports/confirm/<str:token>/", views.confirm_report, name="confirm_report"),
    path("reports/manage/", officer_views.manage_reports, name="manage_reports"),
    path("reports/manage/export.csv", officer_views.export_csv, name="export_csv"),
    path("reports/manage/export.geojson", officer_views.export_geojson, name="export_geojson"),
    path("reports/<id:report_id>/", views.report_detail, name="report_detail"),
    path("reports/<id:report_id>/photo", views.report_photo, name="report_photo"),
    path("reports/<id:report_id>/voice/", views.add_voice, name="add_voice"),
    path("reports/<id:report_id>/follow/", views.follow_report, name="follow_report"),
    path("reports/<id:report_id>/hide/", officer_views.hide_report, name="hide_report"),
    path("reports/<id:report_id>/status/", officer_views.update_status, name="update_status"),
    path("reports/<id:report_id>/merge/", officer_views.merge_report, name="merge_report"),
    path("reports/<id:report_id>/reassign/", officer_views.reassign_report, name="reassign_report"),
    path("maps/proposals/", proposal_maps.proposals_map, name="proposals_map"),
    path("maps/proposals.geojson", proposal_maps.proposal_pins, name="proposal_pins"),
    path("maps/consultations/<id:page_id>/", proposal_maps.consultation_map, name="consultation_map"),
    re_path(r"^open311/v2/services\.(?P<fmt>\w+)$", open311.service_list, name="open311_services"),
    re_path(
        r"^open311/v2/services/(?P<code>[^/]+)\.(?P<fmt>json|xml)$",
        open311.service_definition,
        name="open311_service",
    ),
    re_path(r"^open311/v2/requests\.(?P<fmt>\w+)$", open311.requests_view, name="open311_requests"),
    re_path(
        r"^open311/v2/requests/(?P<request_id>[^/]+)\.(?P<fmt>json|xml)$",
        open311.request_detail,
        name="open311_request",
    ),
]
