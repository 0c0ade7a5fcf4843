import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from civic.models import Address, Area, GazetteerEntry, Organisation, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.COUNCIL


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified email unless verified=False; roles=[...] adds groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Neighbour{n}")
    first_name = "Realfirst"
    last_name = "Reallast"
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*[Group.objects.get(name=name) for name in extracted])


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


class GazetteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GazetteerEntry

    name = factory.Sequence(lambda n: f"Street {n}")
    latitude = 52.90
    longitude = -1.54


class AddressFactory(factory.django.DjangoModelFactory):
    """A findable place; its search keys are made on save."""

    class Meta:
        model = Address

    ref = factory.Sequence(lambda n: f"test:{n}")
    kind = Address.Kind.STREET
    name = factory.Sequence(lambda n: f"Street {n}")
    latitude = 52.90
    longitude = -1.54


def make_information_page(parent, kind, *, slug=None, title=None, live=True, **fields):
    """An information page (privacy, house rules...) under the home page."""
    from civic.models import InformationPage

    page = InformationPage(
        kind=kind,
        slug=slug or kind,
        title=title or kind.replace("-", " ").capitalize(),
        intro=fields.pop("intro", "Why this page exists."),
        live=live,
        **fields,
    )
    parent.add_child(instance=page)
    return page
