from datetime import timedelta

import pytest
from django.core import mail, signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from civic import notifications
from civic.models import Frequency, Notification, NotificationKind, NotificationPreference
from tests.civic.factories import UserFactory
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db
REPLY = NotificationKind.REPLY
RESULTS = NotificationKind.RESULTS


def _notify(recipients, key="reply:1", **kwargs):
    kwargs.setdefault("title", "Someone replied to your comment")
    kwargs.setdefault("body", "Good point, I agree.")
    kwargs.setdefault("url", "/consultations/x/")
    return notifications.notify(recipients, REPLY, dedupe_key=key, **kwargs)


def test_notify_creates_rows_and_emails_after_commit(django_capture_on_commit_callbacks):
    alice, bob = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        created = _notify([alice, bob.pk])
        assert mail.outbox == []  # nothing leaves before the write commits
    assert created == 2
    assert {m.to[0] for m in mail.outbox} == {alice.email, bob.email}
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 2


def test_email_has_one_click_unsubscribe_headers_and_link(django_capture_on_commit_callbacks):
    alice = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice])
    message = mail.outbox[0]
    # The token is signed with the time, so it is read back rather than made again (a second may pass).
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<") and header.endswith(">")
    link = header[1:-1]
    prefix = notifications.unsubscribe_url(alice.pk, REPLY).rsplit("/", 2)[0] + "/"
    assert link.startswith(prefix)
    assert notifications.read_unsubscribe_token(link[len(prefix) :].rstrip("/")) == (alice, [REPLY])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    assert "Good point, I agree." in message.body


def test_never_the_actor_inactive_suspended_or_opted_out(django_capture_on_commit_callbacks):
    actor, wanted = UserFactory(), UserFactory()
    inactive = UserFactory(is_active=False)
    suspended = UserFactory(suspended_until=timezone.now() + timedelta(days=3))
    opted_out = UserFactory()
    NotificationPreference.objects.create(user=opted_out, kind=REPLY, frequency=Frequency.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([actor, wanted, inactive, suspended, opted_out], actor=actor)
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [wanted.pk]
    assert [m.to for m in mail.outbox] == [[wanted.email]]


def test_a_past_suspension_does_not_stop_notifications():
    lifted = UserFactory(suspended_until=timezone.now() - timedelta(days=1))
    assert _notify([lifted]) == 1


def test_digest_choices_keep_the_notification_but_do_not_email_at_once(django_capture_on_commit_callbacks):
    weekly = UserFactory()
    NotificationPreference.objects.create(user=weekly, kind=REPLY, frequency=Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([weekly])
    assert Notification.objects.get().email == Notification.Email.WEEKLY
    assert mail.outbox == []


def test_repeating_an_event_creates_and_sends_nothing_new(django_capture_on_commit_callbacks):
    alice = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([alice]) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([alice]) == 0
    assert notifications.send_notification_emails.call("reply:1") == 0  # a retried task
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_worker_restart_mid_batch_sends_the_rest_once(monkeypatch, django_capture_on_commit_callbacks):
    people = [UserFactory() for _ in range(5)]
    monkeypatch.setattr(notifications, "_enqueue", lambda key: None)  # the queue has not run it yet
    with django_capture_on_commit_callbacks(execute=True):
        _notify(people)
    real = notifications._email_for
    calls = {"n": 0}

    def failing_third(notification, address):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ConnectionError("worker lost its mail server")
        return real(notification, address)

    monkeypatch.setattr(notifications, "_email_for", failing_third)
    with pytest.raises(ConnectionError):
        notifications.send_notification_emails.call("reply:1")
    assert len(mail.outbox) == 2
    monkeypatch.setattr(notifications, "_email_for", real)
    assert notifications.send_notification_emails.call("reply:1") == 3  # the retry
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)


def test_a_claim_that_lost_a_race_changes_nothing_and_is_retried(
    monkeypatch, django_capture_on_commit_callbacks
):
    people = [UserFactory() for _ in range(3)]
    monkeypatch.setattr(notifications, "_enqueue", lambda key: None)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(people)
    rows = list(Notification.objects.values_list("pk", flat=True))
    Notification.objects.filter(recipient=people[0]).update(emailed_at=timezone.now())  # another worker's
    with pytest.raises(notifications.ClaimedElsewhere), transaction.atomic():
        notifications._mark_claimed(rows, timezone.now())
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 2  # the claim was undone
    real, calls = notifications._claim_batch, {"n": 0}

    def lose_first_race(key):
        calls["n"] += 1
        if calls["n"] == 1:
            raise notifications.ClaimedElsewhere
        return real(key)

    monkeypatch.setattr(notifications, "_claim_batch", lose_first_race)
    assert notifications.send_notification_emails.call("reply:1") == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[1:])


def test_unsubscribing_before_the_task_runs_stops_the_email(monkeypatch, django_capture_on_commit_callbacks):
    alice = UserFactory()
    monkeypatch.setattr(notifications, "_enqueue", lambda key: None)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice])
    notifications.set_preference(alice, REPLY, Frequency.NEVER)
    assert notifications.send_notification_emails.call("reply:1") == 0
    assert mail.outbox == []
    assert Notification.objects.get().email == Notification.Email.NONE


def test_people_told_by_another_email_get_the_notification_only(django_capture_on_commit_callbacks):
    alice, bob = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice, bob], email_skip=[bob.pk])
    assert Notification.objects.count() == 2
    assert [m.to for m in mail.outbox] == [[alice.email]]


def test_opted_out_people_get_nothing_even_when_told_by_another_email():
    alice = UserFactory()
    NotificationPreference.objects.create(user=alice, kind=REPLY, frequency=Frequency.NEVER)
    assert _notify([alice], email_skip=[alice.pk]) == 0
    assert not Notification.objects.exists()


def test_titles_are_one_line_of_plain_text(django_capture_on_commit_callbacks):
    alice = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice], title="Line one\nBcc: someone@example.org <b>bold</b>")
    title = Notification.objects.get().title
    assert "\n" not in title and "<b>" not in title
    assert mail.outbox[0].subject.endswith(title)


def test_unknown_kind_is_refused():
    with pytest.raises(notifications.CivicError):
        notifications.notify([UserFactory()], "marketing", title="Buy", dedupe_key="x")


# Unsubscribe links -----------------------------------------------------------------------------


def test_signed_link_get_asks_to_confirm_and_changes_nothing(client):
    alice = UserFactory()
    url = reverse("notifications_unsubscribe", args=[notifications.unsubscribe_token(alice.pk, REPLY)])
    response = client.get(url)
    assert response.status_code == 200
    assert b"Stop these emails" in response.content
    assert not NotificationPreference.objects.exists()


def test_one_click_post_unsubscribes_without_signing_in_or_csrf():
    from django.test import Client

    alice = UserFactory()
    client = Client(enforce_csrf_checks=True)
    url = reverse("notifications_unsubscribe", args=[notifications.unsubscribe_token(alice.pk, REPLY)])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=alice, kind=REPLY).frequency == Frequency.NEVER
    assert notifications.preferences_for([alice.pk], NotificationKind.OFFICIAL_RESPONSE)[alice.pk] == (
        Frequency.IMMEDIATELY  # only the kind in the link
    )


def test_one_click_unsubscribing_past_the_write_limit_is_refused_and_changes_nothing(
    client, settings, pinned_clock
):
    alice = UserFactory()
    settings.WRITE_RATE_LIMIT = "1/d"
    reply = reverse("notifications_unsubscribe", args=[notifications.unsubscribe_token(alice.pk, REPLY)])
    results = reverse("notifications_unsubscribe", args=[notifications.unsubscribe_token(alice.pk, RESULTS)])
    assert client.post(reply).status_code == 200
    refused = client.post(results)
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert f'href="{results}"' in refused.content.decode()
    assert notifications.preferences_for([alice.pk], RESULTS)[alice.pk] == Frequency.IMMEDIATELY
    assert list(NotificationPreference.objects.values_list("kind", flat=True)) == [REPLY]


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_links_are_refused_with_a_clear_page(client, method):
    alice, mallory = UserFactory(), UserFactory()
    token = notifications.unsubscribe_token(alice.pk, REPLY)
    payload, _, signature = token.rpartition(":")
    forged = signing.dumps({"u": mallory.pk, "k": REPLY}, salt="other").rpartition(":")[0] + ":" + signature
    for bad in (token[:-2] + "xx", forged, "nonsense", payload):
        response = getattr(client, method)(reverse("notifications_unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert b"This link does not work" in response.content
    assert not NotificationPreference.objects.exists()


def test_a_link_for_a_deleted_account_is_refused(client):
    alice = UserFactory()
    token = notifications.unsubscribe_token(alice.pk, REPLY)
    alice.delete()
    assert client.post(reverse("notifications_unsubscribe", args=[token])).status_code == 400


# Account page ----------------------------------------------------------------------------------


def test_account_page_lists_notifications_with_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    alice = UserFactory()
    for n in range(25):
        _notify([alice], key=f"reply:{n}", title=f"Reply number {n}")
    sign_in(client, alice)
    client.get(reverse("profile"))  # warm per-session lookups
    with django_assert_max_num_queries(25):
        response = client.get(reverse("profile"))
    assert response.status_code == 200
    assert response.context["unread_count"] == 25
    assert len(response.context["notifications"]) == 20
    assert b"Reply number 24" in response.content
    assert b"25 new" in response.content


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client):
    alice = UserFactory()
    _notify([alice])
    notification = Notification.objects.get()
    sign_in(client, alice)
    response = client.get(reverse("open_notification", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/consultations/x/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_opens_another_persons_notification(client):
    alice, mallory = UserFactory(), UserFactory()
    _notify([alice])
    notification = Notification.objects.get()
    sign_in(client, mallory)
    assert client.get(reverse("open_notification", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_anonymous_visitors_are_sent_to_sign_in_to_open_a_notification(client):
    alice = UserFactory()
    _notify([alice])
    response = client.get(reverse("open_notification", args=[Notification.objects.get().pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_mark_all_read(client):
    alice = UserFactory()
    _notify([alice], key="a")
    _notify([alice], key="b")
    sign_in(client, alice)
    response = client.post(reverse("mark_notifications_read"))
    assert response.status_code == 302
    assert not Notification.objects.unread().exists()


def test_marking_read_past_the_write_limit_is_refused_and_changes_nothing(client, settings, pinned_clock):
    alice = UserFactory()
    settings.WRITE_RATE_LIMIT = "1/d"
    sign_in(client, alice)
    _notify([alice], key="a")
    assert client.post(reverse("mark_notifications_read")).status_code == 302  # allowed: the first
    assert not Notification.objects.unread().exists()
    _notify([alice], key="b")
    refused = client.post(reverse("mark_notifications_read"))
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert 'href="/accounts/profile/#notifications-heading"' in refused.content.decode()
    assert Notification.objects.unread().count() == 1


def test_preferences_form_saves_every_kind(client):
    alice = UserFactory()
    sign_in(client, alice)
    response = client.get(reverse("profile"))
    assert response.context["settings_form"].initial[REPLY] == Frequency.IMMEDIATELY
    data = {f"notify-{kind}": Frequency.DAILY for kind in NotificationKind.values}
    data["form"] = "notification-settings"
    data[f"notify-{REPLY}"] = Frequency.NEVER
    data["notify-auto_follow"] = "on"
    response = client.post(reverse("profile"), data)
    assert response.status_code == 302
    assert notifications.preferences_for([alice.pk], REPLY)[alice.pk] == Frequency.NEVER
    assert notifications.preferences_for([alice.pk], NotificationKind.RESULTS)[alice.pk] == Frequency.DAILY


def test_email_choices_past_the_write_limit_are_refused_and_save_nothing(client, settings, pinned_clock):
    alice = UserFactory()
    settings.WRITE_RATE_LIMIT = "1/d"
    sign_in(client, alice)
    data = {f"notify-{kind}": Frequency.DAILY for kind in NotificationKind.values}
    data.update({"form": "notification-settings", "notify-auto_follow": "on"})
    assert client.post(reverse("profile"), data).status_code == 302
    data.update({f"notify-{REPLY}": Frequency.NEVER, "notify-auto_follow": "off"})
    refused = client.post(reverse("profile"), data)
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert 'href="/accounts/profile/#notification-settings-heading"' in refused.content.decode()
    alice.refresh_from_db()
    assert alice.auto_follow is True
    assert notifications.preferences_for([alice.pk], REPLY)[alice.pk] == Frequency.DAILY


def test_commenting_follows_by_default_and_the_resident_can_switch_it_off(client, consultation):
    from consultations import services
    from consultations.models import Follow

    alice = UserFactory()
    sign_in(client, alice)
    form = client.get(reverse("profile")).context["settings_form"]
    assert form.initial["auto_follow"] == "on"  # default on
    services.post_comment(author=alice, consultation=consultation, body="Follows by default")
    assert Follow.objects.filter(user=alice, page_id=consultation.pk).exists()
    Follow.objects.all().delete()
    data = {f"notify-{kind}": notifications.DEFAULTS[kind] for kind in NotificationKind.values}
    data.update({"form": "notification-settings", "notify-auto_follow": "off"})
    assert client.post(reverse("profile"), data).status_code == 302
    alice.refresh_from_db()
    assert alice.auto_follow is False
    assert client.get(reverse("profile")).context["settings_form"].initial["auto_follow"] == "off"
    services.post_comment(author=alice, consultation=consultation, body="No longer follows")
    assert not Follow.objects.filter(user=alice).exists()
    bob = UserFactory()  # someone else's choice is theirs alone
    services.post_comment(author=bob, consultation=consultation, body="Bob follows")
    assert Follow.objects.filter(user=bob).exists()


def test_the_follow_choice_is_required_and_refused_when_invalid(client):
    alice = UserFactory()
    sign_in(client, alice)
    data = {f"notify-{kind}": Frequency.DAILY for kind in NotificationKind.values}
    data.update({"form": "notification-settings", "notify-auto_follow": "maybe"})
    response = client.post(reverse("profile"), data)
    assert response.status_code == 400 and b"There is a problem" in response.content
    alice.refresh_from_db()
    assert alice.auto_follow is True and not NotificationPreference.objects.exists()


def test_preferences_form_with_a_bad_choice_shows_an_error_summary(client):
    alice = UserFactory()
    sign_in(client, alice)
    response = client.post(reverse("profile"), {"form": "notification-settings", f"notify-{REPLY}": "hourly"})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert not NotificationPreference.objects.exists()


# Personal data -----------------------------------------------------------------------------------


def test_download_my_data_has_notifications_and_email_choices():
    from civic import personal_data

    alice, bob = UserFactory(), UserFactory()
    _notify([alice, bob], title="New reply to your comment on Libraries")
    notifications.set_preference(alice, REPLY, Frequency.WEEKLY)
    export = personal_data.collect(alice)["notifications"]
    assert [n["title"] for n in export["notifications"]] == ["New reply to your comment on Libraries"]
    assert export["email_choices"][NotificationKind(REPLY).label] == Frequency.WEEKLY
    assert export["email_choices"][NotificationKind(NotificationKind.RESULTS).label] == Frequency.IMMEDIATELY


def test_erasing_an_account_deletes_its_notifications_and_choices():
    from civic import services

    alice, bob = UserFactory(roles=["Residents"]), UserFactory()
    _notify([alice, bob])
    notifications.set_preference(alice, REPLY, Frequency.NEVER)
    services.erase_account(actor=alice, user=alice, password="correct horse battery staple")
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [bob.pk]
    assert not NotificationPreference.objects.exists()


# The header's unread count -------------------------------------------------------------------------


def test_header_shows_the_unread_count_to_the_signed_in_resident(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alice, bob = UserFactory(), UserFactory()
    _notify([alice, bob], key="a")
    _notify([alice], key="b")
    sign_in(client, alice)
    html = client.get("/search/").content.decode()
    assert 'Notifications<span class="visually-hidden">, 2 unread</span>' in html
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/")
    assert sum('"civic_notification"' in q["sql"] for q in queries.captured_queries) == 1
    notifications.mark_all_read(alice)
    html = client.get("/search/").content.decode()
    assert "unread" not in html and ">Notifications</a>" in html


def test_anonymous_visitors_have_no_count_and_no_query(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _notify([UserFactory()], key="a")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/").content.decode()
    assert not any('"civic_notification"' in q["sql"] for q in queries.captured_queries)
    assert "Notifications" not in html


def test_account_page_counts_unread_once_for_the_page_and_the_header(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alice = UserFactory()
    _notify([alice], key="a")
    sign_in(client, alice)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("profile")).content.decode()
    counts = [
        q for q in queries.captured_queries if "COUNT(" in q["sql"] and '"civic_notification"' in q["sql"]
    ]
    assert len(counts) == 1 and ", 1 unread" in html


def test_words_given_as_functions_are_written_once_per_recipients_language(
    django_capture_on_commit_callbacks,
):
    from django.utils import translation

    gwen, alice, bob = UserFactory(language="cy"), UserFactory(language="en-gb"), UserFactory(language="")
    calls = []

    def title():
        calls.append(translation.get_language())
        return f"Title in {translation.get_language()}"

    with translation.override("cy"), django_capture_on_commit_callbacks(execute=True):  # the actor's language
        assert _notify([gwen, alice, bob], title=title, body=lambda: translation.get_language()) == 3
    assert sorted(calls) == ["cy", "en-gb"]  # bob has no choice: the site's language, with alice
    titles = dict(Notification.objects.values_list("recipient_id", "title"))
    assert titles == {gwen.pk: "Title in cy", alice.pk: "Title in en-gb", bob.pk: "Title in en-gb"}
    assert Notification.objects.get(recipient=gwen).body == "cy"
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[gwen.email].endswith("Title in cy") and subjects[alice.email].endswith("Title in en-gb")
    # The same event again, in any language, adds nothing.
    assert _notify([gwen, alice, bob], title=title) == 0
    assert Notification.objects.count() == 3
