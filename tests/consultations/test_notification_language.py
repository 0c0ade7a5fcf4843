"""Notifications are written in each recipient's language, with the page's title in that language,
whoever caused them and whatever language they were browsing in."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from civic import notifications as civic_notifications
from civic.models import Frequency, Notification, NotificationKind, NotificationPreference
from consultations import moderation, notifications, services
from consultations.models import Follow
from tests.civic.factories import UserFactory
from tests.consultations.bilingual import translate

WELSH_TITLE = "Ymgynghoriad y llyfrgell"
RESULTS = "Results published: %(title)s"  # the message consultations/notifications.py marks


@pytest.fixture
def staff_officer(officer):
    officer._civic_second_factor = True
    return officer


@pytest.fixture
def welsh_page(consultation):
    return translate(consultation, title=WELSH_TITLE, summary="Oriau newydd i'r llyfrgell.")


def post(author, consultation, body="A comment about the plan.", parent=None):
    return services.post_comment(author=author, consultation=consultation, body=body, parent=parent)


def title_for(user, kind) -> str:
    return Notification.objects.get(recipient=user, kind=kind).title


def test_a_welsh_reader_is_told_of_a_reply_in_welsh_whoever_replied(consultation, welsh_page):
    gwen, replier = UserFactory(language="cy"), UserFactory(language="en-gb")
    top = post(gwen, consultation)
    post(replier, consultation, body="I agree.", parent=top)  # the replier browses in English
    assert title_for(gwen, NotificationKind.REPLY) == f"Ateb newydd i'ch sylw ar {WELSH_TITLE}"
    assert Notification.objects.get(recipient=gwen).url.startswith("/cy/")


def test_an_english_reader_is_told_in_english_when_a_welsh_reader_replies(consultation, welsh_page):
    alice, gwen = UserFactory(language="en-gb"), UserFactory(language="cy")
    top = post(alice, consultation)
    with translation.override("cy"):
        post(gwen, consultation, body="Rwy'n cytuno.", parent=top)
    assert title_for(alice, NotificationKind.REPLY) == f"New reply to your comment on {consultation.title}"
    assert not Notification.objects.get(recipient=alice).url.startswith("/cy/")


def test_a_page_without_a_welsh_translation_keeps_its_own_title_in_welsh_words(consultation):
    gwen, replier = UserFactory(language="cy"), UserFactory()
    top = post(gwen, consultation)
    post(replier, consultation, parent=top)
    assert title_for(gwen, NotificationKind.REPLY) == f"Ateb newydd i'ch sylw ar {consultation.title}"


def test_an_official_response_tells_each_person_in_their_language(
    consultation, welsh_page, staff_officer, django_capture_on_commit_callbacks
):
    alice, gwen, nobody_chose = UserFactory(language="en-gb"), UserFactory(language="cy"), UserFactory()
    top = post(alice, consultation)
    post(gwen, consultation, parent=top)
    post(nobody_chose, consultation, parent=top)
    Notification.objects.all().delete()
    mail.outbox.clear()
    with translation.override("cy"), django_capture_on_commit_callbacks(execute=True):  # a Welsh officer
        moderation.post_official_response(
            officer=staff_officer, consultation=consultation, body="Diolch.", parent=top
        )
    kind = NotificationKind.OFFICIAL_RESPONSE
    organisation = staff_officer.organisation.name
    assert title_for(alice, kind) == f"{organisation} responded in a conversation on {consultation.title}"
    assert title_for(nobody_chose, kind) == title_for(alice, kind)  # no choice: the site's language
    assert title_for(gwen, kind) == f"Ymatebodd {organisation} mewn trafodaeth ar {WELSH_TITLE}"
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[gwen.email].endswith(title_for(gwen, kind))
    assert subjects[alice.email].endswith(title_for(alice, kind))
    # The event is still one event: repeating it adds nothing, in any language.
    response = Notification.objects.filter(kind=kind).first()
    assert Notification.objects.filter(dedupe_key=response.dedupe_key).count() == 3


def test_date_notifications_and_digests_follow_each_followers_language(consultation, welsh_page):
    consultation.opens_at = timezone.now() - timedelta(hours=2)
    consultation.save()
    alice, gwen = UserFactory(language="en-gb"), UserFactory(language="cy")
    for person in (alice, gwen):
        Follow.objects.create(user=person, page=consultation)
        NotificationPreference.objects.create(
            user=person, kind=NotificationKind.CONSULTATION_DATES, frequency=Frequency.DAILY
        )
    with translation.override("cy"):  # whatever language cron runs in
        counts = notifications.consultation_dates(closing_soon_days=1, within=timedelta(days=1))
    assert counts["opened"] == 2
    assert title_for(alice, NotificationKind.CONSULTATION_DATES) == f"Now open: {consultation.title}"
    welsh = Notification.objects.get(recipient=gwen)
    assert welsh.title == f"Ar agor nawr: {WELSH_TITLE}"
    assert welsh.body.startswith("Dywedwch eich dweud tan ")
    assert civic_notifications.send_digest.call(Frequency.DAILY) == 2
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert f"Ar agor nawr: {WELSH_TITLE}" in by_address[gwen.email]
    assert f"Now open: {consultation.title}" in by_address[alice.email]
    assert WELSH_TITLE not in by_address[alice.email]


def test_the_notifications_page_shows_the_welsh_title(client, consultation, welsh_page):
    from tests.support.auth import sign_in

    gwen = UserFactory(language="cy")
    top = post(gwen, consultation)
    post(UserFactory(), consultation, parent=top)
    sign_in(client, gwen)
    with translation.override("cy"):
        html = client.get(reverse("profile")).content.decode()
    assert escape(f"Ateb newydd i'ch sylw ar {WELSH_TITLE}") in html


@pytest.mark.parametrize("size", [2, 12])
def test_notifying_many_people_in_two_languages_takes_a_bounded_number_of_queries(
    consultation, welsh_page, django_assert_max_num_queries, size
):
    people = [UserFactory(language="cy" if n % 2 else "en-gb") for n in range(size)]
    page = notifications.InReaderLanguage(consultation)
    with django_assert_max_num_queries(12):
        created = civic_notifications.notify(
            people,
            NotificationKind.RESULTS,
            title=lambda: translation.gettext(RESULTS) % {"title": page.title},
            url=lambda: page.url,
            dedupe_key="results:bounded",
        )
    assert created == size
    titles = set(Notification.objects.values_list("title", flat=True))
    assert titles == {
        f"Results published: {consultation.title}",
        f"Canlyniadau wedi'u cyhoeddi: {WELSH_TITLE}",
    }
