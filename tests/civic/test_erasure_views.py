"""The admin's erasure-request screens: only administrators with a second factor find a resident and
erase them after confirming; the audit log names who, when and which account, nothing of the person."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from civic.models import User
from tests.civic.factories import UserFactory
from tests.support.auth import sign_in

FIND = "/admin/erasure-requests/"


def confirm_url(account) -> str:
    return f"/admin/erasure-requests/{account.pk}/"


@pytest.fixture
def erin(db):
    return UserFactory(
        display_name="ErasedErin", email="erin@private.example", first_name="Erin", roles=["Residents"]
    )


@pytest.fixture
def admin(make_user):
    return make_user(is_superuser=True, is_staff=True, email="admin@council.example")


def test_an_administrator_finds_the_resident_and_erases_them_after_confirming(client, admin, erin):
    sign_in(client, admin)
    found = client.get(FIND, {"q": "ERIN@private.example"})
    assert found.status_code == 200
    html = found.content.decode()
    assert "ErasedErin" in html and f'href="{confirm_url(erin)}"' in html
    assert "ErasedErin" in client.get(FIND, {"q": "erased"}).content.decode()  # part of the name
    page = client.get(confirm_url(erin))
    assert page.status_code == 200 and "will be <strong>erased</strong>" in page.content.decode()
    unconfirmed = client.post(confirm_url(erin), {})
    assert unconfirmed.status_code == 400
    assert "Confirm that this person asked" in unconfirmed.content.decode()
    assert User.objects.filter(pk=erin.pk).exists()
    done = client.post(confirm_url(erin), {"confirm": "on"})
    assert done.status_code == 302 and done["Location"] == FIND
    assert not User.objects.filter(pk=erin.pk).exists()
    entry = ModelLogEntry.objects.get(action="civic.erase")
    assert entry.user_id == admin.pk and entry.object_id == str(erin.pk) and entry.timestamp
    assert entry.data == {"by_owner": False, "via": "admin"} and entry.label == "Former participant"
    logged = repr(ModelLogEntry.objects.filter(object_id=str(erin.pk)).values())
    for detail in ("erin@private.example", "ErasedErin", "Erin"):
        assert detail not in logged


def test_staff_accounts_are_deactivated_not_erased_from_the_screen(client, admin, officer):
    sign_in(client, admin)
    assert "will be <strong>deactivated</strong>" in client.get(confirm_url(officer)).content.decode()
    client.post(confirm_url(officer), {"confirm": "on"})
    officer.refresh_from_db()
    assert not officer.is_active
    entry = ModelLogEntry.objects.get(action="civic.deactivate")
    assert entry.user_id == admin.pk and entry.data == {"by_owner": False, "via": "admin"}


def test_an_administrator_cannot_erase_themselves_here(client, admin):
    sign_in(client, admin)
    response = client.post(confirm_url(admin), {"confirm": "on"})
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.is_active


@pytest.mark.parametrize("role", ["Officers", "Moderators"])
def test_officers_and_moderators_are_refused(client, erin, organisation, role):
    staff = UserFactory(roles=[role], organisation=organisation)
    sign_in(client, staff)
    for response in (
        client.get(FIND, {"q": erin.email}),
        client.get(confirm_url(erin)),
        client.post(confirm_url(erin), {"confirm": "on"}),
    ):
        assert refused(response)
        assert "ErasedErin" not in response.content.decode()
    assert User.objects.filter(pk=erin.pk).exists()
    assert not ModelLogEntry.objects.filter(action__in=["civic.erase", "civic.deactivate"]).exists()


def refused(response) -> bool:
    """Wagtail answers a refused admin view with a redirect to the dashboard (and a message)."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_residents_and_councillors_are_refused(client, erin):
    for person in (UserFactory(roles=["Residents"]), UserFactory(roles=["Councillors"])):
        sign_in(client, person)
        assert refused(client.get(FIND))
        assert refused(client.post(confirm_url(erin), {"confirm": "on"}))
    assert User.objects.filter(pk=erin.pk).exists()


def test_an_administrator_without_a_second_factor_is_sent_to_enter_one(client, admin, erin):
    sign_in(client, admin, second_factor=False)
    for response in (client.get(FIND), client.post(confirm_url(erin), {"confirm": "on"})):
        assert response.status_code == 302 and "/accounts/2fa/" in response["Location"]
    assert User.objects.filter(pk=erin.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, erin):
    response = client.post(confirm_url(erin), {"confirm": "on"})
    assert response.status_code == 302
    assert User.objects.filter(pk=erin.pk).exists()


def test_the_menu_shows_the_screen_to_administrators_only(client, admin, officer):
    sign_in(client, admin)
    assert FIND in client.get(reverse("wagtailadmin_home")).content.decode()
    sign_in(client, officer)
    assert FIND not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_search_costs_a_bounded_number_of_queries(client, admin, django_assert_max_num_queries):
    for n in range(25):
        UserFactory(display_name=f"Match{n}", roles=["Residents"])
    sign_in(client, admin)
    client.get(FIND, {"q": "match"})  # warm the session, brand and menu caches
    with django_assert_max_num_queries(25):
        response = client.get(FIND, {"q": "match"})
    assert response.content.decode().count(f'href="{FIND}') == 20  # the first 20, one link each
