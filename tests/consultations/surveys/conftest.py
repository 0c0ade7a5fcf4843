"""Fixtures shared by the survey tests."""

import pytest

from civic.models import Address
from tests.civic.factories import AddressFactory, make_council


@pytest.fixture
def wards(db):
    """Two wards, a postcode in the west one and a postcode in no ward (for ward questions)."""
    _council, west, east = make_council()
    AddressFactory(ref="postcode:NB12AB", kind=Address.Kind.POSTCODE, name="NB1 2AB", ward=west)
    AddressFactory(ref="postcode:NB99ZZ", kind=Address.Kind.POSTCODE, name="NB9 9ZZ", ward=None)
    return west, east
