"""Two-factor authentication guards every staff power, on every path, not only /admin/."""

import pytest
from allauth.mfa.models import Authenticator

from civic import roles, twofactor
from consultations.models import Comment
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, make_consultation
from tests.consultations.live_helpers import communicator, session_cookie
from tests.mapping.factories import CategoryFactory, ReportFactory, make_council
from tests.support.auth import give_authenticator, sign_in

# Staff-only pages, as (method, url template, data). Each must refuse a staff session that has
# not passed a second factor, and let the same account through once it has.
STAFF_GETS = [
    "/search/officer/?q=library",
    "/search/officer/export.csv?q=library",
    "/reports/manage/",
    "/reports/manage/export.csv",
    "/reports/manage/export.geojson",
    "/admin/",
    "/admin/moderation/",
]


@pytest.fixture
def staff_world(consultation, officer):
    make_council()
    category = CategoryFactory(organisation=consultation.lead_organisation)
    report = ReportFactory(category=category)
    comment = CommentFactory(consultation=consultation)
    return {"consultation": consultation, "report": report, "comment": comment, "officer": officer}


def _sent_to_second_factor(response) -> bool:
    location = response.get("Location", "")
    return response.status_code == 302 and location.startswith("/accounts/2fa/")


@pytest.mark.parametrize("url", STAFF_GETS)
def test_staff_pages_need_a_second_factor(client, staff_world, url):
    officer = staff_world["officer"]
    sign_in(client, officer, second_factor=False)
    refused = client.get(url)
    assert _sent_to_second_factor(refused), (url, refused.status_code, refused.get("Location"))
    sign_in(client, officer)
    assert client.get(url).status_code == 200, url


def test_staff_without_authenticator_are_sent_to_set_one_up(client, officer):
    sign_in(client, officer, second_factor=False)
    response = client.get("/search/officer/")
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_staff_with_authenticator_but_password_only_session_are_asked_for_a_code(client, officer):
    give_authenticator(officer)
    sign_in(client, officer, second_factor=False)
    response = client.get("/reports/manage/")
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")


def test_report_status_change_needs_a_second_factor(client, staff_world):
    report, officer = staff_world["report"], staff_world["officer"]
    sign_in(client, officer, second_factor=False)
    refused = client.post(f"/reports/{report.pk}/status/", {"status-status": "fixed", "status-note": "Done"})
    assert _sent_to_second_factor(refused)
    report.refresh_from_db()
    assert report.status == "open"
    sign_in(client, officer)
    allowed = client.post(f"/reports/{report.pk}/status/", {"status-status": "fixed", "status-note": "Done"})
    assert allowed.status_code == 302
    report.refresh_from_db()
    assert report.status == "fixed"


def test_official_response_needs_a_second_factor(client, staff_world):
    consultation, officer = staff_world["consultation"], staff_world["officer"]
    data = {"body": "We will look at this.", "pinned": ""}
    sign_in(client, officer, second_factor=False)
    assert _sent_to_second_factor(client.post(f"/consultations/{consultation.pk}/respond/", data))
    assert not Comment.objects.filter(is_official=True).exists()
    sign_in(client, officer)
    assert client.post(f"/consultations/{consultation.pk}/respond/", data).status_code == 302
    assert Comment.objects.filter(is_official=True).count() == 1


def test_thread_action_needs_a_second_factor(client, staff_world):
    comment, officer = staff_world["comment"], staff_world["officer"]
    sign_in(client, officer, second_factor=False)
    assert _sent_to_second_factor(
        client.post(f"/consultations/comments/{comment.pk}/thread/", {"action": "pin"})
    )
    comment.refresh_from_db()
    assert not comment.pinned
    sign_in(client, officer)
    client.post(f"/consultations/comments/{comment.pk}/thread/", {"action": "pin"})
    comment.refresh_from_db()
    assert comment.pinned


def test_unpublished_summary_is_a_staff_power(client, staff_world):
    consultation, officer = staff_world["consultation"], staff_world["officer"]
    url = f"/consultations/{consultation.pk}/summary/"
    sign_in(client, officer, second_factor=False)
    assert client.get(url).status_code == 403  # a resident's view: results are not published yet
    sign_in(client, officer)
    assert client.get(url).status_code == 200


def test_draft_consultation_is_hidden_from_an_unverified_officer(client, index, officer):
    draft = make_consultation(index, "open", live=False, lead_organisation=officer.organisation)
    sign_in(client, officer, second_factor=False)
    assert client.get(f"/consultations/{draft.pk}/events/?since=0").status_code == 404
    sign_in(client, officer)
    assert client.get(f"/consultations/{draft.pk}/events/?since=0").status_code == 200


def test_unverified_staff_keep_only_resident_powers(officer):
    officer._civic_second_factor = False
    assert roles.is_staff_member(officer)
    assert not roles.has_staff_powers(officer)
    assert roles.OFFICER not in roles.role_names(officer)
    officer._civic_second_factor = True
    assert roles.has_staff_powers(officer)


def test_unverified_administrator_is_not_an_administrator(db):
    admin = UserFactory(is_superuser=True, is_staff=True)
    admin._civic_second_factor = False
    assert not roles.is_admin(admin)
    admin._civic_second_factor = True
    assert roles.is_admin(admin)


def test_a_deleted_authenticator_locks_staff_powers_again(client, staff_world):
    officer = staff_world["officer"]
    sign_in(client, officer)
    assert client.get("/reports/manage/").status_code == 200
    Authenticator.objects.filter(user=officer).delete()
    assert _sent_to_second_factor(client.get("/reports/manage/"))


def test_setting_up_an_authenticator_verifies_the_session(rf, officer):
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get("/")
    request.session = SessionStore()
    request.user = officer
    authenticator = give_authenticator(officer)
    assert not twofactor.is_verified(officer, request.session)
    twofactor.record_new_authenticator(None, request=request, user=officer, authenticator=authenticator)
    assert twofactor.is_verified(officer, request.session)


def test_residents_are_never_asked_for_a_second_factor(client, resident):
    sign_in(client, resident)
    response = client.get("/reports/manage/")
    assert response.status_code == 403  # refused as a resident, not sent to set up 2FA


@pytest.fixture
def _keep_test_connection(monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def test_socket_staff_powers_need_a_second_factor(_keep_test_connection, client, index, officer):
    from asgiref.sync import async_to_sync

    draft = make_consultation(index, "open", live=False, lead_organisation=officer.organisation)
    sign_in(client, officer, second_factor=False)
    password_only = f"sessionid={client.cookies['sessionid'].value}".encode()
    verified = session_cookie(officer)

    async def connects(cookie) -> bool:
        comm = communicator(draft.pk, since=0, cookie=cookie)
        connected, _code = await comm.connect(timeout=5)
        await comm.disconnect()
        return connected

    assert not async_to_sync(connects)(password_only)  # the draft is refused: staff powers locked
    assert async_to_sync(connects)(verified)


def _code_steps_ago(steps: int) -> str:
    """The authenticator code the test secret showed `steps` 30-second steps ago."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from tests.support.auth import TEST_TOTP_SECRET

    return format_hotp_value(hotp_value(TEST_TOTP_SECRET, int(time.time()) // 30 - steps))


def _enter_code(client, officer, code: str) -> bool:
    """Sign in by the form with password then code; True when the code was accepted."""
    client.logout()
    client.post("/accounts/login/", {"login": officer.email, "password": "correct horse battery staple"})
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    return response.status_code == 302 and not response["Location"].startswith("/accounts/")


def test_a_code_from_the_step_just_gone_is_accepted_once_and_older_codes_never(client, officer):
    give_authenticator(officer)
    assert not _enter_code(client, officer, _code_steps_ago(3))
    assert _enter_code(client, officer, _code_steps_ago(1))
    # The same code cannot be replayed while it is still valid.
    assert not _enter_code(client, officer, _code_steps_ago(1))
