"""Followers hear of openings, closing soon and closings (cron, once); opted-in residents hear of
new consultations in their ward or on their topics (nobody else)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from civic.models import (
    Area,
    Frequency,
    Notification,
    NotificationKind,
    NotificationPreference,
    ParticipantProfile,
)
from consultations import services
from consultations.models import AlertTopic, Follow, Topic
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_consultation, make_proposal
from tests.support.auth import sign_in

DATES = NotificationKind.CONSULTATION_DATES
NEW = NotificationKind.NEW_CONSULTATION


def told(kind, key_prefix=""):
    rows = Notification.objects.filter(kind=kind, dedupe_key__startswith=key_prefix)
    return sorted(rows.values_list("recipient_id", flat=True))


def dated(index, organisation, opens, closes, **fields):
    now = timezone.now()
    page = make_consultation(index, "open", lead_organisation=organisation, **fields)
    page.opens_at, page.closes_at = now + opens, now + closes
    page.save()
    return page


def run():
    call_command("consultation_notifications", stdout=open("/dev/null", "w"))


# Dates of followed consultations -------------------------------------------------------------------


def test_followers_hear_a_consultation_opened_once(index, organisation, django_capture_on_commit_callbacks):
    page = dated(index, organisation, timedelta(hours=-2), timedelta(days=20))
    fan, of_proposal, bystander = UserFactory(), UserFactory(), UserFactory()
    Follow.objects.create(user=fan, page=page)
    Follow.objects.create(user=of_proposal, page=make_proposal(page))
    with django_capture_on_commit_callbacks(execute=True):
        run()
        run()  # cron again: the dedupe key makes it a no-op
    assert told(DATES, "opened:") == sorted([fan.pk, of_proposal.pk])
    assert bystander.pk not in told(DATES)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([fan.email, of_proposal.email])
    assert Notification.objects.first().title == f"Now open: {page.title}"


def test_followers_hear_closing_soon_days_before_per_setting(index, organisation, settings):
    page = dated(index, organisation, timedelta(days=-20), timedelta(days=2))
    fan = UserFactory()
    Follow.objects.create(user=fan, page=page)
    settings.CONSULTATION_CLOSING_SOON_DAYS = 1
    run()
    assert told(DATES) == []  # two days away: not yet
    settings.CONSULTATION_CLOSING_SOON_DAYS = 3
    run()
    run()
    assert told(DATES, "closing_soon:") == [fan.pk]
    assert Notification.objects.get().title == f"Closing soon: {page.title}"


def test_followers_hear_a_consultation_closed_once(index, organisation):
    page = dated(index, organisation, timedelta(days=-20), timedelta(hours=-1))
    old = dated(index, organisation, timedelta(days=-40), timedelta(days=-10))  # long closed: not news
    fan = UserFactory()
    Follow.objects.create(user=fan, page=page)
    Follow.objects.create(user=fan, page=old)
    run()
    run()
    assert told(DATES, "closed:") == [fan.pk]
    assert Notification.objects.get().url == page.url


def test_dates_skip_opted_out_suspended_and_private_or_draft_consultations(index, organisation):
    public = dated(index, organisation, timedelta(hours=-1), timedelta(days=20))
    private = dated(index, organisation, timedelta(hours=-1), timedelta(days=20))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = dated(index, organisation, timedelta(hours=-1), timedelta(days=20), live=False)
    fan, opted_out, suspended = UserFactory(), UserFactory(), UserFactory()
    for user in (fan, opted_out, suspended):
        for page in (public, private, draft):
            Follow.objects.create(user=user, page=page)
    NotificationPreference.objects.create(user=opted_out, kind=DATES, frequency=Frequency.NEVER)
    suspended.suspended_until = timezone.now() + timedelta(days=1)
    suspended.save()
    run()
    assert list(Notification.objects.values_list("recipient_id", "dedupe_key")) == [
        (fan.pk, f"opened:{public.pk}:{public.opens_at.strftime('%Y%m%d%H%M')}")
    ]


# New consultations in my ward or on my topics (opt-in) ---------------------------------------------


@pytest.fixture
def abbey(db):
    return Area.objects.create(name="Abbey", slug="abbey", kind="ward")


@pytest.fixture
def transport(db):
    return Topic.objects.create(name="Transport", slug="transport")


def opt_in(user, frequency=Frequency.IMMEDIATELY):
    NotificationPreference.objects.create(user=user, kind=NEW, frequency=frequency)


def publish(page, capture):
    with capture(execute=True):  # the announcement is a task queued after commit
        page.save_revision().publish()


def test_new_consultation_reaches_opted_in_residents_of_its_ward_or_topics_only(
    index, organisation, abbey, transport, django_capture_on_commit_callbacks
):
    in_ward, on_topic, not_opted_in, other_topic = (UserFactory() for _ in range(4))
    for user in (in_ward, not_opted_in):
        ParticipantProfile.objects.create(user=user, consented_at=timezone.now(), ward=abbey)
    opt_in(in_ward)
    opt_in(on_topic)
    opt_in(other_topic)
    AlertTopic.objects.create(user=on_topic, topic=transport)
    AlertTopic.objects.create(user=not_opted_in, topic=transport)
    AlertTopic.objects.create(user=other_topic, topic=Topic.objects.create(name="Health", slug="health"))
    page = make_consultation(index, "upcoming", lead_organisation=organisation, live=False)
    page.wards.add(abbey)
    page.topics.add(transport)
    publish(page, django_capture_on_commit_callbacks)
    publish(page, django_capture_on_commit_callbacks)  # published again: not news again
    assert told(NEW) == sorted([in_ward.pk, on_topic.pk])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([in_ward.email, on_topic.email])
    assert Notification.objects.first().title == f"New consultation: {page.title}"


def test_nobody_hears_of_new_consultations_by_default(
    index, organisation, abbey, transport, django_capture_on_commit_callbacks
):
    resident = UserFactory()
    ParticipantProfile.objects.create(user=resident, consented_at=timezone.now(), ward=abbey)
    AlertTopic.objects.create(user=resident, topic=transport)
    page = make_consultation(index, "open", lead_organisation=organisation, live=False)
    page.wards.add(abbey)
    page.topics.add(transport)
    publish(page, django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()


def test_a_located_proposal_puts_the_consultation_in_its_ward(
    index, organisation, django_capture_on_commit_callbacks
):
    square = {"type": "Polygon", "coordinates": [[[-1, 52], [-1, 53], [0, 53], [0, 52], [-1, 52]]]}
    ward = Area.objects.create(
        name="Square",
        slug="square",
        kind="ward",
        geometry=square,
        min_lat=52,
        max_lat=53,
        min_lon=-1,
        max_lon=0,
    )
    resident = UserFactory()
    ParticipantProfile.objects.create(user=resident, consented_at=timezone.now(), ward=ward)
    opt_in(resident, Frequency.WEEKLY)
    page = make_consultation(index, "open", lead_organisation=organisation, live=False)
    make_proposal(page, latitude="52.5", longitude="-0.5")
    publish(page, django_capture_on_commit_callbacks)
    notification = Notification.objects.get()
    assert notification.recipient == resident and notification.email == Notification.Email.WEEKLY


def test_private_or_closed_consultations_alert_nobody(
    index, organisation, transport, django_capture_on_commit_callbacks
):
    resident = UserFactory()
    opt_in(resident)
    AlertTopic.objects.create(user=resident, topic=transport)
    private = make_consultation(index, "open", lead_organisation=organisation)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    closed = make_consultation(index, "closed", lead_organisation=organisation)
    for page in (private, closed):
        page.topics.add(transport)
        publish(page, django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()


def test_resident_chooses_topics_on_the_account_page(client, resident, transport):
    health = Topic.objects.create(name="Health", slug="health")
    sign_in(client, resident)
    html = client.get("/accounts/profile/").content.decode()
    assert 'name="topics"' in html and "Transport" in html
    response = client.post("/consultations/alerts/topics/", {"topics": [transport.pk, "x", 999999]})
    assert response.status_code == 302 and response["Location"].endswith("#alert-topics-heading")
    assert list(AlertTopic.objects.values_list("user_id", "topic_id")) == [(resident.pk, transport.pk)]
    client.post("/consultations/alerts/topics/", {"topics": [health.pk]})
    assert list(AlertTopic.objects.values_list("topic_id", flat=True)) == [health.pk]
    # opting in is the frequency choice in the same section, off until chosen
    form = client.get("/accounts/profile/").context["settings_form"]
    assert form.initial[NEW] == Frequency.NEVER


def test_choosing_topics_past_the_write_limit_is_refused_and_saves_nothing(
    client, resident, transport, settings, pinned_clock
):
    health = Topic.objects.create(name="Health", slug="health")
    settings.WRITE_RATE_LIMIT = "1/d"
    sign_in(client, resident)
    assert client.post("/consultations/alerts/topics/", {"topics": [transport.pk]}).status_code == 302
    refused = client.post("/consultations/alerts/topics/", {"topics": [health.pk]})
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert list(AlertTopic.objects.values_list("topic_id", flat=True)) == [transport.pk]


def test_anonymous_visitors_cannot_choose_topics(client, transport):
    response = client.post("/consultations/alerts/topics/", {"topics": [transport.pk]})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not AlertTopic.objects.exists()


def test_choosing_topics_is_a_service_that_refuses_anonymous_people(transport):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.ParticipationError):
        services.set_alert_topics(user=AnonymousUser(), topic_ids=[transport.pk])


def test_download_my_data_lists_alert_topics_and_erasing_deletes_them(resident, transport):
    from civic import personal_data
    from civic import services as civic_services

    AlertTopic.objects.create(user=resident, topic=transport)
    AlertTopic.objects.create(user=UserFactory(), topic=transport)
    export = personal_data.collect(resident)
    assert export["alert_topics"] == [{"topic": "Transport"}]
    assert export["account"]["commenting_follows_the_page"] is True
    civic_services.erase_account(actor=resident, user=resident, password="correct horse battery staple")
    assert AlertTopic.objects.count() == 1
