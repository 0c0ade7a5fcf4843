"""Officers see which live pages lack a translation; residents cannot open the report."""

import pytest
from django.urls import reverse

from tests.civic.factories import UserFactory
from tests.consultations.bilingual import translate
from tests.consultations.factories import make_proposal
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db


def test_officers_see_untranslated_pages_with_a_link_to_translate_them(client, officer, consultation):
    proposal = make_proposal(consultation, title="Longer opening hours")
    translate(consultation, title="Ymgynghoriad y llyfrgell")
    sign_in(client, officer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("civic_missing_translations") in home
    response = client.get(reverse("civic_missing_translations"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pages without a Welsh translation" in html
    assert "Longer opening hours" in html
    assert reverse("wagtail_localize:submit_page_translation", args=[proposal.pk]) in html
    listed = html.split("Pages without a Welsh translation")[1]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[consultation.pk])}"' not in listed


def test_administrators_may_open_the_report(client):
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    assert client.get(reverse("civic_missing_translations")).status_code == 200


def test_residents_are_refused_the_report_and_do_not_see_it_in_the_menu(client, resident):
    sign_in(client, resident)
    response = client.get(reverse("civic_missing_translations"))
    assert response.status_code in (302, 403)
    assert "Longer opening hours" not in response.content.decode()
