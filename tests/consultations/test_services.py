import uuid

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from consultations import live, services
from consultations.models import Comment, ConsultationPage, LiveEvent, Vote
from tests.consultations.factories import CommentFactory, make_consultation, make_proposal


def post(author, consultation, body="I support this plan.", **kwargs):
    return services.post_comment(author=author, consultation=consultation, body=body, **kwargs)


def test_verified_resident_comments_on_open_consultation(resident, consultation):
    comment = post(resident, consultation, stance="support")
    assert comment.status == Comment.Status.PUBLISHED
    assert comment.stance == "support"
    assert Comment.objects.filter(consultation=consultation).count() == 1


def test_comments_and_votes_skip_wagtails_reference_index(
    resident, consultation, django_capture_on_commit_callbacks
):
    """Resident data links to no Wagtail object an editor needs usage counts for: no index work per save."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    proposal = make_proposal(consultation)
    with django_capture_on_commit_callbacks(execute=True):
        post(resident, consultation)
        services.cast_vote(voter=resident, proposal=proposal, choice="support")
    indexed = ReferenceIndex.objects.filter(
        base_content_type__in=[ContentType.objects.get_for_model(m) for m in (Comment, Vote)]
    )
    assert not indexed.exists()
    assert ReferenceIndex.model_is_indexable(type(proposal))  # pages still are


def test_posting_a_comment_takes_a_handful_of_queries(resident, consultation, django_assert_max_num_queries):
    """The sequence number comes from one upsert and a new comment has no replies to look up."""
    post(resident, consultation, body="Warm the caches.")
    with django_assert_max_num_queries(8):  # reachability, comment, search queue, follow, event (+savepoint)
        post(resident, consultation)


def test_the_sequence_row_is_locked_by_the_last_statements_before_the_commit(resident, consultation):
    """Every writer on the consultation queues for its sequence row until the commit: nothing but
    the event itself may run while it is held (one statement on PostgreSQL, two on SQLite)."""
    post(resident, consultation, body="Warm the caches.")
    with CaptureQueriesContext(connection) as ctx:
        post(resident, consultation)
    statements = [q["sql"] for q in ctx.captured_queries if not q["sql"].startswith(("RELEASE", "COMMIT"))]
    locked = next(i for i, sql in enumerate(statements) if "consultations_livesequence" in sql)
    after = statements[locked + 1 :]
    assert "consultations_liveevent" in (
        statements[locked] if connection.vendor == "postgresql" else after[0]
    )
    assert len(after) == (0 if connection.vendor == "postgresql" else 1)


@pytest.mark.parametrize("state", ["upcoming", "closed"])
def test_nobody_comments_outside_open_period(state, index, resident, organisation):
    page = make_consultation(index, state, lead_organisation=organisation)
    with pytest.raises(services.ParticipationError) as excinfo:
        post(resident, page)
    assert excinfo.value.code == "forbidden"
    assert ("opens on" if state == "upcoming" else "closed on") in excinfo.value.message
    assert not Comment.objects.exists()


def test_unverified_user_cannot_comment(make_user, consultation):
    user = make_user(verified=False)
    with pytest.raises(services.ParticipationError, match="Confirm your email"):
        post(user, consultation)
    assert not Comment.objects.exists()


def test_script_tags_are_stripped(resident, consultation):
    comment = post(resident, consultation, body="<script>alert('x')</script>Fix the <b>lights</b>")
    assert comment.body == "Fix the lights"


def test_comment_of_only_markup_is_refused_as_empty(resident, consultation):
    with pytest.raises(services.ParticipationError) as excinfo:
        post(resident, consultation, body="<script>alert(1)</script>")
    assert excinfo.value.code == "empty"


def test_over_long_comment_is_refused(resident, consultation, settings):
    settings.COMMENT_MAX_LENGTH = 50
    with pytest.raises(services.ParticipationError) as excinfo:
        post(resident, consultation, body="x" * 51)
    assert excinfo.value.code == "too_long"
    assert post(resident, consultation, body="x" * 50).body == "x" * 50


def test_pre_moderated_comment_waits(resident, consultation):
    consultation.moderation_policy = ConsultationPage.Moderation.PRE
    consultation.save()
    assert post(resident, consultation).status == Comment.Status.PENDING


def test_double_submitted_form_creates_one_comment(resident, consultation):
    token = uuid.uuid4()
    first = post(resident, consultation, client_token=token)
    second = post(resident, consultation, client_token=token)
    assert first.pk == second.pk
    assert Comment.objects.count() == 1


def test_reply_to_reply_attaches_to_thread(resident, consultation):
    top = post(resident, consultation)
    reply = post(resident, consultation, parent=top)
    nested = post(resident, consultation, parent=reply)
    assert reply.parent_id == top.pk
    assert nested.parent_id == top.pk


def test_reply_to_comment_from_another_consultation_is_refused(resident, consultation, index):
    other = make_consultation(index, "open", lead_organisation=consultation.lead_organisation)
    foreign = CommentFactory(consultation=other)
    with pytest.raises(services.ParticipationError) as excinfo:
        post(resident, consultation, parent=foreign)
    assert excinfo.value.code == "mismatch"
    assert Comment.objects.count() == 1


def test_proposal_from_another_consultation_is_refused(resident, consultation, index):
    other = make_consultation(index, "open", lead_organisation=consultation.lead_organisation)
    foreign_proposal = make_proposal(other)
    with pytest.raises(services.ParticipationError) as excinfo:
        post(resident, consultation, proposal=foreign_proposal)
    assert excinfo.value.code == "mismatch"
    assert not Comment.objects.exists()
    assert not LiveEvent.objects.filter(type=live.COMMENT_POSTED).exists()


def test_invalid_stance_is_refused(resident, consultation):
    with pytest.raises(services.ParticipationError) as excinfo:
        post(resident, consultation, stance="furious")
    assert excinfo.value.field == "stance"


def test_vote_is_changed_not_doubled(resident, proposal):
    vote, changed = services.cast_vote(voter=resident, proposal=proposal, choice="support")
    assert changed
    same, changed = services.cast_vote(voter=resident, proposal=proposal, choice="support")
    assert not changed and same.pk == vote.pk
    again, changed = services.cast_vote(voter=resident, proposal=proposal, choice="oppose")
    assert changed and again.pk == vote.pk
    assert Vote.objects.count() == 1
    assert services.tally(proposal) == services.Tally(support=0, oppose=1)


def test_database_refuses_second_vote_row(resident, proposal):
    Vote.objects.create(proposal=proposal, user=resident, choice="support")
    with pytest.raises(IntegrityError):
        Vote.objects.create(proposal=proposal, user=resident, choice="oppose")


def test_vote_on_closed_consultation_is_refused(resident, index, organisation):
    closed = make_consultation(index, "closed", lead_organisation=organisation)
    proposal = make_proposal(closed)
    with pytest.raises(services.ParticipationError, match="closed"):
        services.cast_vote(voter=resident, proposal=proposal, choice="support")
    assert not Vote.objects.exists()


def test_invalid_vote_choice_is_refused_and_writes_nothing(resident, proposal):
    with pytest.raises(services.ParticipationError) as excinfo:
        services.cast_vote(voter=resident, proposal=proposal, choice="maybe")
    assert (excinfo.value.code, excinfo.value.field) == ("invalid_choice", "choice")
    assert not Vote.objects.exists()
    assert not LiveEvent.objects.filter(type=live.TALLY_CHANGED).exists()


def test_invalid_vote_choice_leaves_an_earlier_vote_as_it_was(resident, proposal):
    services.cast_vote(voter=resident, proposal=proposal, choice="support")
    events = LiveEvent.objects.count()
    with pytest.raises(services.ParticipationError) as excinfo:
        services.cast_vote(voter=resident, proposal=proposal, choice="")
    assert excinfo.value.code == "invalid_choice"
    assert list(Vote.objects.values_list("user", "choice")) == [(resident.pk, "support")]
    assert services.tally(proposal) == services.Tally(1, 0)
    assert LiveEvent.objects.count() == events


def test_tallies_count_many_proposals_in_one_query(consultation, make_user, django_assert_num_queries):
    first, second = make_proposal(consultation), make_proposal(consultation)
    for choice in ("support", "support", "oppose"):
        Vote.objects.create(proposal=first, user=make_user(), choice=choice)
    with django_assert_num_queries(1):
        result = services.tallies([first.pk, second.pk])
    assert result[first.pk] == services.Tally(2, 1)
    assert result[second.pk] == services.Tally(0, 0)
    assert result[first.pk].support_percent == 67


def test_writes_are_rate_limited(resident, consultation, settings, pinned_clock):
    settings.WRITE_RATE_LIMIT = "3/m"
    for _ in range(3):
        post(resident, consultation)
    with pytest.raises(services.ParticipationError) as excinfo:
        post(resident, consultation)
    assert excinfo.value.code == "rate_limited"
    assert Comment.objects.count() == 3


def test_suspended_user_cannot_comment(resident, consultation):
    from datetime import timedelta

    from django.utils import timezone

    resident.suspended_until = timezone.now() + timedelta(days=3)
    resident.save()
    with pytest.raises(services.ParticipationError, match="suspended"):
        post(resident, consultation)
