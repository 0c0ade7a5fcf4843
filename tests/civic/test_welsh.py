"""Civic's own pages, account pages and emails at their Welsh (/cy/) address carry no English interface words.

Each test scans the page's <main> only: the header and footer come from base.html (helper "core" translates
them and tests them on their own)."""

import html
import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from civic import data_exports, notifications, personal_data, ratelimit, services
from civic.models import Frequency, NotificationKind
from tests.civic.factories import UserFactory, make_information_page
from tests.support.auth import sign_in
from tests.welsh import assert_welsh

PASSWORD = "Cyfrinair-hir-iawn-42"  # noqa: S105 - test data
_MAIN = re.compile(r"<main\b.*?</main>", re.S)


def main_of(response) -> str:
    html = response.content.decode()
    found = _MAIN.search(html)
    assert found, "the page has no <main>"
    return found.group(0)


def welsh(response, *, status: int = 200, allow: frozenset[str] = frozenset()) -> str:
    """The page's <main>, checked for English words, with its entities decoded for plain asserts."""
    assert response.status_code == status, response.status_code
    main = main_of(response)
    assert_welsh(main, allow=allow)
    return html.unescape(main)


def cy_url(name: str, *args) -> str:
    with translation.override("cy"):
        return reverse(name, args=args)


def without_links(text: str) -> str:
    """An email's words: its web addresses are not words (they say /accounts/delete/ in any language)."""
    return re.sub(r"https?://\S+", "", text)


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request to a /cy/ address leaves Welsh active in this thread: later tests expect English."""
    yield
    translation.activate("en-gb")


@pytest.fixture
def gwen(db):
    user = UserFactory(display_name="Gwenllian", email="gwen@enghraifft.cymru", roles=["Residents"])
    user.language = "cy"  # her emails follow her profile's language
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def cy_client(client, gwen):
    sign_in(client, gwen)
    return client


def test_the_account_page_is_in_welsh(cy_client):
    main = welsh(cy_client.get("/cy/accounts/profile/"))
    assert "Eich cyfrif" in main and "Amdanoch chi (dewisol)" in main
    assert 'action="/cy/accounts/profile/' in main  # forms keep the reader in Welsh


def test_the_account_page_says_what_was_saved_and_what_is_wrong_in_welsh(cy_client):
    response = cy_client.post("/cy/accounts/profile/", {"display_name": "x"})
    main = welsh(response, status=400)
    assert "Mae problem" in main and "Rhowch enw arddangos o 2 nod o leiaf." in main


def test_the_close_account_pages_are_in_welsh(cy_client, gwen):
    welsh(cy_client.get("/cy/accounts/delete/"))
    wrong = cy_client.post("/cy/accounts/delete/", {"password": ""})
    assert "Rhowch eich cyfrinair presennol." in welsh(wrong, status=400)
    sent = welsh(cy_client.post("/cy/accounts/delete/", {"password": PASSWORD}))
    assert "<strong>gwen@enghraifft.cymru</strong>" in sent
    assert_welsh(without_links(mail.outbox[-1].body))
    assert "Cadarnhewch eich bod am ddileu eich cyfrif" in mail.outbox[-1].subject
    confirm = cy_url("confirm_close_account", services.erasure_token(gwen))
    assert confirm.startswith("/cy/")
    welsh(cy_client.get(confirm))
    refused = welsh(cy_client.get("/cy/accounts/delete/not-a-token/"), status=404)
    assert "Nid yw'r ddolen hon yn gweithio" in refused


def test_the_personal_data_page_is_in_welsh(cy_client):
    response = cy_client.post("/cy/accounts/profile/my-data/", {"format": "html"})
    core = {"account", "about_you", "notifications"}
    # Features (consultations, mapping, search) title their own sections: their helpers translate them.
    theirs = {
        w for s in personal_data.sections() if s.name not in core for w in re.findall(r"\w+", str(s.title))
    }
    main = welsh(response, allow=frozenset(theirs))
    assert "Eich data gan" in main and "Eich cyfrif" in main and "Enw arddangos" in main
    assert '<html lang="cy">' in response.content.decode()


def test_the_personal_data_queued_and_refused_pages_are_in_welsh(cy_client, monkeypatch):
    monkeypatch.setattr(data_exports, "is_large", lambda user: True)
    queued = welsh(cy_client.post("/cy/accounts/profile/my-data/", {"format": "html"}), status=202)
    assert "Rydym yn paratoi eich data" in queued
    refused = welsh(cy_client.get("/cy/accounts/profile/my-data/not-a-token/"), status=404)
    assert "Nid yw'r ddolen hon yn gweithio" in refused


def test_the_unsubscribe_pages_are_in_welsh(client, gwen):
    url = cy_url("notifications_unsubscribe", notifications.unsubscribe_token(gwen.pk, "reply"))
    confirm = welsh(client.get(url))
    assert "Atebion i'ch sylwadau" in confirm  # the kind of email is named in Welsh
    welsh(client.post(url))
    welsh(client.get("/cy/notifications/unsubscribe/not-a-token/"), status=400)


def test_the_too_often_page_is_in_welsh(cy_client, settings, pinned_clock):
    settings.WRITE_RATE_LIMIT = "1/h"
    ratelimit.clear_local()
    cy_client.post("/cy/accounts/notifications/read/")
    main = welsh(cy_client.post("/cy/accounts/notifications/read/"), status=429)
    assert "Rhowch gynnig arall arni yn nes ymlaen" in main and "Yn ôl i'ch hysbysiadau" in main


def test_the_not_found_page_is_in_welsh(client, home):
    main = welsh(client.get("/cy/dim-tudalen-fel-hon/"), status=404)
    assert "Heb ddod o hyd i'r dudalen" in main
    assert 'href="/cy/consultations/"' in main


def test_the_forbidden_and_error_pages_are_in_welsh(rf, gwen):
    request = rf.get("/cy/")
    request.user = gwen
    with translation.override("cy"):
        forbidden = render_to_string("403.html", request=request)
        error = render_to_string("500.html")
    assert_welsh(_MAIN.search(forbidden).group(0))
    assert "Ni allwch wneud hynny" in forbidden
    assert_welsh(error)
    assert '<html lang="cy">' in error


def test_the_staff_only_page_is_in_welsh(rf, gwen):
    # The admin's addresses carry no language prefix: which language it speaks is core's and lang's work.
    request = rf.get("/admin/")
    request.user = gwen
    with translation.override("cy"):
        page = render_to_string("civic/staff_only.html", request=request)
    assert_welsh(_MAIN.search(page).group(0))
    assert "Staff yn unig" in page


def test_an_information_page_is_in_welsh(client, home):
    page = make_information_page(home, "other", slug="amdanom", title="Amdanom ni", intro="Pwy ydym ni.")
    page.save_revision().publish()
    main = welsh(client.get("/cy/amdanom/"))
    assert "Diweddarwyd ddiwethaf" in main


def test_the_home_page_is_in_welsh(client, home):
    home.title = "Croeso i Ogleddbrook"
    home.intro = "<p>Dweud eich dweud.</p>"  # the demo's English intro is content (helper wagtail's)
    home.save_revision().publish()
    main = welsh(client.get("/cy/"))
    assert "Ffyrdd eraill o gymryd rhan" in main and 'href="/cy/consultations/"' in main


@pytest.mark.parametrize(
    "path",
    ["/cy/accounts/login/", "/cy/accounts/signup/", "/cy/accounts/password/reset/"],
)
def test_the_sign_in_pages_are_in_welsh(client, db, path):
    welsh(client.get(path))


def test_the_sign_out_page_is_in_welsh(cy_client):
    main = welsh(cy_client.get("/cy/accounts/logout/"))
    assert "Allgofnodi" in main


def test_sign_in_errors_are_in_welsh(client, gwen):
    response = client.post("/cy/accounts/login/", {"login": gwen.email, "password": "anghywir"})
    welsh(response)
    assert "Mae problem" in main_of(response)


def test_the_emails_are_in_welsh(gwen):
    context = {
        "name": "Gwenllian",
        "site_name": "Cyngor Gogleddbrook",
        "url": "https://enghraifft.cymru/x/",
        "profile_url": "https://enghraifft.cymru/p/",
        "profile_link": "https://enghraifft.cymru/p/",
        "unsubscribe_link": "https://enghraifft.cymru/u/",
        "hours": 24,
        "expires": "3 Rhagfyr 2026, 14:00",
        "link": "https://enghraifft.cymru/y/",
        "notification": {"title": "Ateb newydd", "body": "Diolch."},
    }
    with translation.override("cy"):
        context["kind_label"] = str(NotificationKind.REPLY.label)
        context["period"] = notifications._("Here is what happened this week.")
        context["sections"] = [(str(NotificationKind.REPLY.label), [(context["notification"], "")])]
        for name in ("close_account", "notification", "digest", "personal_data_ready"):
            text = render_to_string(f"civic/email/{name}.txt", context)
            assert_welsh(without_links(text))
            assert "Helo Gwenllian," in text
        account_email = render_to_string("account/email/base_message.txt", {"recipient_name": "Gwen"})
        assert account_email.startswith("Helo Gwen,")


def test_a_welsh_digest_has_a_welsh_subject(gwen, django_capture_on_commit_callbacks):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=gwen, email=gwen.email, defaults={"primary": True, "verified": True}
    )
    notifications.set_preference(gwen, NotificationKind.REPLY, Frequency.DAILY)
    notifications.notify([gwen], NotificationKind.REPLY, title="Ateb newydd", dedupe_key="cy-1")
    mail.outbox.clear()
    notifications.send_digest.call("daily")  # in English context: the digest follows Gwen's profile
    [message] = mail.outbox
    assert "Eich crynodeb dyddiol: 1 diweddariad" in message.subject
    assert_welsh(without_links(message.body))


@pytest.mark.parametrize(
    "path",
    [
        "/cy/accounts/email/",
        "/cy/accounts/password/change/",
        "/cy/accounts/2fa/",
        "/cy/accounts/reauthenticate/",
        "/cy/accounts/confirm-email/",
        "/cy/accounts/password/reset/done/",
    ],
)
def test_the_signed_in_account_pages_are_in_welsh(cy_client, gwen, path):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=gwen, email=gwen.email, defaults={"primary": True, "verified": True}
    )
    welsh(cy_client.get(path))


def test_the_password_reset_email_is_in_welsh(client, gwen):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=gwen, email=gwen.email, defaults={"primary": True, "verified": True}
    )
    response = client.post("/cy/accounts/password/reset/", {"email": gwen.email})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.body.startswith("Helo Gwenllian,")
    assert_welsh(without_links(message.body))
    assert_welsh(message.subject)


def test_an_email_to_an_unknown_address_is_in_welsh(client, db):
    client.post("/cy/accounts/password/reset/", {"email": "neb@enghraifft.cymru"})
    [message] = mail.outbox
    assert_welsh(without_links(message.body))
    assert_welsh(message.subject)


def test_an_upload_too_large_is_refused_in_the_language_of_the_address(client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 10
    welsh_page = client.post("/cy/reports/new/", {"description": "x" * 100}).content.decode()
    assert '<html lang="cy">' in welsh_page and "Ffeil yn rhy fawr" in welsh_page
    assert_welsh(welsh_page)
    english_page = client.post("/reports/new/", {"description": "x" * 100}).content.decode()
    assert '<html lang="en">' in english_page and "Upload too large" in english_page


def test_the_reasons_for_refusing_a_resident_read_as_whole_welsh_sentences(db):
    from django.contrib.auth.models import AnonymousUser

    from civic.permissions import may_take_part

    with translation.override("cy"):
        reason = may_take_part(AnonymousUser()).reason
        sentence = str(reason)
    assert sentence == "Mewngofnodwch neu crëwch gyfrif er mwyn cymryd rhan."
    assert may_take_part(AnonymousUser()).reason == "Sign in or create an account to take part."


def test_a_rate_limit_says_how_long_to_wait_in_welsh(settings, pinned_clock):
    with translation.override("cy"):
        message = str(ratelimit.RateLimited(retry_after=3))
    assert message == "Rydych yn gwneud hynny'n rhy aml. Rhowch gynnig arall arni ymhen 3 eiliad."
    assert str(ratelimit.RateLimited(retry_after=1)) == "You are doing that too often. Try again in 1 second."
