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


def _postcodes():
    from civic.models import Address
    from tests.civic.factories import AddressFactory, make_council

    _council, west, _east = make_council()
    for name, ward in (("NB1 2AB", west), ("NB1 2AD", west), ("ZZ9 9ZZ", None)):
        AddressFactory(ref=f"postcode:{name}", kind=Address.Kind.POSTCODE, name=name, ward=ward)
    return west


def test_a_postcode_gives_the_residents_ward_and_is_not_kept(client, resident):
    west = _postcodes()
    sign_in(client, resident)
    response = client.post("/accounts/profile/", about(consent="on", postcode="nb1  2ab"))
    assert response.status_code == 302
    profile = ParticipantProfile.objects.get(user=resident)
    assert profile.ward == west
    assert "NB1" not in str(profile.__dict__) and "nb1" not in str(profile.__dict__)


def test_a_postcode_needs_consent_like_the_ward(client, resident):
    _postcodes()
    sign_in(client, resident)
    response = client.post("/accounts/profile/", about(postcode="NB1 2AB"))
    assert response.status_code == 400 and "Tick the box to agree" in response.content.decode()
    assert not ParticipantProfile.objects.exists()


def test_an_unknown_postcode_is_explained_in_the_error_summary(client, resident):
    _postcodes()
    sign_in(client, resident)
    response = client.post("/accounts/profile/", about(consent="on", postcode="QQ1 1QQ"))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_about-postcode"' in html and "We could not find that postcode" in html
    assert not ParticipantProfile.objects.exists()


def test_a_mistyped_postcode_offers_the_near_ones_to_choose_without_javascript(client, resident):
    west = _postcodes()
    sign_in(client, resident)
    response = client.post("/accounts/profile/", about(consent="on", postcode="NB1 2BA"))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'type="radio" name="about-postcode" value="NB1 2AB"' in html
    data = about(consent="on")
    data["about-postcode"] = ["NB1 2BA", "NB1 2AB"]  # the text box, then the radio chosen after it
    assert client.post("/accounts/profile/", data).status_code == 302
    assert ParticipantProfile.objects.get(user=resident).ward == west


def test_a_postcode_outside_the_wards_asks_for_the_ward(client, resident):
    _postcodes()
    sign_in(client, resident)
    response = client.post("/accounts/profile/", about(consent="on", postcode="ZZ9 9ZZ"))
    assert response.status_code == 400 and "not in one of the council" in response.content.decode()


def test_the_postcode_box_is_ready_for_suggestions_and_autofill(client, resident):
    sign_in(client, resident)
    html = client.get("/accounts/profile/").content.decode()
    assert (
        'autocomplete="postal-code"' in html and 'data-place-lookup="/places/suggest/?kind=postcode"' in html
    )
    assert "js/place-lookup.js" in html
