"""Admin menu items every app registers through civic.admin_menu: shown only to whom they serve."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from civic.admin_menu import PermittedMenuItem
from tests.civic.factories import UserFactory
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db

STAFF_ITEMS = {
    "Moderation queue": "civic_moderation_queue",
    "Enter a response": "civic_assisted_entry",
    "Contribution search": "search:officer",
}
ADMIN_ITEMS = {"API tokens": "api_tokens", "Erasure requests": "civic_erasure_requests"}


def test_an_item_is_shown_exactly_when_its_predicate_allows_the_user():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory()
    item = PermittedMenuItem("Thing", "/admin/thing/", shown_to=lambda user: user.display_name == "Ann")
    request.user.display_name = "Ann"
    assert item.is_shown(request) is True
    request.user.display_name = "Bob"
    assert item.is_shown(request) is False


def test_officers_see_the_staff_items_and_not_the_administrators(client, officer):
    sign_in(client, officer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for label, name in STAFF_ITEMS.items():
        assert label in html and reverse(name) in html
    for label, name in ADMIN_ITEMS.items():
        assert reverse(name) not in html, label


def test_administrators_see_every_item(client):
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for label, name in {**STAFF_ITEMS, **ADMIN_ITEMS}.items():
        assert label in html and reverse(name) in html
