"""Delete my account: a resident's personal data leaves every table, index and cache while their
contributions keep counting; staff are deactivated; only the owner (with the password) or an
administrator may do it."""

import pickle
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

from civic import services
from civic.errors import CivicError
from civic.models import ParticipantProfile, User
from consultations import moderation
from consultations import services as consultation_services
from consultations.models import Comment, Flag, LiveEvent, Vote
from mapping import services as mapping_services
from search.models import SavedSearch, SearchEntry
from tests.civic.factories import UserFactory, make_council
from tests.mapping.factories import CategoryFactory
from tests.support.auth import sign_in

PASSWORD = "correct horse battery staple"  # UserFactory's
URL = "/accounts/delete/"


@pytest.fixture
def erin(db):
    return UserFactory(
        display_name="ErasedErin",
        email="erin@private.example",
        username="erin-private-username",
        first_name="Erinfirstname",
        last_name="Erinlastname",
        roles=["Residents"],
    )


def needles(user):
    return [user.email, user.display_name, user.username, user.first_name, user.last_name]


def scan(strings) -> list[str]:
    """Every table row, and every cached value, that still holds one of these strings."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the schema
            for row in cursor.fetchall():
                text = repr(row)
                found += [f"{table}: {s}" for s in strings if s in text]
    for key, value in cached_items():
        try:
            stored = pickle.loads(value) if isinstance(value, bytes) else value  # noqa: S301 - our own test cache
        except Exception:  # a raw counter or a value that is not a pickle
            stored = value
        text = repr(key) + repr(stored)
        found += [f"cache {key}: {s}" for s in strings if s in text]
    return found


def cached_items():
    """Every (key, stored value) in the default cache: the in-memory one, or Redis (CI's second pass)."""
    backend = getattr(cache, "_cache", None)
    if isinstance(backend, dict):
        yield from list(backend.items())
    elif hasattr(backend, "get_client"):
        client = backend.get_client()
        for key in client.scan_iter():
            yield key, client.get(key)
    else:
        raise AssertionError(f"the erasure scan cannot read this cache: {type(backend)}")


@pytest.fixture
def erin_took_part(erin, consultation, proposal, django_capture_on_commit_callbacks):
    """Erin has data of every kind, written by the services (so live events and search entries exist)."""
    _council, west, _east = make_council()
    neighbour = UserFactory(roles=["Residents"])
    with django_capture_on_commit_callbacks(execute=True):
        ParticipantProfile.objects.create(
            user=erin, consented_at=erin.date_joined, age_band="25-34", ward=west
        )
        comment = consultation_services.post_comment(
            author=erin, consultation=consultation, body="Keep it open late."
        )
        consultation_services.post_comment(
            author=neighbour, consultation=consultation, parent=comment, body="I agree with that."
        )
        theirs = consultation_services.post_comment(
            author=neighbour, consultation=consultation, body="Close it."
        )
        consultation_services.cast_vote(voter=erin, proposal=proposal, choice="support")
        consultation_services.cast_vote(voter=neighbour, proposal=proposal, choice="oppose")
        moderation.flag_comment(user=erin, comment=theirs, reason="off_topic", note="Not about the library")
        category = CategoryFactory(name="Pothole", slug="potholes", service_code="POT")
        report = mapping_services.create_report(
            reporter=erin,
            category=category,
            title="Hole by the school",
            description="Deep enough to trip on.",
            latitude=52.90,
            longitude=-1.54,
            contact_email="erin@private.example",
        )
    return {"comment": comment, "report": report, "neighbour": neighbour}


def test_erasure_leaves_no_personal_data_of_the_person_anywhere(
    erin, erin_took_part, django_capture_on_commit_callbacks
):
    assert scan(needles(erin))  # the scan does find her before
    assert LiveEvent.objects.filter(html__contains="ErasedErin").exists()
    assert SearchEntry.objects.filter(author="ErasedErin").exists()
    strings = needles(erin)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.erase_account(actor=erin, user=erin, password=PASSWORD) == "erased"
    assert scan(strings) == []
    assert not User.objects.filter(pk=erin.pk).exists()
    assert not ParticipantProfile.objects.filter(user_id=erin.pk).exists()


def test_kept_contributions_read_former_participant_and_tallies_do_not_change(
    erin, erin_took_part, proposal, django_capture_on_commit_callbacks
):
    comment = erin_took_part["comment"]
    tally = consultation_services.tally(proposal)
    with django_capture_on_commit_callbacks(execute=True):
        services.erase_account(actor=erin, user=erin, password=PASSWORD)
    comment.refresh_from_db()
    assert comment.author is None and comment.body == "Keep it open late."
    assert comment.author_name == "Former participant"
    assert consultation_services.tally(proposal) == tally
    assert Vote.objects.filter(proposal=proposal).count() == 2
    assert Flag.objects.filter(user=None, reason="off_topic").count() == 1
    assert Comment.objects.count() == 3
    report = erin_took_part["report"]
    report.refresh_from_db()
    assert (
        report.reporter is None
        and report.contact_email == ""
        and report.reporter_name == "Former participant"
    )
    assert SearchEntry.objects.filter(author="Former participant").count() == 2  # the comment and the report
    event = LiveEvent.objects.get(type="comment.posted", data__id=comment.pk)
    assert "Former participant" in event.html and event.data["author"] == "Former participant"
    erased = ModelLogEntry.objects.get(action="civic.erase")
    assert erased.label == "Former participant" and erased.user_id is None


def test_a_pending_comment_stays_in_the_queue_without_its_author(
    erin, consultation, organisation, django_capture_on_commit_callbacks
):
    consultation.moderation_policy = "pre"
    consultation.save()
    with django_capture_on_commit_callbacks(execute=True):
        pending = consultation_services.post_comment(
            author=erin, consultation=consultation, body="Please read me."
        )
        services.erase_account(actor=erin, user=erin, password=PASSWORD)
    moderator = UserFactory(roles=["Moderators"], organisation=organisation)
    sign_in_marks_second_factor(moderator)
    pending.refresh_from_db()
    assert pending.needs_review and pending.status == Comment.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(
            moderator=moderator, comment_ids=[pending.pk], decision="approve", reason="", expected_queue=False
        )
    pending.refresh_from_db()
    assert pending.status == Comment.Status.PUBLISHED and not pending.needs_review


def sign_in_marks_second_factor(user):
    user._civic_second_factor = True  # as the middleware marks a verified staff session


def test_a_wrong_password_erases_nothing(erin):
    with pytest.raises(CivicError) as refused:
        services.erase_account(actor=erin, user=erin, password="not my password")
    assert refused.value.field == "password"
    assert User.objects.filter(pk=erin.pk, is_active=True).exists()


def test_staff_accounts_are_deactivated_not_erased(officer):
    SavedSearch.objects.create(owner=officer, name="Mine", query="q=x")
    ParticipantProfile.objects.create(user=officer, consented_at=officer.date_joined, age_band="25-34")
    assert services.erase_account(actor=officer, user=officer, password=PASSWORD) == "deactivated"
    officer.refresh_from_db()
    assert not officer.is_active and officer.email  # the audit trail still names who acted
    assert not ParticipantProfile.objects.filter(user=officer).exists()
    entry = ModelLogEntry.objects.get(action="civic.deactivate", object_id=str(officer.pk))
    assert entry.user_id == officer.pk and entry.data == {"by_owner": True}


def test_an_administrator_erases_an_account_on_someones_behalf_and_it_is_logged(erin, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    sign_in_marks_second_factor(admin)
    assert services.erase_account(actor=admin, user=erin) == "erased"
    entry = ModelLogEntry.objects.get(action="civic.erase")
    assert entry.user_id == admin.pk and entry.data == {"by_owner": False}


def test_nobody_else_may_erase_an_account(erin, resident, officer):
    sign_in_marks_second_factor(officer)
    for actor in (resident, officer):
        with pytest.raises(CivicError) as refused:
            services.erase_account(actor=actor, user=erin, password=PASSWORD)
        assert refused.value.code == "forbidden"
    assert User.objects.filter(pk=erin.pk).exists()


# The page -------------------------------------------------------------------------------------


def test_the_page_explains_and_asks_for_the_password(client, erin):
    sign_in(client, erin)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Former participant" in html and 'type="password"' in html
    assert f'href="{URL}"' in client.get(reverse("profile")).content.decode()


def link_path(message) -> str:
    from urllib.parse import urlsplit

    return urlsplit(re.search(r"https?://\S+/accounts/delete/\S+/", message.body).group(0)).path


def test_the_password_step_emails_a_link_and_erases_nothing_yet(client, erin):
    sign_in(client, erin)
    response = client.post(URL, {"password": PASSWORD})
    assert response.status_code == 200 and "Check your email" in response.content.decode()
    assert User.objects.filter(pk=erin.pk, is_active=True).exists()
    [message] = mail.outbox
    assert message.to == [erin.email] and "Confirm that you want to delete your account" in message.subject
    assert "works once, for 24 hours" in message.body


def test_the_link_shows_a_button_and_pressing_it_signs_out_and_erases(client, erin):
    sign_in(client, erin)
    client.post(URL, {"password": PASSWORD})
    path = link_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200 and "Delete my account now" in page.content.decode()
    assert User.objects.filter(pk=erin.pk).exists()  # opening the link (a mail scanner) closes nothing
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == "/"
    assert not User.objects.filter(pk=erin.pk).exists()
    assert "_auth_user_id" not in client.session
    assert "have been deleted" in client.get("/").content.decode()
    entry = ModelLogEntry.objects.get(action="civic.erase")
    assert entry.data == {"by_owner": True, "via": "emailed link"}


def test_a_link_used_twice_says_so(client, erin):
    sign_in(client, erin)
    client.post(URL, {"password": PASSWORD})
    path = link_path(mail.outbox[0])
    client.post(path)
    for again in (client.get(path), client.post(path)):
        assert again.status_code == 410
        assert "This link has already been used" in again.content.decode()


def test_an_expired_link_says_so_and_erases_nothing(client, erin, monkeypatch, settings):
    from django.core import signing

    old = int(time.time()) - settings.ACCOUNT_ERASURE_LINK_HOURS * 3600 - 60
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(old))
    token = services.erasure_token(erin)
    monkeypatch.undo()
    sign_in(client, erin)
    for response in (client.get(f"{URL}{token}/"), client.post(f"{URL}{token}/")):
        assert response.status_code == 410 and "This link has expired" in response.content.decode()
    assert User.objects.filter(pk=erin.pk, is_active=True).exists()


def test_a_tampered_link_or_one_for_another_account_erases_nothing(client, erin, resident):
    token = services.erasure_token(erin)
    sign_in(client, erin)
    for bad in ("not-a-token", token[:-1] + ("x" if token[-1] != "x" else "y"), f"{resident.pk}:x:forged"):
        response = client.post(f"{URL}{bad}/")
        assert response.status_code == 404 and "This link does not work" in response.content.decode()
    sign_in(client, resident)
    response = client.post(f"{URL}{token}/")
    assert response.status_code == 403 and "different account" in response.content.decode()
    assert User.objects.filter(pk=erin.pk).exists() and User.objects.filter(pk=resident.pk).exists()


def test_a_link_stops_working_once_the_password_changes(client, erin):
    token = services.erasure_token(erin)
    erin.set_password("a brand new password 42")
    erin.save()
    sign_in(client, erin)
    response = client.post(f"{URL}{token}/")
    assert response.status_code == 410 and "password has changed" in response.content.decode()
    assert User.objects.filter(pk=erin.pk).exists()


def test_opening_the_link_signed_out_asks_to_sign_in_first(client, erin):
    token = services.erasure_token(erin)
    response = client.post(f"{URL}{token}/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert User.objects.filter(pk=erin.pk).exists()


def test_staff_confirming_by_link_are_deactivated(client, officer):
    sign_in(client, officer)
    client.post(URL, {"password": PASSWORD})
    path = link_path(mail.outbox[0])
    assert "Deactivate my account now" in client.get(path).content.decode()
    client.post(path)
    officer.refresh_from_db()
    assert not officer.is_active and officer.email
    sign_in(client, officer)
    assert client.get(path).status_code == 410  # used


def test_a_wrong_or_missing_password_shows_the_error_summary(client, erin):
    sign_in(client, erin)
    for data, message in (
        ({"password": "wrong"}, "Enter your current password."),
        ({}, "Enter your current password."),
    ):
        response = client.post(URL, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html and message in html
        assert 'aria-invalid="true"' in html
    assert User.objects.filter(pk=erin.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, erin):
    for response in (client.get(URL), client.post(URL, {"password": PASSWORD})):
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert User.objects.filter(pk=erin.pk).exists()


def test_the_command_erases_on_behalf_of_a_named_administrator(erin, resident, make_user):
    from io import StringIO

    from django.core.management import CommandError, call_command

    admin = make_user(is_superuser=True, is_staff=True, email="admin@council.example")
    with pytest.raises(CommandError, match="not an administrator"):
        call_command("erase_account", erin.email, administrator=resident.email, yes=True)
    assert User.objects.filter(pk=erin.pk).exists()
    out = StringIO()
    call_command("erase_account", erin.email.upper(), administrator=admin.email, yes=True, stdout=out)
    assert "Account erased." in out.getvalue()
    assert not User.objects.filter(pk=erin.pk).exists()
    assert ModelLogEntry.objects.get(action="civic.erase").user_id == admin.pk


def test_summary_totals_still_count_the_erased_person_once(
    erin, consultation, django_capture_on_commit_callbacks
):
    from consultations.summaries.figures import build_summary

    neighbour = UserFactory(roles=["Residents"])
    with django_capture_on_commit_callbacks(execute=True):
        for body in ("First thought.", "Second thought."):
            consultation_services.post_comment(author=erin, consultation=consultation, body=body)
        consultation_services.post_comment(author=neighbour, consultation=consultation, body="Mine.")
    before = build_summary(consultation, include_representation=False)["totals"]
    assert before == {"comments": 3, "people": 2}
    with django_capture_on_commit_callbacks(execute=True):
        services.erase_account(actor=erin, user=erin, password=PASSWORD)
    assert build_summary(consultation, include_representation=False)["totals"] == before


def test_guessing_the_password_is_limited(client, erin):
    sign_in(client, erin)
    for _ in range(5):
        assert client.post(URL, {"password": "a guess"}).status_code == 400
    refused = client.post(URL, {"password": PASSWORD})  # even the right one, for now
    assert refused.status_code == 429
    assert "You are doing that too often" in refused.content.decode()
    assert User.objects.filter(pk=erin.pk).exists()


# The policy for contributions (ERASURE_CONTRIBUTIONS) ------------------------------------------


def test_the_default_policy_keeps_contributions(settings):
    assert settings.ERASURE_CONTRIBUTIONS == "keep"


def test_the_remove_policy_withdraws_comments_and_reports_and_totals_stay_consistent(
    erin, erin_took_part, consultation, proposal, settings, tmp_path, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    from consultations.summaries.figures import build_summary
    from consultations.summaries.models import ThemeMembership
    from consultations.summaries.services import build_themes
    from mapping.models import IssueReport
    from mapping.personal_data import REMOVED_TITLE

    settings.ERASURE_CONTRIBUTIONS = "remove"
    settings.MEDIA_ROOT = tmp_path
    comment, report = erin_took_part["comment"], erin_took_part["report"]
    report.photo.save("hole.jpg", ContentFile(b"not really a jpeg"), save=True)
    photo = tmp_path / report.photo.name
    assert photo.exists()
    build_themes(consultation.pk)
    assert ThemeMembership.objects.filter(comment=comment).exists()
    tally = consultation_services.tally(proposal)
    assert build_summary(consultation, include_representation=False)["totals"] == {"comments": 3, "people": 2}
    strings = [*needles(erin), "Keep it open late.", "Hole by the school", "Deep enough to trip on."]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.erase_account(actor=erin, user=erin, password=PASSWORD) == "erased"
    assert scan(strings) == []  # tables (search entries, live events, themes...) and the cache
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REMOVED and comment.body == "" and comment.author is None
    assert Comment.objects.count() == 3  # the neighbour's reply and comment stay
    assert build_summary(consultation, include_representation=False)["totals"] == {"comments": 2, "people": 1}
    assert not ThemeMembership.objects.filter(comment=comment, quote_rank__isnull=False).exists()
    assert consultation_services.tally(proposal) == tally  # votes stay counted either way
    assert Vote.objects.filter(user=None).count() == 1
    assert not SearchEntry.objects.filter(object_id=str(comment.pk), type="comment").exists()
    assert LiveEvent.objects.filter(type="comment.removed", data__id=comment.pk).exists()
    report.refresh_from_db()
    assert report.title == REMOVED_TITLE and report.description == "" and not report.photo
    assert not report.is_visible and not IssueReport.objects.visible().filter(pk=report.pk).exists()
    assert not photo.exists()
    assert report.category_id and report.status  # the council's counts and work list still add up


@pytest.mark.parametrize("policy", ["keep", "remove"])
def test_erasing_an_account_with_pending_items_leaves_the_queue_consistent(
    erin, consultation, organisation, settings, policy, django_capture_on_commit_callbacks
):
    settings.ERASURE_CONTRIBUTIONS = policy
    consultation.moderation_policy = "pre"
    consultation.save()
    other = UserFactory(roles=["Residents"])
    with django_capture_on_commit_callbacks(execute=True):
        post = consultation_services.post_comment
        pending = post(author=erin, consultation=consultation, body="Mine, held.")
        theirs = post(author=other, consultation=consultation, body="Theirs.")
    moderator = UserFactory(roles=["Moderators"], organisation=organisation)
    sign_in_marks_second_factor(moderator)
    assert moderation.queue_counts(moderator)["waiting"] == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.erase_account(actor=erin, user=erin, password=PASSWORD)
    queue = list(moderation.queue_for(moderator))
    counts = moderation.queue_counts(moderator)
    assert counts["waiting"] == len(queue)
    if policy == "keep":
        assert [c.pk for c in queue] == [pending.pk, theirs.pk]
        assert queue[0].author_name == "Former participant"
    else:
        assert [c.pk for c in queue] == [theirs.pk]
        with pytest.raises(CivicError) as stale:  # a moderator who loaded the queue before
            moderation.decide(moderator=moderator, comment_ids=[pending.pk], decision="approve")
        assert stale.value.code == "stale"
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(moderator=moderator, comment_ids=[c.pk for c in queue], decision="approve")
    assert moderation.queue_counts(moderator)["waiting"] == 0


def test_the_page_says_what_the_policy_does(client, erin, settings):
    sign_in(client, erin)
    assert "Former participant" in client.get(URL).content.decode()
    settings.ERASURE_CONTRIBUTIONS = "remove"
    html = client.get(URL).content.decode()
    assert "your comments are removed" in html and "Former participant" not in html


ERINS_ADDRESS = "203.0.113.77"


def test_no_address_or_email_of_the_person_is_left_in_the_cache_or_anywhere_after_erasure(
    client, erin, erin_took_part, django_capture_on_commit_callbacks
):
    """She signed in from her address (allauth counts it) and, signed out, sent a report without an
    account from the same address and email (Civic counts both): the cache keys hold neither in clear,
    and erasure leaves neither (nor her names) in any table, index, cache or stored live event."""
    signed_in = client.post(
        reverse("account_login"), {"login": erin.email, "password": PASSWORD}, REMOTE_ADDR=ERINS_ADDRESS
    )
    assert signed_in.status_code == 302
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        mapping_services.create_report(
            reporter=None,
            category="potholes",
            title="Another hole",
            description="Sent while signed out.",
            latitude=52.90,
            longitude=-1.54,
            contact=mapping_services.Contact(name="Erin Signedout", email=erin.email, address=ERINS_ADDRESS),
        )
    strings = [*needles(erin), ERINS_ADDRESS, "Erin Signedout"]
    assert [found for found in scan(strings) if ERINS_ADDRESS in found] == []  # hashed from the start
    assert scan(strings)  # her email and names are there before
    with django_capture_on_commit_callbacks(execute=True):
        services.erase_account(actor=erin, user=erin, password=PASSWORD)
    assert scan(strings) == []
