"""wagtail-localize works with this Wagtail: an officer translates a consultation in the admin."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from consultations.models import ConsultationPage, ProposalPage
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_proposal
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db


def test_the_welsh_locale_exists_and_the_default_matches_language_code(settings):
    assert Locale.get_default().language_code == settings.LANGUAGE_CODE
    assert Locale.objects.filter(language_code="cy").exists()


def test_an_administrator_translates_publishes_and_syncs_a_consultation(
    client, consultation, django_capture_on_commit_callbacks
):
    proposal = make_proposal(consultation)
    admin = UserFactory(is_superuser=True, is_staff=True)
    sign_in(client, admin)
    cy = Locale.objects.get(language_code="cy")

    # Translate: the consultation and its subtree, parents made as they are needed
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[consultation.id]),
        {"locales": [cy.id], "include_subtree": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    welsh = ConsultationPage.objects.get(translation_key=consultation.translation_key, locale=cy)
    welsh_proposal = ProposalPage.objects.get(translation_key=proposal.translation_key, locale=cy)
    # paragraph comments anchor by block id: the translation keeps the ids
    assert [b.id for b in welsh_proposal.proposed_change] == [b.id for b in proposal.proposed_change]

    # Edit: the translation editor opens, and each string is translated
    assert client.get(reverse("wagtailadmin_pages:edit", args=[welsh.id])).status_code == 200
    translation = Translation.objects.get(source__object_id=consultation.translation_key, target_locale=cy)
    for segment in StringSegment.objects.filter(source=translation.source):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
            encode_multipart(BOUNDARY, {"value": f"Cymraeg {segment.id}"}),
            content_type=MULTIPART_CONTENT,
        )
        assert response.status_code in (200, 201), response.content

    # Publish
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(reverse("wagtailadmin_pages:edit", args=[welsh.id]), {"action": "publish"})
    assert response.status_code == 302
    welsh.refresh_from_db()
    assert welsh.live and welsh.title.startswith("Cymraeg")

    # Sync: a change to the English page reaches the Welsh page's translation source
    consultation.summary = "A new English summary."
    consultation.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    translation.source.refresh_from_db()
    assert "A new English summary." in str(translation.source.content_json)
