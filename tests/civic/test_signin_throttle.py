"""Sign-in throttling counts per real client address AND per account, behind the proxy and without Redis.

Windows here are an hour long so a slow machine cannot let an attempt age out mid-test; the
deployed rates are checked separately."""

import pytest
from allauth.account import app_settings as account_settings
from django.core.cache import cache
from django.urls import reverse

from tests.civic.factories import UserFactory
from tests.civic.test_ratelimit import cache_settings, dead_port

PROXY = "10.0.0.1"  # nginx, as Civic sees it
PASSWORD = "correct horse battery staple"  # noqa: S105 - the factories' test password


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"login": "100/h/ip", "login_failed": "3/h/ip,2/h/key"}


def sign_in_from(client, address, email, password):
    """POST the sign-in form the way nginx forwards it: peer is the proxy, client in X-Forwarded-For."""
    client.logout()
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"198.18.0.1, {address}",  # the left entry is forged and ignored
    )


def signed_in(response) -> bool:
    return response.status_code == 302


def locked_out(response) -> bool:
    return response.status_code == 200 and "Too many failed login attempts" in response.content.decode()


def test_deployed_rates_throttle_per_address_and_per_account(settings):
    rates = account_settings.RATE_LIMITS["login_failed"]
    assert "/ip" in rates and "/key" in rates
    assert settings.ACCOUNT_ADAPTER == "civic.accounts.AccountAdapter"


def test_one_address_guessing_passwords_does_not_lock_out_everyone_behind_the_proxy(client, behind_proxy, db):
    victims = [UserFactory() for _ in range(3)]
    for victim in victims:
        assert not signed_in(sign_in_from(client, "203.0.113.66", victim.email, "wrong password"))
    neighbour = UserFactory()
    refused = sign_in_from(client, "203.0.113.66", neighbour.email, PASSWORD)
    assert locked_out(refused)  # the guessing address is throttled, even with a right password
    assert signed_in(sign_in_from(client, "198.51.100.7", neighbour.email, PASSWORD))


def test_one_account_cannot_be_guessed_from_many_addresses(client, behind_proxy, db):
    target = UserFactory()
    for n in range(2):
        assert not signed_in(sign_in_from(client, f"203.0.113.{n + 1}", target.email, "wrong password"))
    # A fresh address, the right password: the account itself is throttled.
    assert locked_out(sign_in_from(client, "203.0.113.99", target.email, PASSWORD))
    other = UserFactory()
    assert signed_in(sign_in_from(client, "203.0.113.99", other.email, PASSWORD))


def test_sign_in_throttling_keeps_counting_with_redis_down(client, behind_proxy, settings, db):
    settings.CACHES = cache_settings("civic.cache.ResilientRedisCache", dead_port())
    cache.clear()
    try:
        target = UserFactory()
        for n in range(2):
            assert not signed_in(sign_in_from(client, f"203.0.113.{n + 1}", target.email, "wrong password"))
        assert locked_out(sign_in_from(client, "203.0.113.99", target.email, PASSWORD))
        for victim in [UserFactory() for _ in range(3)]:
            sign_in_from(client, "203.0.113.66", victim.email, "wrong password")
        assert locked_out(sign_in_from(client, "203.0.113.66", UserFactory().email, PASSWORD))
    finally:
        cache.mark_up()


def test_without_a_configured_proxy_the_forwarded_header_is_not_believed(client, settings, db):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.ACCOUNT_RATE_LIMITS = {"login": "100/h/ip", "login_failed": "2/h/ip,50/h/key"}
    for n in range(2):  # each "from" a different forged address, all really from one peer
        client.post(
            reverse("account_login"),
            {"login": UserFactory().email, "password": "wrong"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    response = client.post(
        reverse("account_login"),
        {"login": UserFactory().email, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )
    assert locked_out(response)
