"""What mapping puts into search: issue reports (never the contact email). Registered from
MappingConfig.ready()."""

from django.utils.translation import gettext_lazy

from search import documents
from search.documents import DocumentType, location, page_text


class IssueReportDocument(DocumentType):
    """Issue reports from mapping (indexed once that app has them); the contact email never is."""

    name = "issue_report"
    label = gettext_lazy("Issue report")
    model = "mapping.IssueReport"
    public = True  # report pages are public while the report is visible

    def queryset(self):
        return super().queryset().select_related("reporter", "ward", "category")

    def is_indexable(self, report) -> bool:
        return report.is_visible  # hidden or merged: its text leaves the index

    def fields(self, report, context):
        ward = report.ward.name if report.ward_id else context.ward(report.latitude, report.longitude)
        return {
            "title": report.title,
            "text": page_text(report.description, report.location_text, report.category.name),
            "url": report.get_absolute_url(),
            "organisation_ids": [report.organisation_id],
            "ward": ward,
            "moderation_state": "published",
            "status": report.status,
            "author": report.reporter_name,
            "created": report.created_at,
            "location": location(report.latitude, report.longitude),
        }

    def public_pks(self, pks) -> set[int]:
        """Visible reports: hidden and merged ones are never public."""
        reports = self.model_class().objects.visible().filter(pk__in=list(pks))
        return set(reports.values_list("pk", flat=True))

    def keys_by_author(self, user_id: int) -> list[str]:
        reports = self.model_class().objects.filter(reporter_id=user_id)
        return [f"issue_report:{pk}" for pk in reports.values_list("pk", flat=True)]


def register() -> None:
    documents.register(IssueReportDocument)
