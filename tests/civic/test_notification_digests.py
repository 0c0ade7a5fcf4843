"""Daily and weekly summaries: one email per person, grouped by kind, never sent twice."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from civic import notifications
from civic.models import Frequency, Notification, NotificationKind, NotificationPreference
from tests.civic.factories import UserFactory

pytestmark = pytest.mark.django_db
REPLY, RESPONSE, RESULTS = (
    NotificationKind.REPLY,
    NotificationKind.OFFICIAL_RESPONSE,
    NotificationKind.RESULTS,
)


def choose(user, frequency, *kinds):
    for kind in kinds:
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"frequency": frequency}
        )


def event(kind, key, *people, title=None):
    return notifications.notify(people, kind, title=title or f"Event {key}", url=f"/x/{key}/", dedupe_key=key)


def test_a_daily_digest_groups_each_persons_notifications_by_kind():
    alice, bob, instant = UserFactory(), UserFactory(), UserFactory()
    choose(alice, Frequency.DAILY, REPLY, RESPONSE)
    choose(bob, Frequency.DAILY, REPLY)
    event(REPLY, "r1", alice, bob, instant, title="First reply")
    event(REPLY, "r2", alice, title="Second reply")
    event(RESPONSE, "o1", alice, title="An official answer")
    mail.outbox.clear()  # the instant one went at once (immediate backend)
    assert notifications.send_digest.call("daily") == 2
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {alice.email, bob.email}
    body = by_person[alice.email].body
    assert "Your daily summary: 3 updates" in by_person[alice.email].subject
    assert body.index(str(NotificationKind(RESPONSE).label)) < body.index("An official answer")
    reply_label = str(NotificationKind(REPLY).label)
    assert body.index(reply_label) < body.index("First reply") < body.index("Second reply")
    assert "An official answer" not in by_person[bob.email].body
    assert notifications.send_digest.call("daily") == 0  # run again: nothing twice
    assert len(mail.outbox) == 2


def test_the_weekly_digest_leaves_daily_ones_alone():
    alice, bob = UserFactory(), UserFactory()
    choose(alice, Frequency.DAILY, REPLY)
    choose(bob, Frequency.WEEKLY, REPLY)
    event(REPLY, "r1", alice, bob)
    assert notifications.send_digest.call("weekly") == 1
    assert [m.to for m in mail.outbox] == [[bob.email]]
    assert Notification.objects.get(recipient=alice).emailed_at is None


def test_a_digest_unsubscribe_link_covers_its_kinds(client):
    alice = UserFactory()
    choose(alice, Frequency.WEEKLY, REPLY, RESULTS)
    event(REPLY, "r1", alice)
    event(RESULTS, "s1", alice)
    notifications.send_digest.call("weekly")
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in message.body
    assert client.post(urlsplit(link).path).status_code == 200
    assert notifications.preferences_for([alice.pk], REPLY)[alice.pk] == Frequency.NEVER
    assert notifications.preferences_for([alice.pk], RESULTS)[alice.pk] == Frequency.NEVER
    assert notifications.preferences_for([alice.pk], RESPONSE)[alice.pk] == Frequency.IMMEDIATELY


def test_a_digest_skips_people_who_opted_out_or_were_suspended_since():
    opted_out, suspended, kept = UserFactory(), UserFactory(), UserFactory()
    for person in (opted_out, suspended, kept):
        choose(person, Frequency.DAILY, REPLY)
    event(REPLY, "r1", opted_out, suspended, kept)
    choose(opted_out, Frequency.NEVER, REPLY)
    suspended.suspended_until = timezone.now() + timedelta(days=1)
    suspended.save()
    assert notifications.send_digest.call("daily") == 1
    assert [m.to for m in mail.outbox] == [[kept.email]]
    assert Notification.objects.filter(email=Notification.Email.NONE).count() == 2  # not tried again


def test_a_digest_interrupted_mid_batch_sends_the_rest_once_on_retry(monkeypatch):
    people = [UserFactory() for _ in range(4)]
    for person in people:
        choose(person, Frequency.DAILY, REPLY)
    event(REPLY, "r1", *people)
    real, calls = notifications._digest_for, {"n": 0}

    def flaky(*args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConnectionError("mail server went away")
        return real(*args)

    monkeypatch.setattr(notifications, "_digest_for", flaky)
    with pytest.raises(ConnectionError):
        notifications.send_digest.call("daily")
    monkeypatch.setattr(notifications, "_digest_for", real)
    assert notifications.send_digest.call("daily") == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)


def test_command_queues_digests_and_waiting_immediate_emails(monkeypatch):
    alice, bob = UserFactory(), UserFactory()
    choose(bob, Frequency.DAILY, REPLY)
    monkeypatch.setattr(notifications, "_enqueue", lambda key: None)  # the first task never ran
    event(REPLY, "r1", alice, bob)
    Notification.objects.update(created_at=timezone.now() - timedelta(hours=1))
    call_command("notification_emails", "--pending", "--digest", "daily")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alice.email, bob.email])
    assert reverse("profile") in mail.outbox[0].body
