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
