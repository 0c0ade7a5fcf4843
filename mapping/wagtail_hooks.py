"""Categories, the gazetteer and reports in the Wagtail admin; officers act on reports on the site itself."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from civic import roles
from civic.admin_menu import PermittedMenuItem
from civic.models import Area, GazetteerEntry

from . import maps, permissions
from .models import IssueCategory, IssueReport, Status


def _own_organisation(queryset, user):
    """Rows of the user's organisation; administrators see every organisation's."""
    if roles.is_admin(user):
        return queryset
    if not roles.has_staff_powers(user) or not user.organisation_id:
        return queryset.none()
    return queryset.filter(organisation_id=user.organisation_id)


class OwnOrganisationObject:
    """A single-object admin view that refuses another organisation's row."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not _own_organisation(type(obj)._default_manager.filter(pk=obj.pk), self.request.user).exists():
            raise PermissionDenied
        return obj


class OwnOrganisationChoice:
    """A create or edit form whose organisation can only be the user's own."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        field = form.fields.get("organisation")
        if field is not None and not roles.is_admin(self.request.user):
            field.queryset = field.queryset.filter(pk=self.request.user.organisation_id)
        return form


class OwnOrganisationIndex(generic.IndexView):
    def get_base_queryset(self):
        return _own_organisation(super().get_base_queryset(), self.request.user)


class OwnOrganisationViewSet(ModelViewSet):
    """Officers and moderators granted these screens reach only their organisation's rows."""

    index_view_class = OwnOrganisationIndex
    add_view_class = type("OwnOrganisationCreate", (OwnOrganisationChoice, generic.CreateView), {})
    edit_view_class = type(
        "OwnOrganisationEdit", (OwnOrganisationObject, OwnOrganisationChoice, generic.EditView), {}
    )
    delete_view_class = type("OwnOrganisationDelete", (OwnOrganisationObject, generic.DeleteView), {})
    inspect_view_class = type("OwnOrganisationInspect", (OwnOrganisationObject, generic.InspectView), {})
    history_view_class = type("OwnOrganisationHistory", (OwnOrganisationObject, HistoryView), {})
    usage_view_class = type("OwnOrganisationUsage", (OwnOrganisationObject, UsageView), {})


class IssueCategoryViewSet(OwnOrganisationViewSet):
    model = IssueCategory
    icon = "tag"
    menu_label = gettext_lazy("Issue categories")
    list_display = ["name", "service_code", "organisation", "active"]
    list_filter = ["organisation", "active"]
    search_fields = ["name", "service_code"]
    form_fields = [
        "name",
        "slug",
        "service_code",
        "description",
        "group",
        "keywords",
        "organisation",
        "active",
    ]
    copy_view_enabled = False


class GazetteerViewSet(ModelViewSet):
    model = GazetteerEntry
    icon = "site"
    menu_label = gettext_lazy("Gazetteer")
    list_display = ["name", "kind", "ward"]
    list_filter = ["kind", "ward"]
    search_fields = ["name"]
    form_fields = ["name", "kind", "latitude", "longitude", "ward"]
    copy_view_enabled = False


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The admin may list and inspect these rows but never add, change or delete them."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)


# Reports change only through mapping.services (the report page and Open311): status changes
# write their StatusChange, email followers, update the index and the live map.
register_permission_policy(IssueReport, ReadOnlyPermissionPolicy(IssueReport), exact_class=True)


class IssueReportViewSet(OwnOrganisationViewSet):
    """Read-only list for staff: status changes go through the report page, which emails followers."""

    model = IssueReport
    icon = "warning"
    menu_label = gettext_lazy("Issue reports")
    list_display = ["__str__", "category", "organisation", "status", "ward", "language", "created_at"]
    list_filter = ["status", "awaiting_confirmation", "category", "organisation", "ward"]
    search_fields = ["title", "description"]
    form_fields = ["title"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False


class MapsGroup(ViewSetGroup):
    menu_label = gettext_lazy("Local issues")
    menu_icon = "warning"
    menu_order = 260
    items = (
        IssueReportViewSet("issue_reports"),
        IssueCategoryViewSet("issue_categories"),
        GazetteerViewSet("gazetteer"),
    )


@hooks.register("register_admin_viewset")
def register_maps_viewsets():
    return MapsGroup()


@hooks.register("register_admin_menu_item")
def report_management_menu():
    """The officers' way to the report work list and its exports, without knowing the URLs."""
    officers = permissions.can_export_reports  # the people the report work list serves
    csv, geojson = reverse("mapping:export_csv") + "?mine=1", reverse("mapping:export_geojson") + "?mine=1"
    items = [
        PermittedMenuItem(
            gettext_lazy("Manage reports"),
            reverse("mapping:manage_reports"),
            shown_to=officers,
            icon_name="list-ul",
            order=1,
        ),
        PermittedMenuItem(
            gettext_lazy("Export reports (CSV)"), csv, shown_to=officers, icon_name="download", order=2
        ),
        PermittedMenuItem(
            gettext_lazy("Export reports (GeoJSON)"),
            geojson,
            shown_to=officers,
            icon_name="download",
            order=3,
        ),
    ]
    return SubmenuMenuItem(
        gettext_lazy("Report management"), Menu(items=items), icon_name="warning", order=255
    )


class ReportsPanel(Component):
    """The dashboard's count of the organisation's reports by status (administrators: every organisation)."""

    name = "civic_reports"
    template_name = "mapping/dashboard_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        # The same reports the work list shows: visible ones, of the user's organisation.
        reports = _own_organisation(IssueReport.objects.visible(), self.user)
        counts = dict(reports.values_list("status").annotate(n=Count("id")).order_by())
        manage = reverse("mapping:manage_reports")
        mine = {} if roles.is_admin(self.user) else {"mine": "1"}
        context.update(
            statuses=[
                {
                    "value": value,
                    "label": label,
                    "count": counts.get(value, 0),
                    "url": f"{manage}?{urlencode({'status': value, **mine})}",
                }
                for value, label in Status.choices
                if value != Status.DUPLICATE  # merged reports leave the work list
            ],
            total=sum(counts.values()),
            manage_url=f"{manage}?{urlencode(mine)}" if mine else manage,
            is_admin=roles.is_admin(self.user),
        )
        return context


@hooks.register("construct_homepage_panels")
def reports_panel(request, panels):
    if permissions.can_export_reports(request.user):
        panels.append(ReportsPanel(request.user))


@hooks.register("insert_editor_js")
def location_map_js():
    """A map that fills in latitude and longitude in editing forms that have them (proposals,
    the gazetteer), on the configured tile server, fitted to the council's area."""
    areas = Area.objects.filter(kind__in=[Area.Kind.COUNCIL, Area.Kind.WARD], min_lat__isnull=False)
    bounds = maps.area_bounds(list(areas.only("kind", "min_lat", "max_lat", "min_lon", "max_lon")))
    # Wagtail 8 has no editor CSS hook; stylesheet links are allowed in the body.
    styles = format_html_join(
        "",
        '<link rel="stylesheet" href="{}">',
        ((static(path),) for path in ("mapping/vendor/leaflet/leaflet.css", "mapping/css/maps.css")),
    )
    scripts = format_html_join(
        "",
        '<script src="{}"></script>',
        ((static(path),) for path in ("mapping/vendor/leaflet/leaflet.js", "mapping/js/civic-maps.js")),
    )
    return (
        styles
        + scripts
        + format_html(
            '<script src="{}" data-tiles="{}" data-attribution="{}" data-bounds="{}"'
            ' data-words="{}"></script>',
            static("mapping/js/location-editor.js"),
            settings.MAP_TILE_URL,
            maps.tile_attribution(),
            json.dumps(bounds),
            json.dumps(maps.location_editor_words()),
        )
    )
