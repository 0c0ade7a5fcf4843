import pytest

from api.models import ApiToken
from tests.support.auth import give_authenticator


@pytest.fixture
def verified_resident(resident):
    """Factories confirm the address already; named for what the write rules need."""
    return resident


@pytest.fixture
def make_token(organisation):
    def make(scopes, user=None, org=None):
        return ApiToken.issue(organisation=org or organisation, name="Test system", scopes=scopes, user=user)[
            1
        ]

    return make


@pytest.fixture
def officer_with_authenticator(officer):
    give_authenticator(officer)
    return officer


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
