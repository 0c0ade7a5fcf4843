from civic.models import Area, ParticipantProfile
from tests.support.auth import sign_in


def about(**fields):
    data = {"form": "about-you"}
    data.update({f"about-{name}": value for name, value in fields.items()})
    return data


def test_profile_page_offers_optional_details_with_consent(client, resident):
    sign_in(client, resident)
    html = client.get("/accounts/profile/").content.decode()
    assert "About you (optional)" in html and 'name="about-consent"' in html and "Prefer not to say" in html


def test_details_are_saved_only_with_consent(client, resident):
    ward = Area.objects.create(name="Abbey", slug="abbey", kind="ward")
    sign_in(client, resident)
    refused = client.post("/accounts/profile/", about(age_band="25-34", ward=ward.pk))
    assert refused.status_code == 400 and "Tick the box to agree" in refused.content.decode()
    assert not ParticipantProfile.objects.exists()
    saved = client.post(
        "/accounts/profile/", about(consent="on", age_band="25-34", ward=ward.pk, ethnicity="mixed")
    )
    assert saved.status_code == 302
    profile = ParticipantProfile.objects.get(user=resident)
    assert profile.has_consented and profile.ward == ward and profile.age_band == "25-34"
    assert profile.disability == ""


def test_withdrawing_consent_deletes_every_detail(client, resident):
    sign_in(client, resident)
    client.post("/accounts/profile/", about(consent="on", age_band="65-74"))
    assert ParticipantProfile.objects.filter(user=resident).exists()
    response = client.post("/accounts/profile/", about())
    assert response.status_code == 302
    assert not ParticipantProfile.objects.filter(user=resident).exists()


def test_display_name_form_still_works(client, resident):
    sign_in(client, resident)
    assert client.post("/accounts/profile/", {"display_name": "New Name"}).status_code == 302
    resident.refresh_from_db()
    assert resident.display_name == "New Name"
