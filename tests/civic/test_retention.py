"""Retention: what is kept for a limited time goes on schedule, exactly when due and nothing else."""

from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone
from wagtail.models import ModelLogEntry

from civic import retention
from civic.models import User
from project.demo import information
from tests.civic.factories import UserFactory


def joined(user, days_ago: float):
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days_ago))
    return user


def run(*args: str) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def accounts(db, settings, organisation):
    settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS = 30
    return {
        "due": joined(UserFactory(verified=False, roles=["Residents"]), 31),
        "recent": joined(UserFactory(verified=False, roles=["Residents"]), 29),
        "verified": joined(UserFactory(roles=["Residents"]), 400),
        "staff_flag": joined(UserFactory(verified=False, is_staff=True), 400),
        "officer": joined(UserFactory(verified=False, roles=["Officers"], organisation=organisation), 400),
        "councillor": joined(UserFactory(verified=False, roles=["Councillors"]), 400),
        "administrator": joined(UserFactory(verified=False, is_superuser=True), 400),
    }


def test_unverified_resident_accounts_past_the_period_are_erased_and_nothing_else(accounts):
    output = run()
    assert "Unverified accounts: 1 removed" in output
    remaining = set(User.objects.values_list("pk", flat=True))
    assert accounts["due"].pk not in remaining
    assert {user.pk for name, user in accounts.items() if name != "due"} <= remaining
    assert not EmailAddress.objects.filter(email=accounts["due"].email).exists()
    entry = ModelLogEntry.objects.get(action="civic.erase", object_id=str(accounts["due"].pk))
    assert entry.user_id is None and entry.data["retention"] == "unverified"
    assert "Unverified accounts: 0 removed" in run()  # nothing left that is due


def test_dry_run_reports_counts_and_changes_nothing(accounts):
    before = User.objects.count()
    output = run("--dry-run")
    assert "Unverified accounts: 1 due (dry run, nothing removed)" in output
    assert User.objects.count() == before


def test_an_account_confirmed_meanwhile_is_kept(accounts):
    EmailAddress.objects.filter(user=accounts["due"]).update(verified=True)
    assert "Unverified accounts: 0 removed" in run()
    assert User.objects.filter(pk=accounts["due"].pk).exists()


def test_every_registered_step_reports_progress(db):
    output = run("--dry-run")
    titles = [registered.title for registered in retention.steps()]
    assert "Unverified accounts" in titles and len(titles) >= 4  # features registered theirs
    assert "Downloaded or expired data exports" in titles
    for title in titles:
        assert f"{title}: checking..." in output and f"{title}: 0 due" in output


def test_no_table_stores_a_client_address():
    """Rate limits and sign-in throttling keep addresses only in cache counters that expire; a model
    that starts storing one needs a retention step and a line in the privacy notice."""
    stored = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.GenericIPAddressField)
    ]
    assert stored == []


def test_privacy_notice_states_the_configured_periods(settings):
    settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS = 17
    settings.ASSISTED_DETAILS_RETENTION_DAYS = 61
    settings.LIVE_EVENT_RETENTION_DAYS = 9
    settings.PERSONAL_DATA_EXPORT_LINK_HOURS = 13
    privacy = next(page for page in information.pages() if page["kind"] == "privacy")
    text = " ".join(getattr(value, "source", value) for _kind, value in privacy["body"])
    assert "deleted 17 days after it was made" in text
    assert "61 days after the consultation closes" in text
    assert "deleted after 9 days" in text
    assert "or 13 hours after we email you the link" in text
