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


def test_demo_postcodes_and_streets_are_findable_and_inside_their_wards(db):
    from civic import places
    from civic.models import Address
    from mapping.demo import addresses as demo_addresses

    for slug, name, kind in content.ORGANISATIONS:
        OrganisationFactory(slug=slug, name=name, kind=kind)
    demo.load(io.StringIO())
    count = Address.objects.count()
    demo.load(io.StringIO())  # loading again updates the same rows
    assert Address.objects.count() == count > 300
    assert places.find_places("NB1 2AB")[0].label == "NB1 2AB"
    assert places.find_places("Elm Road")[0].name == "Elm Road"
    assert not Address.objects.filter(ward__isnull=True).exists()
    wards = {area.pk: area for area in Area.objects.wards()}
    for address in Address.objects.all():
        assert wards[address.ward_id].contains(address.latitude, address.longitude), address.name
    codes = {w[2]: w[0] for w in demo_addresses.WARDS}
    for address in Address.objects.filter(kind="postcode").select_related("ward"):
        assert address.ward.slug == codes[address.name.split()[0]], address.name


def test_demo_address_files_are_what_the_generator_writes():
    from mapping.demo import addresses as demo_addresses

    onspd, open_names = demo_addresses.generate()
    assert demo_addresses.POSTCODES_FILE.read_text(encoding="utf-8") == onspd
    assert demo_addresses.OPEN_NAMES_FILE.read_text(encoding="utf-8") == open_names
