import factory

from mapping.models import Area, GazetteerEntry, IssueCategory, IssueReport, StatusChange
from tests.civic.factories import OrganisationFactory, UserFactory


def square(west, south, east, north) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
    }


def make_council(db=None):
    """Northbrook-like council: a boundary and two wards side by side."""
    council = Area.objects.create(
        name="Testborough",
        slug="testborough",
        kind=Area.Kind.COUNCIL,
        geometry=square(-1.56, 52.88, -1.50, 52.92),
    )
    west = Area.objects.create(name="West Ward", slug="west", geometry=square(-1.56, 52.88, -1.53, 52.92))
    east = Area.objects.create(name="East Ward", slug="east", geometry=square(-1.53, 52.88, -1.50, 52.92))
    return council, west, east


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    service_code = factory.Sequence(lambda n: f"CODE-{n}")
    organisation = factory.SubFactory(OrganisationFactory)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueReport

    category = factory.SubFactory(CategoryFactory)
    organisation = factory.LazyAttribute(lambda o: o.category.organisation)
    title = factory.Sequence(lambda n: f"Pothole number {n}")
    description = "A deep hole in the road."
    latitude = 52.90
    longitude = -1.54
    reporter = factory.SubFactory(UserFactory)
    status = "open"
    ward = factory.LazyAttribute(lambda o: ward_at(o.latitude, o.longitude))


def ward_at(lat, lon):
    from mapping import places

    try:
        return places.locate(lat, lon).ward
    except places.LocationError:
        return None


class GazetteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GazetteerEntry

    name = factory.Sequence(lambda n: f"Street {n}")
    latitude = 52.90
    longitude = -1.54


def history(report, status, officer=None, note=""):
    return StatusChange.objects.create(
        report=report, from_status=report.status, to_status=status, officer=officer, note=note
    )
