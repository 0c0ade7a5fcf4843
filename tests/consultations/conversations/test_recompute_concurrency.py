"""A vote never waits for a recompute: the recompute reads a snapshot without locks, on PostgreSQL,
with a real recompute running in another thread on its own connection."""

import os
import subprocess
import sys
import threading

import pytest
from django.db import connection, connections

from consultations.conversations import services, tasks
from consultations.conversations.models import OpinionResult, OpinionVote
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_conversation, make_statements
from tests.support.servers import ROOT

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def _open_transactions() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the snapshot read is PostgreSQL's")
def test_a_vote_is_saved_while_a_recompute_holds_its_snapshot(consultation, monkeypatch, settings):
    settings.TASKS = DUMMY_TASKS  # the vote only queues; the recompute below is the one running
    conversation = make_conversation(consultation)
    statements = make_statements(conversation, "More benches", "Fewer cars", "Later buses")
    voters = [UserFactory(roles=["Residents"]) for _ in range(8)]
    for n, voter in enumerate(voters):
        for statement in statements:
            OpinionVote.objects.create(
                conversation=conversation, statement=statement, user=voter, value=1 if n % 2 else -1
            )
    late = UserFactory(roles=["Residents"])
    OpinionVote.objects.create(conversation=conversation, statement=statements[0], user=late, value=1)

    has_read, release = threading.Event(), threading.Event()
    real_read = services.vote_triples

    def read_then_hold(conversation_id):
        found = real_read(conversation_id)
        has_read.set()
        release.wait(120)  # the snapshot's transaction stays open until the votes below are saved
        return found

    monkeypatch.setattr(services, "vote_triples", read_then_hold)
    outcome: dict = {}

    def run_recompute():
        try:
            outcome["data"] = services.recompute(conversation.pk)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run_recompute)
    thread.start()
    try:
        assert has_read.wait(60)
        assert _open_transactions() >= 1  # the recompute is inside its snapshot now
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '10s'")  # a vote waiting on the recompute fails
        _vote, created = services.cast_opinion(
            voter=late, conversation=conversation, statement_id=statements[1].pk, choice="agree"
        )
        _vote, changed = services.cast_opinion(
            voter=late, conversation=conversation, statement_id=statements[0].pk, choice="disagree"
        )
        assert created and changed
        assert not outcome  # still computing
    finally:
        release.set()
        thread.join(120)
    assert "error" not in outcome
    assert dict(OpinionVote.objects.filter(user=late).values_list("statement_id", "value")) == {
        statements[0].pk: -1,
        statements[1].pk: 1,
    }
    # The recompute counted the votes as they were when it read them; the new ones queued another.
    assert outcome["data"]["participants"] == 9
    assert OpinionResult.objects.get(conversation=conversation).enqueued_at is not None


def test_a_recompute_in_a_web_process_leaves_its_priority_alone():
    before = os.nice(0)
    assert not tasks.lower_priority()  # the immediate backend (tests) runs tasks in the request
    assert os.nice(0) == before


def test_the_task_worker_lowers_its_priority_before_recomputing():
    code = (
        "import os, django; django.setup()\n"
        "from consultations.conversations.tasks import lower_priority\n"
        "print(os.nice(0), lower_priority(), os.nice(0), lower_priority(), os.nice(0))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings.test",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "OPINION_RECOMPUTE_NICE": "7",
    }
    result = subprocess.run(  # noqa: S603 - our interpreter, fixed code: raising niceness is for good
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    start, lowered, after, again, last = result.stdout.split()
    assert lowered == str(int(start) < 7) and again == "False"
    assert int(after) == int(last) == max(7, int(start))
