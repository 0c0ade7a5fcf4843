from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.rich_text import RichText

from consultations.models import Comment, ConsultationPage, ProposalPage, Vote
from tests.civic.factories import OrganisationFactory, UserFactory

OFFSETS = {
    "open": (-10, 10),
    "upcoming": (5, 20),
    "closed": (-20, -5),
}


def make_consultation(parent, state="open", live=True, **fields) -> ConsultationPage:
    """Create a consultation page under parent whose dates put it in the given state."""
    opens, closes = OFFSETS[state]
    now = timezone.now()
    n = ConsultationPage.objects.count() + 1
    defaults = {
        "title": f"Consultation {n}",
        "slug": f"consultation-{n}-{state}",
        "summary": "A consultation about local services.",
        "opens_at": now + timedelta(days=opens),
        "closes_at": now + timedelta(days=closes),
        "lead_organisation": fields.pop("lead_organisation", None) or OrganisationFactory(),
        "live": live,
    }
    defaults.update(fields)
    page = ConsultationPage(**defaults)
    parent.add_child(instance=page)
    return page


def make_proposal(consultation, **fields) -> ProposalPage:
    n = ProposalPage.objects.count() + 1
    defaults = {
        "title": f"Proposal {n}",
        "slug": f"proposal-{n}",
        "problem": "<p>Something does not work.</p>",
        "proposed_change": [("paragraph", RichText("<p>Change it.</p>"))],
    }
    defaults.update(fields)
    page = ProposalPage(**defaults)
    consultation.add_child(instance=page)
    return page


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment number {n} about the plan.")
    consultation = None


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    user = factory.SubFactory(UserFactory)
    choice = Vote.Choice.SUPPORT


def make_conversation(consultation, state="open", live=True, **fields):
    """A conversation under a consultation, with dates putting it in the given state."""
    from consultations.models import ConversationPage

    opens, closes = OFFSETS[state]
    now = timezone.now()
    n = ConversationPage.objects.count() + 1
    defaults = {
        "title": f"Conversation {n}",
        "slug": f"conversation-{n}",
        "question": "How should the high street change?",
        "opens_at": now + timedelta(days=opens),
        "closes_at": now + timedelta(days=closes),
        "moderation_policy": "post",
        "live": live,
    }
    defaults.update(fields)
    page = ConversationPage(**defaults)
    consultation.add_child(instance=page)
    return page


def make_statements(conversation, *texts, status="published"):
    from consultations.models import Statement

    return [Statement.objects.create(conversation=conversation, text=t, status=status) for t in texts]
