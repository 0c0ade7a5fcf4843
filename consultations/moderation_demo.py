"""Demo moderation work for Northbrook: a queue with pending and reported comments, an official
response and a paper response, so the moderator and officer accounts have something to do."""

from datetime import timedelta

from django.utils import timezone

from civic.models import User

from .models import Comment, ConsultationPage, Flag


def load(stdout, seed: int) -> None:
    """Idempotent: does nothing once the demo queue exists."""
    town = ConsultationPage.objects.filter(slug="town-centre-plan").first()
    hospital = ConsultationPage.objects.filter(slug="leaving-hospital").first()
    if town is None or hospital is None or Comment.objects.filter(is_official=True).exists():
        return
    now = timezone.now()
    waiting = list(Comment.objects.filter(consultation=town, parent__isnull=True).order_by("pk")[:12])
    for n, comment in enumerate(waiting):
        comment.status = Comment.Status.PENDING
        comment.needs_review = True
        comment.queued_at = now - timedelta(hours=2 + 3 * n)  # a few are past the 24-hour target
        comment.save(update_fields=["status", "needs_review", "queued_at"])
    residents = list(User.objects.filter(username__startswith="resident").order_by("pk")[:4])
    reported = Comment.objects.filter(consultation=hospital, status="published").order_by("pk")[:3]
    for comment in reported:
        for resident in residents[:2]:
            if resident.pk != comment.author_id:
                Flag.objects.get_or_create(comment=comment, user=resident, defaults={"reason": "off_topic"})
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
            body="Thank you for your comments so far. We will publish the number of people waiting "
            "for discharge each month on this page, and we are holding a drop-in at "
            "Northbrook General on the first Tuesday of each month.",
        )
        Comment.objects.create(
            consultation=hospital,
            entered_by=officer,
            channel=Comment.Channel.PHONE,
            consent_recorded=True,
            status=Comment.Status.PUBLISHED,
            stance="support",
            body="My husband waited four days for a care package. One team would have helped us.",
        )
    stdout.write(
        f"  moderation: {len(waiting)} waiting, {len(reported)} reported, "
        "an official response and a phone response"
    )
