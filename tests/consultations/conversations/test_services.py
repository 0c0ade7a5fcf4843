"""Votes, statements, moderation and the debounced recompute of a conversation."""

from types import SimpleNamespace

import pytest
from django.db import transaction

from consultations import live
from consultations.conversations import services
from consultations.conversations.models import OpinionResult, OpinionVote, Statement
from consultations.models import LiveEvent
from consultations.services import ParticipationError
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_conversation, make_statements


@pytest.fixture
def conversation(consultation):
    return make_conversation(consultation)


@pytest.fixture
def statements(conversation):
    return make_statements(conversation, "More benches on the high street", "Fewer cars in the centre")


def vote(user, conversation, statement, choice="agree"):
    return services.cast_opinion(
        voter=user, conversation=conversation, statement_id=statement.pk, choice=choice
    )


def test_a_vote_is_recorded_and_can_be_changed(resident, conversation, statements):
    _vote, changed = vote(resident, conversation, statements[0])
    assert changed
    _vote, changed = vote(resident, conversation, statements[0], "agree")
    assert not changed
    _vote, changed = vote(resident, conversation, statements[0], "pass")
    assert changed
    assert list(OpinionVote.objects.values_list("value", flat=True)) == [0]
    assert services.statement_counts(conversation)[statements[0].pk] == services.Counts(0, 0, 1)


def test_votes_record_count_events_on_the_consultation_stream(
    resident, conversation, statements, consultation
):
    vote(resident, conversation, statements[0], "agree")
    vote(UserFactory(roles=["Residents"]), conversation, statements[0], "disagree")
    vote(resident, conversation, statements[0], "agree")  # unchanged: no event
    counts = list(
        LiveEvent.objects.filter(consultation=consultation, type=live.OPINION_COUNTS).order_by("seq")
    )
    assert len(counts) == 2
    assert counts[-1].data == {
        "page": conversation.pk,
        "statement": statements[0].pk,
        "agree": 1,
        "disagree": 1,
        "pass": 0,
        "total": 2,
    }
    assert "<strong>1</strong> disagree" in counts[-1].html


def test_counts_of_a_draft_conversation_are_withheld(resident, consultation):
    draft = make_conversation(consultation, live=False)
    statement = make_statements(draft, "A statement on a draft page")[0]
    services.counts_changed(draft, statement)  # whatever path records it, the stream carries no content
    event = LiveEvent.objects.get(consultation=consultation)
    assert event.type == live.WITHHELD and event.html is None


@pytest.mark.parametrize("choice", ["", "yes", "1", "AGREE", "agree ", None])
def test_tampered_choices_save_nothing(resident, conversation, statements, choice):
    with pytest.raises(ParticipationError) as caught:
        vote(resident, conversation, statements[0], choice)
    assert caught.value.code == "invalid_choice"
    assert not OpinionVote.objects.exists()


def test_votes_on_hidden_pending_or_other_conversations_statements_are_refused(
    resident, consultation, conversation
):
    hidden = make_statements(conversation, "Hidden one", status="hidden")[0]
    pending = make_statements(conversation, "Pending one", status="pending")[0]
    elsewhere = make_statements(make_conversation(consultation), "Somewhere else")[0]
    for statement in (hidden, pending, elsewhere):
        with pytest.raises(ParticipationError, match="statement"):
            vote(resident, conversation, statement)
    with pytest.raises(ParticipationError, match="not part of this conversation"):
        services.cast_opinion(voter=resident, conversation=conversation, statement_id=None, choice="agree")
    assert not OpinionVote.objects.exists()


def test_votes_after_closing_or_by_the_signed_out_are_refused(resident, consultation):
    closed = make_conversation(consultation, "closed")
    statement = make_statements(closed, "Too late now")[0]
    with pytest.raises(ParticipationError, match="closed") as caught:
        vote(resident, closed, statement)
    assert caught.value.code == "forbidden"
    from django.contrib.auth.models import AnonymousUser

    opened = make_conversation(consultation)
    other = make_statements(opened, "Sign in first")[0]
    with pytest.raises(ParticipationError, match="Sign in"):
        vote(AnonymousUser(), opened, other)
    assert not OpinionVote.objects.exists()


def test_a_closed_consultation_closes_its_conversation(resident, index, organisation):
    from tests.consultations.factories import make_consultation

    closed = make_consultation(index, "closed", lead_organisation=organisation)
    conversation = make_conversation(closed)  # its own dates are open
    statement = make_statements(conversation, "The consultation is over")[0]
    with pytest.raises(ParticipationError, match="closed"):
        vote(resident, conversation, statement)


def test_votes_are_rate_limited(resident, conversation, statements, settings, pinned_clock):
    settings.OPINION_VOTE_RATE_LIMIT = "2/m"
    vote(resident, conversation, statements[0])
    vote(resident, conversation, statements[1])
    with pytest.raises(ParticipationError) as caught:
        vote(resident, conversation, statements[0], "disagree")
    assert caught.value.code == "rate_limited"
    assert OpinionVote.objects.get(statement=statements[0]).value == 1


def test_statements_are_pre_moderated_by_default(resident, consultation):
    conversation = make_conversation(consultation, moderation_policy="pre")
    statement = services.submit_statement(
        author=resident, conversation=conversation, text="  Open the  park later "
    )
    assert statement.status == Statement.Status.PENDING and statement.text == "Open the park later"
    with pytest.raises(ParticipationError):  # nobody votes on it until a moderator publishes it
        vote(UserFactory(roles=["Residents"]), conversation, statement)


def test_statement_length_duplicates_and_markup(resident, conversation, statements, settings):
    settings.CONVERSATION_STATEMENT_MAX_LENGTH = 30
    with pytest.raises(ParticipationError, match="30 characters or fewer"):
        services.submit_statement(author=resident, conversation=conversation, text="x" * 31)
    with pytest.raises(ParticipationError, match="Enter your statement"):
        services.submit_statement(author=resident, conversation=conversation, text="<b></b>  ")
    with pytest.raises(ParticipationError, match="already in this conversation"):
        services.submit_statement(
            author=resident, conversation=conversation, text="fewer CARS in the centre!"
        )
    statement = services.submit_statement(
        author=resident, conversation=conversation, text="<i>Trees</i> please"
    )
    assert statement.text == "Trees please" and statement.status == Statement.Status.PUBLISHED
    assert Statement.objects.count() == 3


def test_similar_statements_are_suggested(conversation, statements):
    found = services.similar_statements(conversation, "more benches on our high street please")
    assert found == [statements[0]]
    assert services.similar_statements(conversation, "Open the swimming pool on Sundays") == []


def test_moderators_publish_or_hide_statements_residents_cannot(resident, officer, make_user, consultation):
    conversation = make_conversation(consultation, moderation_policy="pre")
    statement = services.submit_statement(author=resident, conversation=conversation, text="Plant more trees")
    with pytest.raises(ParticipationError):
        services.moderate_statement(moderator=resident, statement=statement, action="approve")
    outsider = make_user(roles=["Officers"])  # an officer of another organisation
    with pytest.raises(ParticipationError):
        services.moderate_statement(moderator=outsider, statement=statement, action="approve")
    with pytest.raises(ParticipationError):
        services.moderate_statement(moderator=officer, statement=statement, action="delete")
    assert Statement.objects.get().status == Statement.Status.PENDING
    services.moderate_statement(moderator=officer, statement=statement, action="approve")
    assert Statement.objects.get().status == Statement.Status.PUBLISHED
    services.moderate_statement(moderator=officer, statement=statement, action="hide")
    assert Statement.objects.get().status == Statement.Status.HIDDEN


def test_seed_statements_appear_on_publish_once(consultation):
    conversation = make_conversation(
        consultation, seed_statements="Buses should run later\n\n  Parking is too dear \n"
    )
    revision = conversation.save_revision()
    revision.publish()
    revision.publish()
    texts = list(Statement.objects.values_list("text", "is_seed", "status"))
    assert texts == [
        ("Buses should run later", True, "published"),
        ("Parking is too dear", True, "published"),
    ]


def test_a_burst_of_votes_queues_one_recompute(monkeypatch, conversation, statements):
    queued = []
    monkeypatch.setattr(
        "consultations.conversations.tasks.recompute_opinions_task", SimpleNamespace(enqueue=queued.append)
    )
    voters = [UserFactory(roles=["Residents"]) for _ in range(5)]
    for voter in voters:
        with transaction.atomic():
            vote(voter, conversation, statements[0])
    assert queued == []  # nothing before commit (the test transaction is still open)
    for _ in voters:
        services.schedule_recompute(conversation.pk)
    assert queued == [conversation.pk]  # one queued, the rest saw it waiting
    services.recompute(conversation.pk)  # the task starts: later votes queue again
    services.schedule_recompute(conversation.pk)
    assert queued == [conversation.pk, conversation.pk]


def test_votes_queue_the_recompute_after_commit(
    django_capture_on_commit_callbacks, monkeypatch, resident, conversation, statements
):
    queued = []
    monkeypatch.setattr(
        "consultations.conversations.tasks.recompute_opinions_task", SimpleNamespace(enqueue=queued.append)
    )
    with django_capture_on_commit_callbacks(execute=True):
        vote(resident, conversation, statements[0])
    assert queued == [conversation.pk]
    assert OpinionResult.objects.get().enqueued_at is not None


def test_recompute_stores_groups_and_announces_them(consultation):
    conversation = make_conversation(consultation)
    agreed, *split = make_statements(
        conversation, "Keep the library", "Close the road", "Open the road", "Add trees"
    )
    for n in range(10):
        voter = UserFactory(roles=["Residents"])
        for statement, value in zip([agreed, *split], ["agree", "agree", "disagree", "pass"], strict=True):
            if n % 2:
                value = (
                    {"agree": "disagree", "disagree": "agree"}.get(value, value)
                    if statement != agreed
                    else value
                )
            OpinionVote.objects.create(
                conversation=conversation, statement=statement, user=voter, value=services.parse_choice(value)
            )
    data = services.recompute(conversation.pk)
    stored = OpinionResult.objects.get(conversation=conversation)
    assert stored.data == data and stored.computed_at is not None and stored.enqueued_at is None
    assert data["status"] == "ok" and sorted(g["size"] for g in data["groups"]) == [5, 5]
    assert [c["statement"] for c in data["consensus"]] == [agreed.pk]
    event = LiveEvent.objects.filter(type=live.OPINION_GROUPS).get()
    assert event.data == {"page": conversation.pk, "status": "ok", "groups": 2}


def test_hidden_statements_leave_the_computation(resident, consultation):
    conversation = make_conversation(consultation)
    kept, hidden = make_statements(conversation, "Kept statement", "Hidden statement")
    OpinionVote.objects.create(conversation=conversation, statement=kept, user=resident, value=1)
    OpinionVote.objects.create(conversation=conversation, statement=hidden, user=resident, value=1)
    hidden.status = Statement.Status.HIDDEN
    hidden.save()
    people, statement_ids, _values = services.vote_triples(conversation.pk)
    assert statement_ids.tolist() == [kept.pk] and people.tolist() == [resident.pk]
