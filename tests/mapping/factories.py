import factory

from mapping.models import IssueCategory, IssueReport, StatusChange
from tests.civic.factories import GazetteerFactory, OrganisationFactory, UserFactory, make_council, square

__all__ = ["GazetteerFactory", "make_council", "square"]  # places moved to civic; old imports still work


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
    from civic import places

    try:
        return places.locate(lat, lon).ward
    except places.LocationError:
        return None


def history(report, status, officer=None, note=""):
    return StatusChange.objects.create(
        report=report, from_status=report.status, to_status=status, officer=officer, note=note
    )
