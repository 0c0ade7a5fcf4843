from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from mapping import permissions
from tests.civic.factories import UserFactory
from tests.mapping.factories import ReportFactory


@pytest.fixture
def report(potholes):
    return ReportFactory(category=potholes)


def test_verified_resident_may_report(reporter):
    assert permissions.can_report(reporter)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: AnonymousUser(), "Sign in"),
        (lambda: UserFactory(verified=False), "Confirm your email"),
        (lambda: UserFactory(is_active=False), "not active"),
        (lambda: UserFactory(suspended_until=timezone.now() + timedelta(days=3)), "suspended"),
    ],
)
def test_people_who_may_not_report_are_told_why(db, make, reason):
    decision = permissions.can_report(make())
    assert not decision
    assert reason in decision.reason


@pytest.mark.parametrize(
    ("make", "allowed", "without_account"),
    [
        (lambda: AnonymousUser(), True, True),
        (lambda: UserFactory(), True, False),
        (lambda: UserFactory(verified=False), False, False),
        (lambda: UserFactory(suspended_until=timezone.now() + timedelta(days=3)), False, False),
    ],
)
def test_journey_is_open_without_an_account_but_not_to_accounts_that_may_not_report(
    db, make, allowed, without_account
):
    user = make()
    assert bool(permissions.can_start_report(user)) is allowed
    assert permissions.reports_without_account(user) is without_account


def test_unconfirmed_report_is_seen_only_by_its_organisations_officers(report, reporter, report_officer):
    report.awaiting_confirmation = True
    assert not permissions.can_see_report(reporter, report)
    assert not permissions.can_see_report(AnonymousUser(), report)
    assert permissions.can_see_report(report_officer, report)


def test_resident_may_add_voice_to_an_open_report_only(reporter, report):
    assert permissions.can_add_voice(reporter, report)
    report.status = "fixed"
    assert not permissions.can_add_voice(reporter, report)


def test_officer_of_the_responsible_organisation_manages_the_report(report_officer, report):
    assert permissions.can_manage_report(report_officer, report)
    assert permissions.can_export_reports(report_officer)


def test_officer_of_another_organisation_cannot_manage_the_report(police_officer, report):
    assert not permissions.can_manage_report(police_officer, report)
    assert permissions.can_export_reports(police_officer)


def test_residents_and_anonymous_people_cannot_manage_or_export(reporter, report):
    for user in (reporter, AnonymousUser()):
        assert not permissions.can_manage_report(user, report)
        assert not permissions.can_export_reports(user)


def test_officer_without_an_organisation_cannot_manage(report, db):
    assert not permissions.can_manage_report(UserFactory(roles=["Officers"]), report)


def test_councillor_cannot_manage_reports(report, council_org):
    assert not permissions.can_manage_report(
        UserFactory(roles=["Councillors"], organisation=council_org), report
    )


def test_administrator_manages_every_report(report, db):
    assert permissions.can_manage_report(UserFactory(is_superuser=True), report)


def test_merge_is_refused_into_itself_or_into_a_duplicate(report_officer, potholes):
    first, second, third = ReportFactory.create_batch(3, category=potholes)
    assert permissions.can_merge(report_officer, first, second)
    assert not permissions.can_merge(report_officer, first, first)
    third.duplicate_of = second
    decision = permissions.can_merge(report_officer, first, third)
    assert not decision and f"#{second.pk}" in decision.reason


def test_merge_is_refused_to_officers_of_another_organisation(police_officer, potholes):
    first, second = ReportFactory.create_batch(2, category=potholes)
    assert not permissions.can_merge(police_officer, first, second)


def test_merge_needs_both_reports_to_be_the_officers_organisations(
    report_officer, police_officer, potholes, vehicles
):
    council_report = ReportFactory(category=potholes)
    police_report = ReportFactory(category=vehicles)
    other_council_report = ReportFactory(category=potholes)
    assert permissions.can_merge(report_officer, council_report, other_council_report)  # allowed side
    decision = permissions.can_merge(report_officer, council_report, police_report)
    assert not decision and f"#{police_report.pk}" in decision.reason
    assert not permissions.can_merge(police_officer, police_report, council_report)
    admin = UserFactory(is_superuser=True)
    assert permissions.can_merge(admin, council_report, police_report)


def test_council_officer_cannot_merge_a_council_report_into_a_police_report_over_http(
    client, report_officer, potholes, vehicles
):
    from tests.support.auth import sign_in

    council_report = ReportFactory(category=potholes)
    police_report = ReportFactory(category=vehicles)
    sign_in(client, report_officer)
    response = client.post(f"/reports/{council_report.pk}/merge/", {"merge-into": str(police_report.pk)})
    assert response.status_code == 403 and "can merge into it" in response.content.decode()
    council_report.refresh_from_db()
    assert council_report.status == "open" and council_report.duplicate_of is None
    huge = client.post(f"/reports/{council_report.pk}/merge/", {"merge-into": "9" * 30})
    assert huge.status_code == 400  # a number beyond any id: a form error, not a server error
