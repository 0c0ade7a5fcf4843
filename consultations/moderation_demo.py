"""Demo moderation work for Northbrook: reported comments, an official response and a paper
response, so the moderator and officer accounts have something to do (the demo's pre-moderated
consultation brings its own queue of comments waiting for a moderator)."""

from datetime import timedelta

from django.utils import timezone

from civic.models import User

from .models import Comment, ConsultationPage, Flag, ProposalPage

PINNED_RESPONSE = (
    "Thank you for your comments so far. The things you raise most are not knowing who to ring once "
    "someone is home, waiting for hours in the discharge lounge for transport, equipment such as beds "
    "and commodes arriving days late, and unpaid carers not being asked what they can manage. Each "
    "proposal answers one of these. We will publish each month's discharge figures on this page. "
    "Come and talk to us at the drop-in at Northbrook General on the first Tuesday of each month."
)
PHONE_RESPONSE = (
    "My husband waited four days on the ward for a care package. The nurse and the social worker "
    "never spoke to each other. One team would have helped us."
)


def load(stdout, seed: int, reported: dict[str, str] | None = None) -> None:
    """Idempotent: does nothing once the pinned official response exists. `reported` maps comment
    bodies to the reason two residents report them for (the demo's examples of rule-breaking)."""
    town = ConsultationPage.objects.filter(slug="town-centre-plan").first()
    hospital = ConsultationPage.objects.filter(slug="leaving-hospital").first()
    if (
        hospital is None
        or Comment.objects.filter(consultation=hospital, is_official=True, pinned=True).exists()
    ):
        return
    now = timezone.now()
    waiting = Comment.objects.filter(consultation=town, status=Comment.Status.PENDING).count() if town else 0
    residents = list(User.objects.filter(username__startswith="resident").order_by("pk")[:4])
    flagged = list(
        Comment.objects.filter(
            consultation=hospital, status=Comment.Status.PUBLISHED, body__in=list(reported or {})
        ).order_by("pk")
    )
    for comment in flagged:
        reporters = [r for r in residents if r.pk != comment.author_id][:2]
        for resident in reporters:
            Flag.objects.get_or_create(
                comment=comment, user=resident, defaults={"reason": (reported or {})[comment.body]}
            )
        comment.flag_count = comment.flags.count()
        comment.needs_review = True
        comment.queued_at = now - timedelta(hours=5)
        comment.save(update_fields=["flag_count", "needs_review", "queued_at"])
    officer = User.objects.filter(email="nhs.officer@northbrook.example").first()
    if officer is not None:
        Comment.objects.create(
            consultation=hospital,
            author=officer,
            organisation_id=officer.organisation_id,
            is_official=True,
            pinned=True,
            status=Comment.Status.PUBLISHED,
            body=PINNED_RESPONSE,
        )
        Comment.objects.create(
            consultation=hospital,
            proposal=ProposalPage.objects.child_of(hospital)
            .filter(title__startswith="A single discharge")
            .first(),
            entered_by=officer,
            channel=Comment.Channel.PHONE,
            consent_recorded=True,
            status=Comment.Status.PUBLISHED,
            stance="support",
            body=PHONE_RESPONSE,
        )
    stdout.write(
        f"  moderation: {waiting} waiting, {len(flagged)} reported, an official response and a phone response"
    )
