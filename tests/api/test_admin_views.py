"""Administrators issue (the secret shown once), list and revoke API tokens; nobody else can."""

import pytest

from api.models import ApiToken, hash_token
from tests.civic.factories import UserFactory
from tests.support.auth import sign_in


@pytest.fixture
def admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


def test_admin_issues_a_token_shown_once_and_stored_hashed(client, admin, organisation, resident):
    sign_in(client, admin)
    response = client.post(
        "/admin/api-tokens/new/",
        {
            "organisation": organisation.pk,
            "name": "CRM",
            "user_email": resident.email,
            "scopes": ["votes:write"],
        },
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    secret = response.context["secret"]
    token = ApiToken.objects.get()
    assert token.key_hash == hash_token(secret) and secret not in token.key_hash
    assert token.user == resident and token.scopes == ["votes:write"] and token.created_by == admin
    listing = client.get("/admin/api-tokens/").content.decode()
    assert "CRM" in listing and secret not in listing


def test_write_scope_needs_an_account_and_staff_must_be_of_the_organisation(
    client, admin, organisation, partner
):
    sign_in(client, admin)
    response = client.post(
        "/admin/api-tokens/new/",
        {"organisation": organisation.pk, "name": "CRM", "scopes": ["comments:write"]},
    )
    assert response.status_code == 400 and ApiToken.objects.count() == 0
    other_officer = UserFactory(roles=["Officers"], organisation=partner)
    response = client.post(
        "/admin/api-tokens/new/",
        {
            "organisation": organisation.pk,
            "name": "CRM",
            "user_email": other_officer.email,
            "scopes": ["reports:manage"],
        },
    )
    assert response.status_code == 400 and ApiToken.objects.count() == 0


def test_admin_revokes_a_token(client, admin, organisation):
    token, raw = ApiToken.issue(organisation=organisation, name="GIS", scopes=["reports:read"])
    sign_in(client, admin)
    assert client.post(f"/admin/api-tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/wards/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


@pytest.mark.parametrize("who", ["officer", "resident"])
def test_only_administrators_reach_the_token_screens(client, request, organisation, who):
    sign_in(client, request.getfixturevalue(who))
    token, _raw = ApiToken.issue(organisation=organisation, name="GIS", scopes=["reports:read"])
    refused = (302, 403)  # Wagtail sends staff back to the dashboard; residents never enter the admin
    listing = client.get("/admin/api-tokens/")
    assert listing.status_code in refused and b"GIS" not in listing.content
    data = {"organisation": organisation.pk, "name": "x", "scopes": ["reports:read"]}
    assert client.post("/admin/api-tokens/new/", data).status_code in refused
    assert client.post(f"/admin/api-tokens/{token.pk}/revoke/").status_code in refused
    token.refresh_from_db()
    assert token.revoked_at is None and ApiToken.objects.count() == 1


def test_administrator_without_a_second_factor_is_sent_to_set_one_up(client, admin):
    sign_in(client, admin, second_factor=False)
    assert client.get("/admin/api-tokens/").status_code == 302


def test_the_organisation_is_chosen_by_its_id_in_ascii_digits_only(client, admin, organisation):
    sign_in(client, admin)
    form = {"name": "CRM", "scopes": ["reports:read"]}
    arabic_indic = str(organisation.pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    refused = client.post("/admin/api-tokens/new/", {**form, "organisation": arabic_indic})
    assert refused.status_code == 400 and "organisation" in refused.context["form"].errors
    assert not ApiToken.objects.exists()
    client.post("/admin/api-tokens/new/", {**form, "organisation": organisation.pk})
    assert ApiToken.objects.get().organisation == organisation
