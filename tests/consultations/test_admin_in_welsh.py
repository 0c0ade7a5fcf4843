"""Officers who choose Welsh in their Wagtail account settings get the admin, Civic's screens
included, in Welsh."""

import pytest
from django.conf import settings
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from consultations.models import Comment
from tests.consultations.test_moderation import moderator, pre_moderated  # noqa: F401 - fixtures
from tests.support.auth import sign_in
from tests.welsh import assert_welsh


@pytest.fixture(autouse=True)
def _english_to_begin_with():
    with translation.override("en-gb"):
        yield


def prefers(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_welsh_and_english_are_the_admin_languages_offered():
    assert dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES) == {"en-gb": "English", "cy": "Cymraeg"}


def queue_with(consultation, resident):
    Comment.objects.create(
        consultation=consultation,
        author=resident,
        body="Mae angen mwy o fysiau gyda'r nos.",
        language="cy",
        status="pending",
        needs_review=True,
        queued_at=timezone.now(),
    )
    Comment.objects.create(
        consultation=consultation,
        author=resident,
        body="The buses stop too early in the evening.",
        language="en-gb",
        status="pending",
        needs_review=True,
        queued_at=timezone.now(),
    )


def test_officer_who_prefers_welsh_sees_the_moderation_queue_in_welsh(
    client,
    moderator,  # noqa: F811
    resident,
    pre_moderated,  # noqa: F811
):
    pre_moderated.title = "Bysiau gyda'r nos"
    pre_moderated.save()
    queue_with(pre_moderated, resident)
    sign_in(client, prefers(moderator, "cy"))
    response = client.get("/admin/moderation/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in html or 'lang="cy"' in html
    assert '<span lang="en-GB">The buses stop too early in the evening.</span>' in html
    assert '<span lang="cy">Mae angen mwy o fysiau gyda&#x27;r nos.</span>' in html
    assert_welsh(html)


def test_officer_who_prefers_english_keeps_the_queue_in_english(
    client,
    moderator,  # noqa: F811
    resident,
    pre_moderated,  # noqa: F811
):
    queue_with(pre_moderated, resident)
    sign_in(client, prefers(moderator, "en-gb"))
    html = client.get("/admin/moderation/").content.decode()
    assert "Contributions waiting for a decision, oldest first." in html
    assert "2 waiting" in html


def test_officer_who_prefers_welsh_sees_civics_dashboard_panels_and_menu_in_welsh(
    client,
    moderator,  # noqa: F811
    resident,
    pre_moderated,  # noqa: F811
):
    queue_with(pre_moderated, resident)
    sign_in(client, prefers(moderator, "cy"))
    html = client.get("/admin/").content.decode()
    assert "Ymgynghoriadau eich sefydliad" in html
    assert "2 cyfraniad yn aros" in html
    assert "Ciw cymedroli" in html  # the menu item (in the sidebar's data)
    assert "Your organisation&#x27;s consultations" not in html and "Moderation queue" not in html


def test_officer_who_prefers_welsh_gets_the_assisted_entry_form_in_welsh(
    client,
    moderator,  # noqa: F811
    pre_moderated,  # noqa: F811
):
    sign_in(client, prefers(moderator, "cy"))
    html = client.get("/admin/moderation/enter-response/").content.decode()
    assert "Beth ddywedodd y preswylydd" in html and "Iaith yr ymateb" in html
    assert "What the resident said" not in html
