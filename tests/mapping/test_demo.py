import io

from civic.models import Area, GazetteerEntry
from mapping import demo
from mapping.models import IssueCategory, IssueReport, PartnerApiKey
from project.demo import content
from tests.civic.factories import OrganisationFactory


def test_maps_demo_loads_once_with_wards_gazetteer_categories_and_reports(db):
    for slug, name, kind in content.ORGANISATIONS:
        OrganisationFactory(slug=slug, name=name, kind=kind)
    out = io.StringIO()
    demo.load(out)
    demo.load(out)  # idempotent
    assert Area.objects.filter(kind="council").count() == 1
    assert Area.objects.wards().count() == len(content.WARDS)
    assert GazetteerEntry.objects.count() == len(demo.GAZETTEER)
    assert not GazetteerEntry.objects.filter(ward__isnull=True).exists()
    assert IssueCategory.objects.count() == len(demo.CATEGORIES)
    assert IssueReport.objects.count() == demo.REPORTS
    assert not IssueReport.objects.filter(ward__isnull=True).exists()
    assert IssueReport.objects.filter(status="fixed").exists()
    assert PartnerApiKey.lookup(demo.DEMO_API_KEY) is not None
    assert "reports already loaded" in out.getvalue()


def test_maps_demo_is_skipped_without_the_demo_organisations(db):
    out = io.StringIO()
    demo.load(out)
    assert "skipped" in out.getvalue()
    assert not IssueReport.objects.exists()
