"""Following consultations and proposals: plain forms, page rules both ways, results reach followers."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from civic.models import Frequency, Notification, NotificationKind, NotificationPreference
from consultations import services
from consultations.models import Follow
from consultations.summaries.models import FeedbackResponse
from consultations.summaries.services import publish_response
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_proposal
from tests.support.auth import sign_in


def follow_url(page):
    return f"/consultations/{page.pk}/follow/"


def follows(user):
    return set(Follow.objects.filter(user=user).values_list("page_id", flat=True))


@pytest.mark.parametrize("target", ["consultation", "proposal"])
def test_resident_follows_and_unfollows_with_plain_forms(resident, consultation, proposal, target):
    page = consultation if target == "consultation" else proposal
    client = Client(enforce_csrf_checks=True)
    sign_in(client, resident)
    shown = client.get(page.url)
    assert b'name="action" value="follow"' in shown.content
    token = (
        shown.cookies["csrftoken"].value
        if "csrftoken" in shown.cookies
        else client.cookies["csrftoken"].value
    )
    response = client.post(follow_url(page), {"action": "follow", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == f"{page.url}#follow"
    assert follows(resident) == {page.pk}
    assert b'name="action" value="unfollow"' in client.get(page.url).content
    client.post(follow_url(page), {"action": "follow", "csrfmiddlewaretoken": token})  # twice: still one
    assert Follow.objects.count() == 1
    client.post(follow_url(page), {"action": "unfollow", "csrfmiddlewaretoken": token})
    assert follows(resident) == set()


def test_following_needs_a_csrf_token(resident, consultation):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, resident)
    assert client.post(follow_url(consultation), {"action": "follow"}).status_code == 403
    assert not Follow.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in(client, consultation):
    response = client.post(follow_url(consultation), {"action": "follow"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()
    assert b"You will be asked to sign in" in client.get(consultation.url).content


def test_following_is_post_only(client, resident, consultation):
    sign_in(client, resident)
    assert client.get(follow_url(consultation)).status_code == 405


def test_resident_cannot_follow_a_draft_proposal(client, resident, consultation):
    draft = make_proposal(consultation, live=False)
    sign_in(client, resident)
    assert client.post(follow_url(draft), {"action": "follow"}).status_code == 404
    assert not Follow.objects.exists()


def test_staff_previewing_a_draft_do_not_follow_it(client, officer, consultation):
    draft = make_proposal(consultation, live=False)
    sign_in(client, officer)
    assert client.post(follow_url(draft), {"action": "follow"}).status_code == 404
    assert not Follow.objects.exists()


def test_private_consultation_only_its_group_may_follow(client, resident, consultation):
    restriction = PageViewRestriction.objects.create(page=consultation, restriction_type="groups")
    board = Group.objects.create(name="Board members")
    restriction.groups.add(board)
    sign_in(client, resident)
    assert client.post(follow_url(consultation), {"action": "follow"}).status_code == 404
    assert not Follow.objects.exists()
    resident.groups.add(board)
    assert client.post(follow_url(consultation), {"action": "follow"}).status_code == 302
    assert follows(resident) == {consultation.pk}


@pytest.mark.parametrize("target", ["consultation", "proposal"])
def test_following_within_the_write_limit_works_and_past_it_is_refused_with_a_429_page(
    client, resident, consultation, proposal, target, settings, pinned_clock
):
    page = consultation if target == "consultation" else proposal
    settings.WRITE_RATE_LIMIT = "2/d"
    sign_in(client, resident)
    assert client.post(follow_url(page), {"action": "follow"}).status_code == 302
    assert client.post(follow_url(page), {"action": "unfollow"}).status_code == 302
    assert follows(resident) == set()
    refused = client.post(follow_url(page), {"action": "follow"})
    assert refused.status_code == 429 and "too often" in refused.content.decode()
    assert f'href="{page.url}#follow"' in refused.content.decode()  # a plain link back, no script
    assert follows(resident) == set()


def test_unfollowing_past_the_write_limit_is_refused_and_keeps_the_follow(
    client, resident, consultation, settings, pinned_clock
):
    settings.WRITE_RATE_LIMIT = "1/d"
    sign_in(client, resident)
    assert client.post(follow_url(consultation), {"action": "follow"}).status_code == 302
    refused = client.post(follow_url(consultation), {"action": "unfollow", "next": "profile"})
    assert (
        refused.status_code == 429
        and 'href="/accounts/profile/#following-heading"' in refused.content.decode()
    )
    assert follows(resident) == {consultation.pk}


def test_the_follow_limit_is_per_person(client, resident, consultation, settings, pinned_clock):
    settings.WRITE_RATE_LIMIT = "1/d"
    services.follow_page(user=resident, page=consultation)
    other = UserFactory(roles=["Residents"])
    assert services.follow_page(user=other, page=consultation) is True
    with pytest.raises(services.ParticipationError) as refused:
        services.unfollow_page(user=resident, page=consultation)
    assert refused.value.code == "rate_limited" and follows(resident) == {consultation.pk}


def test_commenting_follows_the_page(resident, consultation, proposal):
    services.post_comment(author=resident, consultation=consultation, body="On the whole plan")
    services.post_comment(author=resident, consultation=consultation, proposal=proposal, body="On this one")
    services.post_comment(author=resident, consultation=consultation, proposal=proposal, body="Once more")
    assert follows(resident) == {consultation.pk, proposal.pk}


def test_a_resident_who_unfollowed_stays_unfollowed_until_they_comment_again(resident, consultation):
    services.post_comment(author=resident, consultation=consultation, body="First thoughts")
    services.unfollow_page(user=resident, page=consultation)
    assert follows(resident) == set()


def test_page_with_follow_button_keeps_a_bounded_query_count(
    client, resident, consultation, proposal, django_assert_max_num_queries
):
    sign_in(client, resident)
    client.get(consultation.url)
    with django_assert_max_num_queries(40):
        assert client.get(consultation.url).status_code == 200


# Results reach followers ------------------------------------------------------------------------


def _results(consultation, officer, proposal=None):
    return publish_response(
        consultation=consultation, officer=officer, you_said="Buses are late", we_did="New timetable",
        proposal=proposal,
    )  # fmt: skip


def test_followers_are_told_by_a_task_after_commit_not_in_the_officers_request(
    consultation, officer, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=UserFactory(), page=consultation)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        _results(consultation, officer)
    assert not Notification.objects.exists()  # nothing written for followers in the request
    for callback in queued:
        callback()
    assert Notification.objects.count() == 1
    from consultations.summaries.tasks import notify_followers_task

    notify_followers_task.call(FeedbackResponse.objects.get().pk)  # a retried task adds nobody twice
    assert Notification.objects.count() == 1


def test_you_said_we_did_tells_followers_not_the_officer_opted_out_or_suspended(
    consultation, proposal, officer, django_capture_on_commit_callbacks
):
    of_consultation, of_proposal, opted_out, suspended = (UserFactory() for _ in range(4))
    for user, page in [
        (of_consultation, consultation),
        (of_proposal, proposal),
        (opted_out, consultation),
        (suspended, consultation),
        (officer, consultation),
    ]:
        Follow.objects.create(user=user, page=page)
    NotificationPreference.objects.create(
        user=opted_out, kind=NotificationKind.RESULTS, frequency=Frequency.NEVER
    )
    suspended.suspended_until = timezone.now() + timedelta(days=1)
    suspended.save()
    with django_capture_on_commit_callbacks(execute=True):
        _results(consultation, officer)
    told = set(
        Notification.objects.filter(kind=NotificationKind.RESULTS).values_list("recipient_id", flat=True)
    )
    assert told == {of_consultation.pk, of_proposal.pk}
    assert {m.to[0] for m in mail.outbox} == {of_consultation.email, of_proposal.email}
    assert "New timetable" in mail.outbox[0].body
    assert Notification.objects.first().url == f"{consultation.url}#responses"


def test_a_proposal_response_skips_followers_of_other_proposals(
    consultation, proposal, officer, django_capture_on_commit_callbacks
):
    other = make_proposal(consultation)
    fan, elsewhere = UserFactory(), UserFactory()
    Follow.objects.create(user=fan, page=proposal)
    Follow.objects.create(user=elsewhere, page=other)
    with django_capture_on_commit_callbacks(execute=True):
        _results(consultation, officer, proposal=proposal)
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [fan.pk]


def test_participants_get_one_email_and_a_notification(
    consultation, officer, django_capture_on_commit_callbacks
):
    participant = UserFactory()
    services.post_comment(author=participant, consultation=consultation, body="The buses are late")
    with django_capture_on_commit_callbacks(execute=True):
        _results(consultation, officer)
    assert [m.to for m in mail.outbox] == [[participant.email]]  # the response's own email only
    notification = Notification.objects.get(recipient=participant)
    assert notification.email == Notification.Email.NONE


def test_ticking_results_published_tells_followers_once(consultation, django_capture_on_commit_callbacks):
    fan = UserFactory()
    Follow.objects.create(user=fan, page=consultation)
    consultation.results_published = True
    with django_capture_on_commit_callbacks(execute=True):
        consultation.save_revision().publish()
        consultation.save_revision().publish()  # published again: not news again
    assert list(Notification.objects.values_list("recipient_id", "kind")) == [
        (fan.pk, NotificationKind.RESULTS)
    ]
    assert [m.to for m in mail.outbox] == [[fan.email]]


def test_publishing_without_results_tells_nobody(consultation):
    Follow.objects.create(user=UserFactory(), page=consultation)
    consultation.save_revision().publish()
    assert not Notification.objects.exists()


# The account page ---------------------------------------------------------------------------------


def test_account_page_lists_followed_pages_but_not_drafts(client, resident, consultation, proposal):
    draft = make_proposal(consultation, live=False, title="Secret draft plan")
    for page in (consultation, proposal, draft):
        Follow.objects.create(user=resident, page=page)
    sign_in(client, resident)
    body = client.get("/accounts/profile/").content.decode()
    assert consultation.title in body and proposal.title in body
    assert "Secret draft plan" not in body


def test_unfollowing_from_the_account_page_comes_back_to_it(client, resident, consultation):
    Follow.objects.create(user=resident, page=consultation)
    sign_in(client, resident)
    response = client.post(follow_url(consultation), {"action": "unfollow", "next": "profile"})
    assert response["Location"] == "/accounts/profile/#following-heading"
    assert not Follow.objects.exists()


def test_account_page_queries_do_not_grow_with_follows_or_notifications(
    client, resident, index, organisation, django_assert_max_num_queries
):
    from civic import notifications
    from tests.consultations.factories import make_consultation

    sign_in(client, resident)
    client.get("/accounts/profile/")  # warm per-session lookups

    def add(n):
        for _ in range(n):
            page = make_consultation(index, "open", lead_organisation=organisation)
            Follow.objects.create(user=resident, page=page)
            notifications.notify(
                [resident],
                NotificationKind.RESULTS,
                title=f"Results of {page.title}",
                dedupe_key=f"t:{page.pk}",
            )

    add(2)
    with django_assert_max_num_queries(30) as few:
        client.get("/accounts/profile/")
    add(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/accounts/profile/")
    assert len(response.context["followed_pages"]) == 17
    assert response.context["unread_count"] == 17


def test_download_my_data_lists_follows_and_erasing_deletes_them(resident, consultation, proposal):
    from civic import personal_data
    from civic import services as civic_services

    Follow.objects.create(user=resident, page=proposal)
    Follow.objects.create(user=UserFactory(), page=consultation)
    export = personal_data.collect(resident)["follows"]
    assert [row["page"] for row in export] == [proposal.title]
    civic_services.erase_account(actor=resident, user=resident, password="correct horse battery staple")
    assert Follow.objects.count() == 1
