"""Account changes reach open sockets: sign-out, suspension, deactivation, password and role
changes close that account's sockets (code 4403 after a final "closed" message), through the
account's channel-layer group, and every write frame re-checks the account even without it."""

import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from civic import services as account_services
from civic.models import User
from consultations.models import Comment, Vote
from tests.civic.factories import UserFactory
from tests.consultations.live_helpers import commit, communicator, receive_until, session_cookie
from tests.support.auth import sign_in


@pytest.fixture(autouse=True)
def _keep_test_connection(monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def run(scenario):
    async_to_sync(scenario)()


async def open_socket(page, cookie):
    comm = communicator(page.pk, since=0, cookie=cookie)
    connected, _ = await comm.connect(timeout=5)
    assert connected
    await receive_until(comm, "hello")
    return comm


async def cookie_for(user):
    return await database_sync_to_async(session_cookie)(user)


async def assert_closed_for_account(comm):
    message = await receive_until(comm, "closed")
    assert message["data"]["code"] == "account_changed"
    assert await comm.receive_output(timeout=3) == {"type": "websocket.close", "code": 4403}


async def assert_still_open(comm):
    await comm.send_to(text_data='{"action": "ping", "ref": "alive"}')
    assert (await receive_until(comm, "pong"))["data"]["ref"] == "alive"
    await comm.disconnect()


def test_suspension_closes_the_residents_sockets_and_spares_others(resident, consultation, make_user):
    moderator = UserFactory(roles=["Moderators"], organisation=consultation.lead_organisation)
    neighbour = make_user()

    async def scenario():
        first = await open_socket(consultation, await cookie_for(resident))
        second = await open_socket(consultation, await cookie_for(resident))
        other = await open_socket(consultation, await cookie_for(neighbour))
        await database_sync_to_async(account_services.suspend_user)(
            moderator=moderator, user=resident, until=timezone.now() + timedelta(days=3), reason="Abuse"
        )
        await commit()
        await assert_closed_for_account(first)
        await assert_closed_for_account(second)
        await assert_still_open(other)

    run(scenario)


def test_signing_out_closes_that_sessions_sockets_only(resident, consultation):
    browser = Client()
    sign_in(browser, resident)
    signed_out_cookie = f"sessionid={browser.cookies['sessionid'].value}".encode()

    async def scenario():
        leaving = await open_socket(consultation, signed_out_cookie)
        other_device = await open_socket(consultation, await cookie_for(resident))
        response = await database_sync_to_async(browser.post)(reverse("account_logout"))
        assert response.status_code == 302
        await commit()
        await assert_closed_for_account(leaving)
        await assert_still_open(other_device)

    run(scenario)


@pytest.mark.parametrize("change", ["password", "deactivate"])
def test_password_change_and_deactivation_close_sockets(change, resident, consultation, make_user):
    neighbour = make_user()

    async def scenario():
        comm = await open_socket(consultation, await cookie_for(resident))
        other = await open_socket(consultation, await cookie_for(neighbour))

        def apply():
            user = User.objects.get(pk=resident.pk)
            if change == "password":
                user.set_password("a-brand-new-password-42")
            else:
                user.is_active = False
            user.save()

        await database_sync_to_async(apply)()
        await commit()
        await assert_closed_for_account(comm)
        await assert_still_open(other)

    run(scenario)


def test_losing_a_role_closes_the_officers_socket(officer, resident, consultation):
    async def scenario():
        comm = await open_socket(consultation, await cookie_for(officer))
        other = await open_socket(consultation, await cookie_for(resident))
        await database_sync_to_async(lambda: officer.groups.remove(Group.objects.get(name="Officers")))()
        await commit()
        await assert_closed_for_account(comm)
        await assert_still_open(other)

    run(scenario)


def test_moving_an_officer_to_another_organisation_closes_their_socket(officer, resident, consultation):
    from tests.civic.factories import OrganisationFactory

    async def scenario():
        comm = await open_socket(consultation, await cookie_for(officer))
        other = await open_socket(consultation, await cookie_for(resident))

        def move():
            officer.organisation = OrganisationFactory()
            officer.save(update_fields=["organisation"])

        await database_sync_to_async(move)()
        await commit()
        await assert_closed_for_account(comm)
        await assert_still_open(other)

    run(scenario)


def test_unrelated_account_saves_leave_sockets_open(resident, consultation):
    async def scenario():
        comm = await open_socket(consultation, await cookie_for(resident))

        def rename():
            resident.display_name = "New Name"
            resident.save(update_fields=["display_name"])
            resident.save()  # a full save with the same rights re-checks, and keeps the socket

        await database_sync_to_async(rename)()
        await commit()
        await assert_still_open(comm)

    run(scenario)


@pytest.mark.parametrize("action", ["vote", "comment"])
def test_write_frames_recheck_the_account_without_any_signal(action, resident, consultation, proposal):
    frame = {"action": action, "ref": 1, "proposal": proposal.pk, "choice": "support", "body": "Still here?"}

    async def scenario():
        comm = await open_socket(consultation, await cookie_for(resident))
        await comm.send_to(text_data=json.dumps(frame))
        assert (await receive_until(comm, "ack"))["data"]["ok"]  # allowed while in good standing
        # suspended behind the socket's back: no signal, no group message
        await database_sync_to_async(User.objects.filter(pk=resident.pk).update)(
            suspended_until=timezone.now() + timedelta(days=1)
        )
        await comm.send_to(text_data=json.dumps({**frame, "choice": "oppose", "body": "After suspension"}))
        await assert_closed_for_account(comm)

    run(scenario)
    assert not Comment.objects.filter(body="After suspension").exists()
    assert not Vote.objects.filter(choice="oppose").exists()
