"""Background work for conversations: opinion groups are recomputed here, never in a vote's request."""

import os

from django.conf import settings
from django.tasks import task


def lower_priority() -> bool:
    """Yield the CPU to the web servers: the worker's niceness is raised to OPINION_RECOMPUTE_NICE.

    Not with the immediate backend, where the task runs inside a web process; a raised niceness
    is kept (the worker is advised to run below the servers anyway). Returns whether it changed."""
    from django.tasks import task_backends
    from django.tasks.backends.immediate import ImmediateBackend

    if isinstance(task_backends[recompute_opinions_task.backend], ImmediateBackend):
        return False
    wanted = settings.OPINION_RECOMPUTE_NICE
    current = os.nice(0)
    if wanted <= current:
        return False
    os.nice(wanted - current)
    return True


@task()
def recompute_opinions_task(conversation_id: int) -> str:
    """Recompute a conversation's opinion groups; returns the result's status."""
    from .services import recompute

    lower_priority()
    return recompute(conversation_id)["status"]
