"""Background work for conversations: opinion groups are recomputed here, never in a vote's request."""

import os
import sys
import threading
import time

from django.conf import settings
from django.tasks import task


def lower_priority() -> bool:
    """Yield the CPU to the web servers: the worker's niceness is raised to OPINION_RECOMPUTE_NICE.

    Not with the immediate backend, where the task runs inside a web process; a raised niceness
    is kept (the worker is advised to run below the servers anyway). Returns whether it changed."""
    if runs_inline():
        return False
    wanted = settings.OPINION_RECOMPUTE_NICE
    current = os.nice(0)
    if wanted <= current:
        return False
    os.nice(wanted - current)
    return True


def runs_inline() -> bool:
    """Whether recomputes run inside the web process (the immediate backend: the demo, tests)."""
    from django.tasks import task_backends
    from django.tasks.backends.immediate import ImmediateBackend

    return isinstance(task_backends[recompute_opinions_task.backend], ImmediateBackend)


def warm_up() -> threading.Thread | None:
    """Where votes recompute inline, import scikit-learn in the background as the server starts:
    otherwise the first vote in each process waits the seconds the import takes (6 s measured on
    our 2-core machine). With a task worker the web process never needs it."""
    if not settings.OPINION_WARM_UP or not runs_inline():
        return None
    print(WARMING_UP, file=sys.stderr, flush=True)
    thread = threading.Thread(target=_import_and_say_so, name="civic-opinions-warm-up", daemon=True)
    thread.start()
    return thread


WARMING_UP = "Civic: importing opinion libraries in the background"
WARMED_UP = "Civic: opinion libraries imported"


def _import_and_say_so() -> None:
    """Import, then say so in the server's output: requests in those seconds share the CPU with
    the import, and whoever watches the log (an operator, the browser tests) can see when it ends."""
    from .opinions import import_libraries

    started = time.perf_counter()
    import_libraries()
    print(f"{WARMED_UP} in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


@task()
def recompute_opinions_task(conversation_id: int) -> str:
    """Recompute a conversation's opinion groups; returns the result's status."""
    from .services import recompute

    lower_priority()
    return recompute(conversation_id)["status"]
