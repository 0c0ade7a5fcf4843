"""Fixtures shared by the consultations tests that run their own processes."""

import pytest

from tests.support.servers import Database


@pytest.fixture
def database(django_db_setup, django_db_blocker):
    """A copy of the migrated test database when this session set one up, else a fresh one."""
    from django.db import connection

    with django_db_blocker.unblock():
        set_up = connection.settings_dict["NAME"] == connection.creation._get_test_db_name()
        database = Database(template=connection.settings_dict if set_up else None)
    yield database
    database.drop()
