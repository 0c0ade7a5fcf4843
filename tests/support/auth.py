"""Signing people in for tests: staff sessions pass a second factor, as they must on the real site."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt

from civic import roles, twofactor

TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105 - a test fixture, not a credential


def give_authenticator(user) -> Authenticator:
    """The user has set up an authenticator app (idempotent)."""
    authenticator, _ = Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": encrypt(TEST_TOTP_SECRET)}}
    )
    user._civic_has_totp = None
    return authenticator


def second_factor_records(user, authenticator) -> dict:
    """What allauth writes into a session when its sign-in used an authenticator code."""
    return {
        twofactor.METHODS_KEY: [
            {"method": "password", "at": 0.0},
            {"method": "mfa", "at": 0.0, "id": authenticator.pk, "type": "totp"},
        ],
        twofactor.METHODS_USER_KEY: str(user.pk),
    }


def pass_second_factor(session, user) -> None:
    """Mark a session store as having passed a second factor for the user (and save it)."""
    session.update(second_factor_records(user, give_authenticator(user)))
    session.save()


def sign_in(client, user, *, second_factor: bool = True):
    """Sign the test client in; staff sessions pass a second factor unless second_factor=False."""
    client.force_login(user)
    if second_factor and roles.is_staff_member(user):
        session = client.session
        pass_second_factor(session, user)
    return client
