"""Moderation and officer workflows: policies, flags, the queue, bulk decisions, organisation
scoping, audit trail, official responses, assisted digital entry, suspension and emails."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.conf import settings
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from consultations import live, moderation, services
from consultations.models import Comment, Flag, LiveEvent, ModerationDecision
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import make_consultation
from tests.support.auth import sign_in


@pytest.fixture
def moderator(organisation):
    user = UserFactory(roles=["Moderators"], organisation=organisation)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
    )
    return user


@pytest.fixture
def outsider(db):
    user = UserFactory(roles=["Moderators"], organisation=OrganisationFactory())
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
    )
    return user


@pytest.fixture
def pre_moderated(consultation):
    consultation.moderation_policy = "pre"
    consultation.save()
    return consultation


def post(author, consultation, body="A comment for the moderators."):
    return services.post_comment(author=author, consultation=consultation, body=body)


# Policies and flags --------------------------------------------------------------------------


def test_pre_moderation_queues_and_author_sees_awaiting(client, resident, pre_moderated):
    comment = post(resident, pre_moderated)
    assert comment.status == "pending" and comment.needs_review and comment.queued_at
    sign_in(client, resident)
    assert "Awaiting moderation" in client.get(pre_moderated.url).content.decode()


def test_post_moderation_publishes_at_once(resident, consultation):
    comment = post(resident, consultation)
    assert comment.status == "published" and not comment.needs_review


def test_flags_reach_threshold_and_hide_pending_review(resident, make_user, consultation):
    consultation.flag_threshold = 2
    consultation.save()
    comment = post(resident, consultation)
    moderation.flag_comment(user=make_user(), comment=comment, reason="abusive")
    comment.refresh_from_db()
    assert comment.status == "published" and comment.needs_review and comment.flag_count == 1
    moderation.flag_comment(user=make_user(), comment=comment, reason="spam", note="ads")
    comment.refresh_from_db()
    assert comment.status == "hidden" and comment.flag_count == 2
    assert LiveEvent.objects.filter(type=live.COMMENT_REMOVED, data__id=comment.pk).exists()
    assert ModelLogEntry.objects.filter(action="civic.flag_threshold", object_id=str(comment.pk)).exists()


def test_flagging_twice_or_own_comment_is_refused(resident, make_user, consultation):
    comment = post(resident, consultation)
    flagger = make_user()
    moderation.flag_comment(user=flagger, comment=comment, reason="abusive")
    with pytest.raises(services.ParticipationError, match="already reported"):
        moderation.flag_comment(user=flagger, comment=comment, reason="abusive")
    with pytest.raises(services.ParticipationError, match="your own"):
        moderation.flag_comment(user=resident, comment=comment, reason="abusive")
    with pytest.raises(services.ParticipationError):
        moderation.flag_comment(user=make_user(), comment=comment, reason="because")
    assert Flag.objects.count() == 1


def test_report_page_works_without_javascript(client, resident, make_user, consultation):
    comment = post(resident, consultation)
    url = f"/consultations/comments/{comment.pk}/report/"
    assert client.get(url).status_code == 302  # sign in first
    sign_in(client, make_user())
    assert "Report a comment" in client.get(url).content.decode()
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400 and "Choose a reason." in response.content.decode()
    assert client.post(url, {"reason": "personal_data"}).status_code == 302
    assert Flag.objects.get().reason == "personal_data"


# The queue and decisions ---------------------------------------------------------------------


def test_queue_shows_own_organisation_items_oldest_first_with_sla(
    client, moderator, outsider, resident, pre_moderated, settings
):
    settings.MODERATION_SLA_HOURS = 1
    old = post(resident, pre_moderated, "Old comment waiting")
    Comment.objects.filter(pk=old.pk).update(queued_at=timezone.now() - timedelta(hours=3))
    post(resident, pre_moderated, "New comment waiting")
    sign_in(client, moderator)
    html = client.get("/admin/moderation/").content.decode()
    assert html.index("Old comment waiting") < html.index("New comment waiting")
    assert "Overdue" in html and "2 waiting" in html
    sign_in(client, outsider)
    html = client.get("/admin/moderation/").content.decode()
    assert "Old comment waiting" not in html and "0 waiting" in html


def test_queue_filters(client, moderator, resident, make_user, pre_moderated, index, organisation):
    post(resident, pre_moderated, "Pending one")
    other = make_consultation(index, "open", lead_organisation=organisation)
    flagged = post(resident, other, "Flagged one")
    moderation.flag_comment(user=make_user(), comment=flagged, reason="spam")
    sign_in(client, moderator)
    html = client.get("/admin/moderation/", {"kind": "flagged"}).content.decode()
    assert "Flagged one" in html and "Pending one" not in html
    html = client.get("/admin/moderation/", {"consultation": pre_moderated.pk}).content.decode()
    assert "Pending one" in html and "Flagged one" not in html


def test_bulk_approve_publishes_notifies_and_audits(
    client, moderator, resident, pre_moderated, django_capture_on_commit_callbacks
):
    comments = [post(resident, pre_moderated, f"Waiting {n}") for n in range(3)]
    sign_in(client, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/moderation/",
            {"comments": [c.pk for c in comments], "decision": "approve", "reason": "", "note": ""},
        )
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {"published"}
    assert ModerationDecision.objects.filter(decision="approve").count() == 3
    assert ModelLogEntry.objects.filter(action="civic.moderate.approve").count() == 3
    assert LiveEvent.objects.filter(type=live.COMMENT_POSTED).count() == 3
    assert len(mail.outbox) == 3 and "It is published: everyone can read it" in mail.outbox[0].body


def test_hide_needs_a_reason_and_tells_the_author_why(
    moderator, resident, pre_moderated, django_capture_on_commit_callbacks
):
    comment = post(resident, pre_moderated)
    with pytest.raises(services.ParticipationError, match="reason"):
        moderation.decide(moderator=moderator, comment_ids=[comment.pk], decision="hide")
    assert Comment.objects.get(pk=comment.pk).status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(
            moderator=moderator,
            comment_ids=[comment.pk],
            decision="remove",
            reason="personal_data",
            note="Please leave out phone numbers.",
        )
    assert Comment.objects.get(pk=comment.pk).status == "removed"
    assert "Contains personal information" in mail.outbox[0].body
    assert "leave out phone numbers" in mail.outbox[0].body
    assert f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{pre_moderated.url}\n" in mail.outbox[0].body


def test_bulk_with_foreign_ids_changes_nothing(moderator, resident, pre_moderated, index):
    mine = post(resident, pre_moderated)
    foreign_consultation = make_consultation(
        index, "open", lead_organisation=OrganisationFactory(), moderation_policy="pre"
    )
    theirs = post(resident, foreign_consultation)
    with pytest.raises(services.ParticipationError) as excinfo:
        moderation.decide(moderator=moderator, comment_ids=[mine.pk, theirs.pk], decision="approve")
    assert excinfo.value.code == "forbidden"
    assert set(Comment.objects.values_list("status", flat=True)) == {"pending"}
    assert not ModerationDecision.objects.exists()


def test_stale_decision_is_refused_whole(moderator, resident, pre_moderated, organisation):
    first, second = post(resident, pre_moderated), post(resident, pre_moderated)
    colleague = UserFactory(roles=["Moderators"], organisation=organisation)
    moderation.decide(moderator=colleague, comment_ids=[first.pk], decision="approve")
    with pytest.raises(services.ParticipationError, match="someone else"):
        moderation.decide(
            moderator=moderator, comment_ids=[first.pk, second.pk], decision="remove", reason="spam"
        )
    assert Comment.objects.get(pk=second.pk).status == "pending"
    assert Comment.objects.get(pk=first.pk).status == "published"


def test_unknown_ids_and_empty_selection_are_refused(moderator, resident, pre_moderated):
    with pytest.raises(services.ParticipationError, match="no longer exist"):
        moderation.decide(moderator=moderator, comment_ids=[987654], decision="approve")
    with pytest.raises(services.ParticipationError, match="at least one"):
        moderation.decide(moderator=moderator, comment_ids=[], decision="approve")


def test_queue_page_is_refused_to_residents(client, resident):
    sign_in(client, resident)
    assert client.get("/admin/moderation/").status_code in (302, 403)


def test_queue_query_count_is_bounded(
    client, moderator, resident, pre_moderated, django_assert_max_num_queries
):
    Comment.objects.bulk_create(
        Comment(
            consultation=pre_moderated,
            author=resident,
            body=f"Queued {n}",
            status="pending",
            needs_review=True,
            queued_at=timezone.now(),
        )
        for n in range(120)
    )
    sign_in(client, moderator)
    client.get("/admin/moderation/")
    with django_assert_max_num_queries(40):
        response = client.get("/admin/moderation/")
    assert response.status_code == 200 and "120 waiting" in response.content.decode()


def test_admin_comment_list_is_scoped_to_organisation(client, moderator, outsider, resident, consultation):
    comment = post(resident, consultation, "Scoped comment")
    sign_in(client, outsider)
    assert "Scoped comment" not in client.get("/admin/comments/").content.decode()
    assert client.get(f"/admin/comments/edit/{comment.pk}/").status_code in (302, 403)
    sign_in(client, moderator)
    assert client.get(f"/admin/comments/edit/{comment.pk}/").status_code == 200


def test_admin_comment_edit_is_a_moderation_decision(
    client, moderator, outsider, resident, make_user, consultation, django_capture_on_commit_callbacks
):
    """The Comments screen's edit is the queue's decision: public log, audit, queue, notice, live."""
    comment = post(resident, consultation, "Reported comment")
    moderation.flag_comment(user=make_user(), comment=comment, reason="abusive")
    assert moderation.queue_for(moderator).filter(pk=comment.pk).exists()
    url = f"/admin/comments/edit/{comment.pk}/"

    sign_in(client, outsider)
    assert client.post(url, {"decision": "hide", "reason": "abusive"}).status_code in (302, 403)
    sign_in(client, moderator)
    response = client.post(url, {"decision": "hide", "reason": "", "note": ""})
    assert response.status_code == 200 and "Choose a reason" in response.content.decode()
    assert Comment.objects.get(pk=comment.pk).status == "published"
    assert not ModerationDecision.objects.exists() and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "hide", "reason": "abusive", "note": "Please be civil."})
    assert response.status_code == 302
    saved = Comment.objects.get(pk=comment.pk)
    assert saved.status == "hidden" and not saved.needs_review and saved.queued_at is None
    assert not moderation.queue_for(moderator).filter(pk=comment.pk).exists()
    decision = ModerationDecision.objects.get(comment=comment)
    assert (decision.decision, decision.reason, decision.moderator_id) == ("hide", "abusive", moderator.pk)
    assert decision.previous_status == "published" and decision.note == "Please be civil."
    assert dict(moderation.public_log(consultation)["decisions"])["Hide"] == 1
    entry = ModelLogEntry.objects.get(action="civic.moderate.hide", object_id=str(comment.pk))
    assert entry.user_id == moderator.pk and entry.data["reason"] == "abusive"
    assert [m.to for m in mail.outbox] == [[resident.email]]
    assert "Please be civil." in mail.outbox[0].body
    assert LiveEvent.objects.filter(type=live.COMMENT_REMOVED, data__id=comment.pk).exists()


def test_admin_cannot_add_comments_outside_the_services(client, consultation):
    """Comments come from residents and officers through the services: no admin add screen."""
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/comments/").status_code == 200
    assert client.get("/admin/comments/new/").status_code in (302, 403)
    client.post("/admin/comments/new/", {"decision": "approve"})
    assert not Comment.objects.exists()


# Public log ----------------------------------------------------------------------------------


def test_public_moderation_log_counts_without_personal_data(client, moderator, resident, pre_moderated):
    resident.display_name = "SecretiveSam"
    resident.save()
    comments = [post(resident, pre_moderated, f"Hidden text {n}") for n in range(3)]
    moderation.decide(moderator=moderator, comment_ids=[comments[0].pk], decision="approve")
    moderation.decide(
        moderator=moderator,
        comment_ids=[c.pk for c in comments[1:]],
        decision="remove",
        reason="abusive",
        note="private note",
    )
    html = client.get(f"/consultations/{pre_moderated.pk}/moderation-log/").content.decode()
    assert "Abusive, discriminatory or threatening" in html and ">2<" in html
    for secret in ("SecretiveSam", "Hidden text", "private note", moderator.email):
        assert secret not in html


# Official responses, threads, assisted digital, suspension -----------------------------------


def test_officer_responds_as_organisation_pinned(client, officer, resident, consultation):
    post(resident, consultation, "A resident asks")
    sign_in(client, officer)
    response = client.post(
        f"/consultations/{consultation.pk}/respond/", {"body": "We will publish the figures.", "pinned": "on"}
    )
    assert response.status_code == 302
    official = Comment.objects.get(is_official=True)
    assert official.organisation == officer.organisation and official.pinned
    html = client.get(consultation.url).content.decode()
    assert "Official response" in html
    assert html.index("We will publish the figures.") < html.index("A resident asks")
    assert LiveEvent.objects.filter(type=live.OFFICIAL_RESPONSE).exists()


def test_residents_and_other_organisations_cannot_respond_officially(client, resident, consultation):
    other_officer = UserFactory(roles=["Officers"], organisation=OrganisationFactory())
    for user in (resident, other_officer):
        sign_in(client, user)
        assert (
            client.post(f"/consultations/{consultation.pk}/respond/", {"body": "Pretending"}).status_code
            == 403
        )
    assert not Comment.objects.filter(is_official=True).exists()


def test_locked_thread_refuses_replies(client, officer, resident, consultation):
    top = post(resident, consultation, "Thread starter")
    sign_in(client, officer)
    assert client.post(f"/consultations/comments/{top.pk}/thread/", {"action": "lock"}).status_code == 302
    with pytest.raises(services.ParticipationError, match="closed to new replies"):
        services.post_comment(author=resident, consultation=consultation, body="Reply", parent=top)
    sign_in(client, resident)
    assert client.post(f"/consultations/comments/{top.pk}/thread/", {"action": "unlock"}).status_code == 403
    assert Comment.objects.get(pk=top.pk).locked


def test_assisted_digital_entry_counts_with_its_channel(client, officer, consultation):
    Authenticator.objects.create(
        user=officer, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
    )
    sign_in(client, officer)
    data = {
        "consultation": consultation.pk,
        "channel": "paper",
        "body": "Written on the form",
        "stance": "oppose",
        "respondent_name": "Mrs Jones",
        "respondent_postcode": "nb1 2ab",
    }
    response = client.post("/admin/moderation/enter-response/", data)
    assert response.status_code == 400 and "consent" in response.content.decode()
    assert client.post("/admin/moderation/enter-response/", {**data, "consent": "on"}).status_code == 302
    entry = Comment.objects.get()
    assert entry.channel == "paper" and entry.entered_by == officer and entry.respondent_postcode == "NB1 2AB"
    assert ModelLogEntry.objects.filter(action="civic.assisted_entry").exists()
    html = client.get(consultation.url).content.decode()
    assert "Paper response" in html and "Mrs Jones" not in html and "NB1 2AB" not in html
    assert Comment.objects.filter(channel="paper", status="published").count() == 1


def test_assisted_entry_refused_for_other_organisations(outsider, consultation):
    with pytest.raises(services.ParticipationError):
        moderation.enter_on_behalf(
            officer=outsider, consultation=consultation, body="Not ours", channel="phone", consent=True
        )
    assert not Comment.objects.exists()


def test_suspended_user_is_refused_with_clear_message(client, moderator, resident, consultation):
    post(resident, consultation, "Before suspension")
    sign_in(client, moderator)
    until = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(
        f"/admin/moderation/suspend/{resident.pk}/", {"until": until, "reason": "Repeated abuse"}
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.is_suspended
    assert ModelLogEntry.objects.filter(action="civic.suspend").exists()
    sign_in(client, resident)
    response = client.post(
        f"/consultations/{consultation.pk}/comment/",
        {"body": "After", "stance": "neutral", "client_token": "0" * 32},
    )
    assert response.status_code == 403 and "suspended until" in response.content.decode()
    assert Comment.objects.filter(body="Before suspension", status="published").exists()


# Emails --------------------------------------------------------------------------------------


def test_digest_and_sla_alert_emails(moderator, outsider, resident, pre_moderated, settings):
    from consultations.tasks import send_moderation_digest, send_sla_alerts

    settings.MODERATION_SLA_HOURS = 1
    settings.WAGTAILADMIN_BASE_URL = "https://civic.example/"  # a trailing slash makes no double slash
    late = post(resident, pre_moderated, "Late one")
    Comment.objects.filter(pk=late.pk).update(queued_at=timezone.now() - timedelta(hours=2))
    post(resident, pre_moderated, "Fresh one")
    assert send_moderation_digest.call() == 1  # the outsider's queue is empty: no email
    assert "2 contribution(s) waiting" in mail.outbox[0].subject
    assert "1 past the 1-hour target" in mail.outbox[0].subject
    assert "Moderation queue: https://civic.example/admin/moderation/\n" in mail.outbox[0].body
    assert send_sla_alerts.call() == 1
    assert send_sla_alerts.call() == 0  # alerted once only
    assert mail.outbox[-1].to == [moderator.email]
    assert "Moderation queue: https://civic.example/admin/moderation/\n" in mail.outbox[-1].body


def test_author_sees_decision_and_reason_on_their_account_page(
    client, moderator, resident, make_user, pre_moderated
):
    comment = post(resident, pre_moderated, "My words under review")
    moderation.decide(
        moderator=moderator,
        comment_ids=[comment.pk],
        decision="hide",
        reason="off_topic",
        note="Please keep to the plan.",
    )
    sign_in(client, resident)
    html = client.get("/accounts/profile/").content.decode()
    assert "My words under review" in html and "Off topic" in html and "Please keep to the plan." in html
    sign_in(client, make_user())
    assert "My words under review" not in client.get("/accounts/profile/").content.decode()
