"""Who is told about replies and official responses: exactly the right people, once."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from civic.models import Frequency, Notification, NotificationKind, NotificationPreference
from consultations import moderation, services
from consultations.models import Comment
from tests.civic.factories import UserFactory


def recipients(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def post(author, consultation, body="A comment about the plan.", parent=None):
    return services.post_comment(author=author, consultation=consultation, body=body, parent=parent)


@pytest.fixture
def staff_officer(officer):
    officer._civic_second_factor = True
    return officer


def test_a_reply_tells_the_parent_author_only(consultation, django_capture_on_commit_callbacks):
    author, replier, bystander = UserFactory(), UserFactory(), UserFactory()
    top = post(author, consultation)
    post(bystander, consultation, body="Another thread")
    with django_capture_on_commit_callbacks(execute=True):
        reply = post(replier, consultation, body="I agree with you.", parent=top)
    assert recipients(NotificationKind.REPLY) == [author.pk]
    notification = Notification.objects.get()
    assert notification.url == reverse("consultations:summaries:comment_link", args=[reply.pk])
    assert notification.title == f"New reply to your comment on {consultation.title}"
    # Neither the words nor the name are copied: hiding, removing or erasing the reply leaves nothing.
    assert "I agree with you." not in notification.body + mail.outbox[0].body
    assert replier.public_name not in notification.title + mail.outbox[0].body
    assert [m.to for m in mail.outbox] == [[author.email]]


def test_a_reply_to_a_reply_tells_the_thread_starter(consultation):
    author, first, second = UserFactory(), UserFactory(), UserFactory()
    top = post(author, consultation)
    reply = post(first, consultation, parent=top)
    post(second, consultation, parent=reply)  # one level of replies: it joins the thread
    assert recipients(NotificationKind.REPLY) == [author.pk, author.pk]


def test_replying_to_yourself_tells_nobody(consultation):
    author = UserFactory()
    top = post(author, consultation)
    post(author, consultation, body="And one more thing.", parent=top)
    assert not Notification.objects.exists()


def test_a_top_level_comment_tells_nobody(consultation):
    post(UserFactory(), consultation)
    assert not Notification.objects.exists()


def test_a_reply_to_an_opted_out_or_suspended_author_tells_nobody(consultation):
    opted_out, suspended = UserFactory(), UserFactory()
    NotificationPreference.objects.create(
        user=opted_out, kind=NotificationKind.REPLY, frequency=Frequency.NEVER
    )
    first, second = post(opted_out, consultation), post(suspended, consultation)
    suspended.suspended_until = timezone.now() + timedelta(days=2)
    suspended.save()
    replier = UserFactory()
    post(replier, consultation, parent=first)
    post(replier, consultation, body="Second reply", parent=second)
    assert not Notification.objects.exists()


def test_a_held_reply_tells_the_author_once_a_moderator_approves_it(consultation, organisation):
    author, replier = UserFactory(), UserFactory()
    top = post(author, consultation)
    consultation.moderation_policy = "pre"
    consultation.save()
    reply = post(replier, consultation, parent=top)
    assert reply.status == Comment.Status.PENDING
    assert not Notification.objects.exists()  # nobody hears of what they cannot see yet
    moderator = UserFactory(roles=["Moderators"], organisation=organisation)
    Authenticator.objects.create(
        user=moderator, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
    )
    moderator._civic_second_factor = True
    moderation.decide(moderator=moderator, comment_ids=[reply.pk], decision="approve")
    assert recipients(NotificationKind.REPLY) == [author.pk]
    moderation.decide(moderator=moderator, comment_ids=[reply.pk], decision="approve", expected_queue=False)
    assert Notification.objects.count() == 1  # approving again is not news


def test_an_official_response_tells_everyone_in_the_thread(
    consultation, staff_officer, django_capture_on_commit_callbacks
):
    author, replier, removed_author, elsewhere = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    inactive = UserFactory()
    top = post(author, consultation)
    post(replier, consultation, parent=top)
    post(inactive, consultation, parent=top)
    inactive.is_active = False
    inactive.save()
    gone = post(removed_author, consultation, parent=top)
    Comment.objects.filter(pk=gone.pk).update(status=Comment.Status.REMOVED)
    post(elsewhere, consultation)
    Notification.objects.all().delete()  # the replies' own notifications
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = moderation.post_official_response(
            officer=staff_officer, consultation=consultation, body="We will fix it in May.", parent=top
        )
    assert recipients(NotificationKind.OFFICIAL_RESPONSE) == sorted([author.pk, replier.pk])
    assert staff_officer.organisation.name in Notification.objects.first().title
    assert sorted(m.to[0] for m in mail.outbox) == sorted([author.email, replier.email])
    assert Notification.objects.filter(dedupe_key=f"official_response:{response.pk}").count() == 2


def test_the_responding_officer_is_not_told_of_their_own_response(consultation, staff_officer):
    top = post(UserFactory(), consultation)
    post(staff_officer, consultation, body="Officer asking as a resident", parent=top)
    Notification.objects.all().delete()
    moderation.post_official_response(
        officer=staff_officer, consultation=consultation, body="Answer", parent=top
    )
    assert staff_officer.pk not in recipients(NotificationKind.OFFICIAL_RESPONSE)
    assert len(recipients(NotificationKind.OFFICIAL_RESPONSE)) == 1


def test_a_top_level_official_response_tells_nobody(consultation, staff_officer):
    post(UserFactory(), consultation)
    moderation.post_official_response(officer=staff_officer, consultation=consultation, body="An update")
    assert not Notification.objects.exists()


def test_moderation_decision_emails_still_reach_authors(
    consultation, organisation, django_capture_on_commit_callbacks
):
    author = UserFactory()
    comment = post(author, consultation)
    moderator = UserFactory(roles=["Moderators"], organisation=organisation)
    Authenticator.objects.create(
        user=moderator, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
    )
    moderator._civic_second_factor = True
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(
            moderator=moderator,
            comment_ids=[comment.pk],
            decision="hide",
            reason="spam",
            expected_queue=False,
        )
    assert [m.to for m in mail.outbox] == [[author.email]]
    assert not Notification.objects.exists()
