"""Sign-up offers new-consultation alerts (ward, and topics features add), off unless ticked."""

import pytest
from bs4 import BeautifulSoup

from civic.models import Frequency, NotificationKind, NotificationPreference, ParticipantProfile, User
from tests.civic.factories import make_council

PASSWORD = "a-long-unusual-passphrase-2026"


def sign_up(client, **extra):
    data = {
        "email": "new@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "RiversideRita",
        **extra,
    }
    return client.post("/accounts/signup/", data)


@pytest.fixture
def wards(db):
    _council, west, east = make_council()
    return west, east


def test_the_alerts_are_offered_unticked(client, wards):
    html = client.get("/accounts/signup/").content.decode()
    page = BeautifulSoup(html, "html.parser")
    box = page.find("input", {"name": "new_consultation_alerts"})
    assert box is not None and not box.has_attr("checked")
    ward = page.find("select", {"name": "alert_ward"})
    assert [option.text for option in ward.find_all("option")] == [
        "Prefer not to say",
        "East Ward",
        "West Ward",
    ]
    assert page.find("label", {"for": "id_alert_ward"}) is not None
    assert not page.find("input", {"name": "ward_consent"}).has_attr("checked")


def test_signing_up_without_the_alerts_saves_no_choice(client, wards):
    assert sign_up(client).status_code == 302
    user = User.objects.get(email="new@example.org")
    assert not NotificationPreference.objects.filter(user=user).exists()
    assert not ParticipantProfile.objects.filter(user=user).exists()


def test_signing_up_with_the_alerts_and_a_ward_saves_them_as_the_account_page_does(client, wards):
    west, _east = wards
    response = sign_up(client, new_consultation_alerts="on", alert_ward=str(west.pk), ward_consent="on")
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    preference = NotificationPreference.objects.get(user=user, kind=NotificationKind.NEW_CONSULTATION)
    assert preference.frequency == Frequency.WEEKLY
    profile = ParticipantProfile.objects.get(user=user)
    assert profile.ward == west and profile.has_consented
    assert (profile.age_band, profile.disability, profile.ethnicity) == ("", "", "")
    client.force_login(user)
    assert "Your ward: <strong>West Ward</strong>" in client.get("/accounts/profile/").content.decode()


ALERTS = {"new_consultation_alerts": "on"}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({**ALERTS, "alert_ward": "999999", "ward_consent": "on"}, "Choose your ward from the"),
        ({**ALERTS, "alert_ward": "²", "ward_consent": "on"}, "Choose your ward from the"),
        ({**ALERTS, "alert_ward": "{west}"}, "Tick the box to agree to share your ward"),
        ({"alert_ward": "{west}", "ward_consent": "on"}, "Tick the box to hear about new consultations"),
        (ALERTS, "Choose your ward or at least one topic, or untick the box."),
    ],
)  # fmt: skip
def test_bad_alert_choices_are_refused_with_a_clear_error_and_nothing_saved(client, wards, extra, message):
    west, _east = wards
    data = {key: value.format(west=west.pk) for key, value in extra.items()}
    response = sign_up(client, **data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert not User.objects.exists()
    assert not NotificationPreference.objects.exists() and not ParticipantProfile.objects.exists()
