"""Moving a comment to a status in tests by the one moderation path: a moderator's decision."""

from consultations import moderation

DECISION_FOR_STATUS = {status: decision for decision, status in moderation.STATUS_FOR_DECISION.items()}


def set_status(*, moderator, comment, status: str, reason: str = "other"):
    """Publish, hide or remove a comment as the queue and the admin do (logged, audited, live)."""
    decision = DECISION_FOR_STATUS[status]
    return moderation.decide(
        moderator=moderator,
        comment_ids=[comment.pk],
        decision=decision,
        reason="" if decision == moderation.Decision.APPROVE else reason,
        expected_queue=False,
    )
