"""Suspending an account (the core's account services): who may suspend whom, on both sides of the
organisation wall, and what a suspension needs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic import permissions, services
from civic.errors import CivicError
from tests.civic.factories import OrganisationFactory, UserFactory


@pytest.fixture
def council_moderator(organisation):
    return UserFactory(roles=["Moderators"], organisation=organisation)


@pytest.fixture
def nhs_officer(db):
    return UserFactory(roles=["Officers"], organisation=OrganisationFactory(name="Northbrook Health Trust"))


@pytest.fixture
def moderator(organisation):
    return UserFactory(roles=["Moderators"], organisation=organisation)


def _until():
    return timezone.now() + timedelta(days=7)


@pytest.mark.parametrize(
    ("target", "allowed"),
    [
        ("resident", True),
        ("own_officer", True),
        ("nhs_officer", False),
        ("superuser", False),
        ("self", False),
    ],
)
def test_council_moderator_suspends_residents_and_own_staff_only(
    council_moderator, officer, nhs_officer, resident, target, allowed
):
    account = {
        "resident": resident,
        "own_officer": officer,
        "nhs_officer": nhs_officer,
        "superuser": UserFactory(is_superuser=True),
        "self": council_moderator,
    }[target]
    assert permissions.can_suspend_account(council_moderator, account) is allowed
    if allowed:
        services.suspend_user(moderator=council_moderator, user=account, until=_until(), reason="Abuse")
    else:
        with pytest.raises(CivicError) as refused:
            services.suspend_user(moderator=council_moderator, user=account, until=_until(), reason="Abuse")
        assert refused.value.code == "forbidden"
    account.refresh_from_db()
    assert account.is_suspended is allowed


def test_administrator_suspends_any_organisations_staff(nhs_officer):
    admin = UserFactory(is_superuser=True)
    assert permissions.can_suspend_account(admin, nhs_officer)
    admin._civic_second_factor = False  # a session that has not passed a second factor
    assert not permissions.can_suspend_account(admin, nhs_officer)


def test_lifting_a_suspension_follows_the_same_wall(council_moderator, nhs_officer):
    services.suspend_user(
        moderator=UserFactory(is_superuser=True), user=nhs_officer, until=_until(), reason="Abuse"
    )
    with pytest.raises(CivicError):
        services.lift_suspension(moderator=council_moderator, user=nhs_officer)
    nhs_officer.refresh_from_db()
    assert nhs_officer.is_suspended


def test_suspension_needs_reason_and_future_date_and_a_moderator(client, moderator, officer, resident):
    with pytest.raises(CivicError, match="reason"):
        services.suspend_user(
            moderator=moderator, user=resident, until=timezone.now() + timedelta(days=1), reason=" "
        )
    with pytest.raises(CivicError, match="future"):
        services.suspend_user(
            moderator=moderator, user=resident, until=timezone.now() - timedelta(days=1), reason="x"
        )
    with pytest.raises(CivicError, match="Only moderators"):
        services.suspend_user(
            moderator=officer, user=resident, until=timezone.now() + timedelta(days=1), reason="x"
        )
    resident.refresh_from_db()
    assert not resident.is_suspended
