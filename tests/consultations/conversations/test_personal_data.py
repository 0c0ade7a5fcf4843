"""Conversation votes and statements: in "download my data", unlinked when an account is erased."""

from civic import personal_data
from civic.services import erase_account
from consultations.conversations import services
from consultations.conversations.models import OpinionVote, Statement
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_conversation, make_statements

PASSWORD = "correct horse battery staple"  # noqa: S105 - the user factory's test password


def test_export_lists_votes_and_statements(consultation, resident):
    conversation = make_conversation(consultation, title="High street talk")
    statement = make_statements(conversation, "More benches please")[0]
    services.cast_opinion(
        voter=resident, conversation=conversation, statement_id=statement.pk, choice="disagree"
    )
    services.submit_statement(author=resident, conversation=conversation, text="Plant more trees")
    other = UserFactory(roles=["Residents"])
    services.cast_opinion(voter=other, conversation=conversation, statement_id=statement.pk, choice="agree")
    export = personal_data.collect(resident)
    assert [(v["conversation"], v["statement"], v["vote"]) for v in export["conversation_votes"]] == [
        ("High street talk", "More benches please", "Disagree")
    ]
    assert export["conversation_votes"][0]["address"].endswith(conversation.url)
    assert [(s["text"], s["status"]) for s in export["conversation_statements"]] == [
        ("Plant more trees", "Published")
    ]


def test_erased_voters_stay_one_participant_each_linked_to_nobody(consultation):
    conversation = make_conversation(consultation)
    statements = make_statements(conversation, "First statement", "Second statement", "Third statement")
    voters = [UserFactory(roles=["Residents"]) for _ in range(3)]
    for voter in voters:
        for statement in statements:
            services.cast_opinion(
                voter=voter, conversation=conversation, statement_id=statement.pk, choice="agree"
            )
    written = services.submit_statement(author=voters[0], conversation=conversation, text="Fourth statement")
    before = services.vote_triples(conversation.pk)
    for voter in voters[:2]:
        erase_account(actor=voter, user=voter, password=PASSWORD)
    people, statement_ids, values = services.vote_triples(conversation.pk)
    assert len(people) == len(before[0]) == 9 and sorted(values.tolist()) == sorted(before[2].tolist())
    assert len(set(people.tolist())) == 3  # still three participants: two erased, one not
    assert not OpinionVote.objects.filter(user_id__in=[voters[0].pk, voters[1].pk]).exists()
    assert OpinionVote.objects.filter(user=None).values("former_participant").distinct().count() == 2
    assert Statement.objects.get(pk=written.pk).author is None


def test_erasure_that_removes_contributions_hides_their_statements(consultation, settings):
    settings.ERASURE_CONTRIBUTIONS = "remove"
    conversation = make_conversation(consultation)
    voter = UserFactory(roles=["Residents"])
    statement = services.submit_statement(author=voter, conversation=conversation, text="Withdraw me later")
    services.cast_opinion(voter=voter, conversation=conversation, statement_id=statement.pk, choice="agree")
    erase_account(actor=voter, user=voter, password=PASSWORD)
    statement.refresh_from_db()
    assert statement.author is None and statement.status == Statement.Status.HIDDEN
    assert OpinionVote.objects.get().former_participant is not None  # the vote stays counted
