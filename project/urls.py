"""Root URLs: every app's pages, the admin, accounts and search, with Wagtail's pages last."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from civic import i18n
from civic import views as civic_views
from consultations import urls as consultation_urls
from search import views as search_views

# Addresses every reader uses carry the language: English at the plain address, Welsh under /cy/.
# Machine interfaces (admin, API, health check) have one address.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", civic_views.healthz, name="healthz"),
    path("api/v1/", include("api.urls")),
    path("language/<str:code>/", i18n.choose_language, name="set_language_choice"),
]

urlpatterns += i18n_patterns(
    # The interface strings JavaScript shows, in the page's language (served here: strict CSP, no CDN).
    path(
        "jsi18n/",
        cache_control(max_age=3600, public=True)(JavaScriptCatalog.as_view()),
        name="javascript_catalog",
    ),
    path("accounts/profile/", civic_views.profile, name="profile"),
    path("accounts/profile/my-data/", civic_views.download_my_data, name="download_my_data"),
    path(
        "accounts/profile/my-data/<str:token>/",
        civic_views.personal_data_export,
        name="personal_data_export",
    ),
    path("accounts/delete/", civic_views.close_account, name="close_account"),
    path("accounts/delete/<str:token>/", civic_views.confirm_close_account, name="confirm_close_account"),
    path(
        "accounts/notifications/<id:notification_id>/",
        civic_views.open_notification,
        name="open_notification",
    ),
    path("accounts/notifications/read/", civic_views.mark_notifications_read, name="mark_notifications_read"),
    path("notifications/unsubscribe/<str:token>/", civic_views.unsubscribe, name="notifications_unsubscribe"),
    path("accounts/", include("allauth.urls")),
    path("search/", search_views.site_search, name="site_search"),
    path("search/officer/", include("search.urls")),
    path("places/suggest/", civic_views.place_suggestions, name="place_suggestions"),
    path("", include("mapping.urls")),
    path("", include(consultation_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
