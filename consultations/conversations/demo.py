"""Demo conversation for Northbrook: statements on the town centre plan, votes from demo residents
in two camps that share common ground, and the groups worked out, so the page has something to show."""

import random
from datetime import timedelta

from django.utils import timezone

from civic.models import User

from ..models import ConsultationPage
from .models import ConversationPage, OpinionVote, Statement

SLUG = "town-centre-conversation"
COMMON = ["More benches and shade in the market square.", "Keep the Saturday market where it is."]
CARS_OUT = [
    "Close the square to cars all day, every day.",
    "Wider pavements matter more than parking spaces.",
    "Bus lanes on the ring road would bring more people in.",
]
CARS_IN = [
    "Older people need to park close to the shops.",
    "Free short-stay parking keeps small shops alive.",
    "Deliveries should be allowed in the square before 10am.",
]


def load(stdout, seed: int) -> None:
    """Idempotent: does nothing once the demo conversation exists."""
    town = ConsultationPage.objects.filter(slug="town-centre-plan").first()
    if town is None or ConversationPage.objects.filter(slug=SLUG).exists():
        return
    from .services import recompute, sync_seed_statements

    now = timezone.now()
    conversation = town.add_child(
        instance=ConversationPage(
            title="Town centre: where do we agree?",
            slug=SLUG,
            question="What would make the town centre better for you?",
            seed_statements="\n".join(COMMON + CARS_OUT + CARS_IN),
            opens_at=town.opens_at,
            closes_at=town.closes_at if town.closes_at > now else now + timedelta(days=30),
        )
    )
    conversation.save_revision().publish()
    sync_seed_statements(conversation)
    rng = random.Random(seed)
    statements = {s.text: s for s in Statement.objects.filter(conversation=conversation)}
    votes = []
    for n, resident in enumerate(
        User.objects.filter(username__regex=r"^resident[0-9]+$").order_by("pk")[:30]
    ):
        cars_out = n % 2 == 0
        for text, statement in statements.items():
            if rng.random() < 0.2:
                continue  # not everyone votes on everything
            if text in COMMON:
                value = 1 if rng.random() < 0.9 else 0
            else:
                agrees = (text in CARS_OUT) == cars_out
                value = (1 if agrees else -1) if rng.random() < 0.85 else rng.choice([-1, 0, 1])
            votes.append(
                OpinionVote(conversation=conversation, statement=statement, user=resident, value=value)
            )
    OpinionVote.objects.bulk_create(votes)
    recompute(conversation.pk)
    stdout.write(f"  a conversation with {len(statements)} statements and {len(votes)} votes")
