"""Officers' management commands write in the language asked for (--language), the site's by default."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from civic.models import User
from tests.civic.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True, is_staff=True, email="gweinyddwr@council.example")


def test_an_officer_command_writes_in_welsh_when_asked(admin):
    erin = UserFactory(email="erin@example.com")
    out = StringIO()
    call_command("erase_account", erin.email, administrator=admin.email, yes=True, language="cy", stdout=out)
    assert "Cyfrif wedi’i ddileu." in out.getvalue()
    assert "Account" not in out.getvalue()
    assert not User.objects.filter(pk=erin.pk).exists()
    assert translation.get_language() == "en-gb"  # the language is given back afterwards


def test_an_officer_command_writes_in_the_sites_language_by_default(admin):
    out = StringIO()
    call_command("erase_account", UserFactory().email, administrator=admin.email, yes=True, stdout=out)
    assert "Account erased." in out.getvalue()


def test_a_welsh_command_refuses_in_welsh(admin):
    with pytest.raises(CommandError, match="Dim cyfrif gweinyddwr gyda’r e-bost nobody@example.com"):
        call_command(
            "erase_account", admin.email, administrator="nobody@example.com", yes=True, language="CY"
        )


def test_an_unknown_language_is_refused_naming_the_languages_there_are(admin):
    with pytest.raises(CommandError, match="Unknown language xx: choose one of en-gb, cy"):
        call_command("erase_account", admin.email, administrator=admin.email, yes=True, language="xx")
    assert User.objects.filter(pk=admin.pk).exists()


@pytest.mark.parametrize(
    "command",
    [
        "apply_retention",
        "erase_account",
        "load_addresses",
        "load_areas",
        "notification_emails",
        "consultation_notifications",
        "live_tick",
        "moderation_emails",
        "prepare_themes",
        "prune_live_events",
        "issue_open311_key",
        "reindex",
    ],
)
def test_every_officer_command_takes_a_language(command):
    from django.core.management import get_commands, load_command_class

    parser = load_command_class(get_commands()[command], command).create_parser("manage.py", command)
    assert "--language LANGUAGE" in parser.format_help()
