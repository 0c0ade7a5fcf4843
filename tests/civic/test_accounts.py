import re

from allauth.mfa.models import Authenticator
from django.core import mail

from civic.models import User
from tests.civic.factories import UserFactory
from tests.support.auth import sign_in

PASSWORD = "a-long-unusual-passphrase-2026"


def sign_up(client, email="new@example.org", display_name="RiversideRita"):
    return client.post(
        "/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "display_name": display_name},
    )


def test_signup_requires_email_verification_before_taking_part(client, consultation):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.display_name == "RiversideRita"
    assert len(mail.outbox) == 1
    from civic.permissions import is_verified
    from consultations.permissions import can_comment

    assert not is_verified(user)
    assert not can_comment(User.objects.get(pk=user.pk), consultation)
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else re.sub(r"^https?://[^/]+", "", link)
    client.post(path)
    assert is_verified(User.objects.get(pk=user.pk))
    assert can_comment(User.objects.get(pk=user.pk), consultation)


def test_signup_display_name_is_validated(client, db):
    response = sign_up(client, display_name="<b>x</b>")
    assert response.status_code == 200
    assert "at least 2 characters" in response.content.decode()
    response = sign_up(client, display_name="me@example.org")
    assert "must not contain an email address" in response.content.decode()
    assert not User.objects.exists()


def test_login_and_logout(client, db):
    user = UserFactory()
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/profile/").status_code == 302


def test_password_reset_sends_email(client, db):
    user = UserFactory()
    client.post("/accounts/password/reset/", {"email": user.email})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_profile_shows_private_details_to_owner_only(client, db):
    user = UserFactory(display_name="Pseudonym", email="owner@example.org")
    assert client.get("/accounts/profile/").status_code == 302  # anonymous: to sign in
    client.force_login(user)
    html = client.get("/accounts/profile/").content.decode()
    assert "owner@example.org" in html and "Pseudonym" in html


def test_profile_updates_display_name_and_rejects_bad_input(client, db):
    user = UserFactory()
    client.force_login(user)
    assert client.post("/accounts/profile/", {"display_name": "  New   Name "}).status_code == 302
    user.refresh_from_db()
    assert user.display_name == "New Name"
    response = client.post("/accounts/profile/", {"display_name": "x"})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "New Name"


def test_staff_without_two_factor_are_sent_to_set_it_up(client, officer):
    client.force_login(officer)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_staff_with_two_factor_reach_the_admin(client, officer):
    from allauth.mfa.utils import encrypt

    Authenticator.objects.create(
        user=officer, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
    )
    sign_in(client, officer)
    assert client.get("/admin/").status_code == 200


def test_residents_opening_the_admin_get_a_staff_only_page_not_a_redirect_loop(client, resident):
    client.force_login(resident)
    for path in ("/admin/", "/admin/pages/", "/admin/moderation/"):
        response = client.get(path)
        assert response.status_code == 403
        html = response.content.decode()
        assert "<h1>Staff only</h1>" in html
        assert 'href="/"' in html
        assert resident.public_name in html and resident.email not in html
        assert "/accounts/2fa" not in html


def test_councillors_without_admin_access_get_the_staff_only_page(client, make_user):
    councillor = make_user(roles=["Councillors"])
    sign_in(client, councillor)
    assert client.get("/admin/").status_code == 403


def test_anonymous_visitors_opening_the_admin_are_sent_to_sign_in(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "next=/admin/" in response["Location"].replace("%2F", "/")


def test_signed_in_messages_greet_by_display_name_not_username_or_email(client, db):
    user = UserFactory(display_name="RiversideRita", username="private-handle", email="rita@example.org")
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "correct horse battery staple"}, follow=True
    )
    html = response.content.decode()
    assert "Successfully signed in as RiversideRita." in html
    assert "private-handle" not in html and "rita@example.org" not in html


def test_admin_greets_staff_by_display_name(client, officer):
    officer.display_name = "Officer Olu"
    officer.save()
    sign_in(client, officer)
    html = client.get("/admin/").content.decode()
    assert "Officer Olu" in html
    assert officer.username not in html
    assert officer.first_name not in html


def test_officer_of_other_organisation_cannot_edit_page_in_admin(client, consultation):
    from allauth.mfa.utils import encrypt

    from tests.civic.factories import OrganisationFactory

    outsider = UserFactory(roles=["Officers"], organisation=OrganisationFactory())
    insider = UserFactory(roles=["Officers"], organisation=consultation.lead_organisation)
    for user in (outsider, insider):
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
        )
    sign_in(client, outsider)
    assert client.get(f"/admin/pages/{consultation.pk}/edit/").status_code in (302, 403)
    sign_in(client, insider)
    assert client.get(f"/admin/pages/{consultation.pk}/edit/").status_code == 200


def test_admin_pages_make_no_gravatar_requests(client, officer):
    sign_in(client, officer)
    for path in ("/admin/", "/admin/account/"):
        html = client.get(path).content.decode().lower()
        assert "gravatar" not in html


def test_confirming_an_address_announces_it_after_commit_and_signing_up_alone_does_not(
    client, db, django_capture_on_commit_callbacks
):
    from civic.signals import email_verified

    heard = []

    def listener(sender, user_id, email, **kwargs):
        heard.append((user_id, email))

    email_verified.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sign_up(client, email="proof@example.org")
        assert heard == []  # an address nobody has proved yet hands nothing over
        link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(re.sub(r"^https?://[^/]+", "", link))
    finally:
        email_verified.disconnect(listener)
    assert heard == [(User.objects.get(email="proof@example.org").pk, "proof@example.org")]
