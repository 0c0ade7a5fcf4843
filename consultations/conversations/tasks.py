"""Background work for conversations: opinion groups are recomputed here, never in a vote's request."""

from django.tasks import task


@task()
def recompute_opinions_task(conversation_id: int) -> str:
    """Recompute a conversation's opinion groups; returns the result's status."""
    from .services import recompute

    return recompute(conversation_id)["status"]
