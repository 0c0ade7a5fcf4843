"""Categories, the gazetteer and reports in the Wagtail admin; officers act on reports on the site itself."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import GazetteerEntry, IssueCategory, IssueReport


class IssueCategoryViewSet(ModelViewSet):
    model = IssueCategory
    icon = "tag"
    menu_label = "Issue categories"
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
    menu_label = "Gazetteer"
    list_display = ["name", "kind", "ward"]
    list_filter = ["kind", "ward"]
    search_fields = ["name"]
    form_fields = ["name", "kind", "latitude", "longitude", "ward"]
    copy_view_enabled = False


class IssueReportViewSet(ModelViewSet):
    """Read-only list for staff: status changes go through the report page, which emails followers."""

    model = IssueReport
    icon = "warning"
    menu_label = "Issue reports"
    list_display = ["__str__", "category", "organisation", "status", "ward", "created_at"]
    list_filter = ["status", "category", "organisation", "ward"]
    search_fields = ["title", "description"]
    form_fields = ["title"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False


class MapsGroup(ViewSetGroup):
    menu_label = "Local issues"
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
