import pytest

from civic.links import absolute


@pytest.mark.parametrize("base", ["https://civic.example", "https://civic.example/"])
def test_absolute_joins_the_site_address_and_a_path_with_one_slash(settings, base):
    settings.WAGTAILADMIN_BASE_URL = base
    assert absolute("/reports/7/") == "https://civic.example/reports/7/"
    assert absolute("") == "https://civic.example/"


@pytest.mark.parametrize(("who", "shown"), [("officer", True), ("resident", False)])
def test_staff_admin_link_follows_the_admin_route(db, client, request, who, shown):
    from django.urls import reverse

    from tests.support.auth import sign_in

    sign_in(client, request.getfixturevalue(who))
    html = client.get(reverse("profile")).content.decode()
    assert (f'<a href="{reverse("wagtailadmin_home")}">Staff admin</a>' in html) is shown
