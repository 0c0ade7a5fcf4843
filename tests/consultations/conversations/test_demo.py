"""The demo conversation: loaded once, with two camps and their common ground found."""

from io import StringIO

from consultations.conversations import demo
from consultations.conversations.models import ConversationPage, OpinionResult, OpinionVote
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_consultation


def test_demo_conversation_has_two_camps_and_common_ground(index, organisation):
    make_consultation(index, "open", lead_organisation=organisation, slug="town-centre-plan")
    for i in range(30):
        UserFactory(username=f"resident{i + 1}", roles=["Residents"])
    demo.load(StringIO(), 2026)
    demo.load(StringIO(), 2026)  # idempotent
    conversation = ConversationPage.objects.get(slug=demo.SLUG)
    assert conversation.live and conversation.statements.count() == 8
    votes = OpinionVote.objects.count()
    assert 150 < votes < 240
    data = OpinionResult.objects.get(conversation=conversation).data
    assert data["status"] == "ok" and data["k"] == 2
    consensus = {conversation.statements.get(pk=c["statement"]).text for c in data["consensus"]}
    assert consensus == set(demo.COMMON)
