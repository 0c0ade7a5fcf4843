"""Emails are written in the recipient's language: the profile choice for people with an account,
whatever language the sender is browsing in."""

import pytest
from django.core import mail
from django.utils import translation

from civic import emails, services

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-unusual-passphrase-2026"


def _person(make_user, language):
    user = make_user(language=language, email=f"{language or 'none'}@example.org")
    user.set_password(PASSWORD)
    user.save()
    return user


def test_welsh_preferring_resident_gets_welsh_email_with_welsh_links(make_user):
    services.send_erasure_link(user=_person(make_user, "cy"), password=PASSWORD)
    message = mail.outbox[-1]
    assert "Cadarnhewch eich bod am ddileu eich cyfrif" in message.subject
    assert "/cy/accounts/delete/" in message.body


def test_english_preferring_resident_gets_english_email_whatever_the_page_language(make_user):
    with translation.override("cy"):
        services.send_erasure_link(user=_person(make_user, "en-gb"), password=PASSWORD)
    message = mail.outbox[-1]
    assert "Confirm that you want to delete your account" in message.subject
    assert "/cy/" not in message.body


def test_person_without_a_choice_gets_the_sites_default_language(make_user):
    user = _person(make_user, "")
    assert emails.language_of(user) == "en-gb"
    with translation.override("cy"):
        assert emails.language_of(user) == "en-gb"


def test_address_without_account_uses_recorded_language_else_the_page_language():
    assert emails.language_of(language="cy") == "cy"
    with translation.override("cy"):
        assert emails.language_of() == "cy"
        assert emails.language_of(language="xx") == "cy"
    assert emails.language_of() == "en-gb"
