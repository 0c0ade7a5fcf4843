"""With the page cache on, a path is followed from the page it reached before (civic.models.HomePage.route)
and a page's translations come from the cache (civic.i18n): until a page is published, moved,
unpublished or deleted, which makes both stale once it commits."""

import pytest

from consultations.models import ConsultationPage
from tests.consultations.bilingual import translate
from tests.support.auth import sign_in

pytestmark = pytest.mark.usefixtures("page_cache")


def test_a_renamed_page_is_not_served_at_its_old_address(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    sign_in(client, resident)  # signed in: the page is rendered (and routed), not served whole
    old = consultation.url
    assert client.get(old).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        consultation.slug = "renamed-consultation"
        consultation.save_revision().publish()
    new = ConsultationPage.objects.get(pk=consultation.pk).url
    moved = client.get(old)
    assert (moved.status_code, moved["Location"]) == (301, new)  # Wagtail's redirect, not the page
    assert client.get(new).status_code == 200


def test_an_unpublished_page_is_not_found_at_its_remembered_address(client, consultation, resident):
    sign_in(client, resident)
    url = consultation.url
    assert client.get(url).status_code == 200
    consultation.unpublish()  # no commit needed: a remembered route is followed to live pages only
    assert client.get(url).status_code == 404


def test_a_new_translation_reaches_the_language_switcher(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    sign_in(client, resident)
    assert "cyfieithiad" not in client.get(consultation.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        translate(consultation, title="Ymgynghoriad", slug="cyfieithiad")
    assert "/cy/consultations/cyfieithiad/" in client.get(consultation.url).content.decode()


def _queries(client, url) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def _site_lookups(queries: list[str]) -> int:
    return sum(1 for sql in queries if 'FROM "wagtailcore_site"' in sql and "CASE WHEN" in sql)


def test_a_remembered_route_skips_the_site_and_home_page_lookups(client, consultation, resident):
    """civic.routing: the second request for an address finds its site and page in one query."""
    sign_in(client, resident)
    first = _queries(client, consultation.url)
    second = _queries(client, consultation.url)
    assert _site_lookups(first) == 1 and _site_lookups(second) == 0
    assert len(second) <= len(first) - 3  # the site, the reader's locale and the home page


def test_a_remembered_route_is_not_used_with_the_page_cache_off(client, consultation, resident, settings):
    settings.PAGE_CACHE_SECONDS = 0
    sign_in(client, resident)
    _queries(client, consultation.url)
    assert _site_lookups(_queries(client, consultation.url)) == 1  # nothing could say when it changed


def test_each_language_remembers_its_own_route(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    sign_in(client, resident)
    with django_capture_on_commit_callbacks(execute=True):
        translate(consultation, title="Ymgynghoriad", slug="cyfieithiad")
    english = client.get(consultation.url).content.decode()
    welsh = client.get("/cy/consultations/cyfieithiad/").content.decode()
    assert "Ymgynghoriad" not in english.split("<main", 1)[1][:2000]
    assert "Ymgynghoriad" in welsh
    again = client.get(consultation.url).content.decode()  # remembered: still the English page
    assert "Ymgynghoriad" not in again.split("<main", 1)[1][:2000]


def test_an_address_that_finds_nothing_is_not_remembered(client, resident, consultation):
    sign_in(client, resident)
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/no-such-page/").status_code == 404
    assert client.get(consultation.url).status_code == 200


def test_a_restricted_page_is_checked_on_every_request(client, consultation, resident, make_user):
    """The route is remembered; who may see the page is not: view restrictions still apply."""
    from wagtail.models import PageViewRestriction

    sign_in(client, resident)
    assert client.get(consultation.url).status_code == 200
    PageViewRestriction.objects.create(page=consultation, restriction_type=PageViewRestriction.LOGIN)
    client.logout()
    response = client.get(consultation.url)
    assert response.status_code in (302, 404)  # sent to sign in, never the page
    assert consultation.title not in response.content.decode()
