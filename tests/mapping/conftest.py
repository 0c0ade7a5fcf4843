import pytest
from django.db import connections

from tests.civic.factories import OrganisationFactory, UserFactory
from tests.mapping.factories import CategoryFactory, GazetteerFactory, make_council
from tests.mapping.live import daphne_on_test_database, database_url, is_test_database


@pytest.fixture
def council(db):
    return make_council()


@pytest.fixture
def west(council):
    return council[1]


@pytest.fixture
def council_org(db):
    return OrganisationFactory(name="Testborough Council", slug="testborough-council")


@pytest.fixture
def police_org(db):
    return OrganisationFactory(name="Testborough Police", slug="testborough-police", kind="police")


@pytest.fixture
def potholes(council_org):
    return CategoryFactory(name="Pothole", slug="potholes", service_code="POT", organisation=council_org)


@pytest.fixture
def lights(council_org):
    return CategoryFactory(name="Street light", slug="lights", service_code="LIGHT", organisation=council_org)


@pytest.fixture
def vehicles(police_org):
    return CategoryFactory(
        name="Abandoned vehicle", slug="vehicles", service_code="VEH", organisation=police_org
    )


@pytest.fixture
def high_street(council):
    return GazetteerFactory(
        name="High Street", kind="street", latitude=52.905, longitude=-1.545, ward=council[1]
    )


@pytest.fixture
def reporter(db):
    return UserFactory(roles=["Residents"])


@pytest.fixture
def report_officer(council_org):
    return UserFactory(roles=["Officers"], organisation=council_org)


@pytest.fixture
def police_officer(police_org):
    return UserFactory(roles=["Officers"], organisation=police_org)


@pytest.fixture(scope="session")
def civic_server(django_db_setup, django_db_blocker):
    """daphne on a free loopback port sharing the test database, for the whole session."""
    with django_db_blocker.unblock():
        connection = connections["default"]
        if not is_test_database(connection):
            pytest.skip("the test database is not set up; run this module whole")
        url = database_url(connection.settings_dict)
    with daphne_on_test_database(url) as root:
        yield root
