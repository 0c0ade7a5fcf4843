"""A vote never waits for a recompute: the recompute reads a snapshot without locks, on PostgreSQL,
with a real recompute running in another thread on its own connection (in a separate process on a
copy of the test database, as the tally concurrency test does)."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from consultations.conversations import tasks
from tests.support.servers import ROOT, manage, server_env

HOLD_A_SNAPSHOT = """
import json, threading, uuid
from datetime import timedelta
from django.db import connection, connections
from django.utils import timezone
from civic.models import HomePage, Organisation
from consultations.conversations import services
from consultations.conversations.models import OpinionResult, OpinionVote
from consultations.models import ConsultationIndexPage, ConsultationPage
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_conversation, make_statements

tag = uuid.uuid4().hex[:8]
index = HomePage.objects.get().add_child(instance=ConsultationIndexPage(title="C", slug=f"c-{tag}"))
org = Organisation.objects.create(name=f"Council {tag}", slug=f"council-{tag}")
now = timezone.now()
consultation = index.add_child(instance=ConsultationPage(
    title="Snapshot", slug="snapshot", summary="Snapshot", lead_organisation=org,
    opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1)))
conversation = make_conversation(consultation)
statements = make_statements(conversation, "More benches", "Fewer cars", "Later buses")
for n in range(8):
    voter = UserFactory(roles=["Residents"])
    for statement in statements:
        OpinionVote.objects.create(
            conversation=conversation, statement=statement, user=voter, value=1 if n % 2 else -1)
late = UserFactory(roles=["Residents"])
OpinionVote.objects.create(conversation=conversation, statement=statements[0], user=late, value=1)

has_read, release = threading.Event(), threading.Event()
real_read = services.vote_triples

def read_then_hold(conversation_id):
    found = real_read(conversation_id)
    has_read.set()
    release.wait(120)  # the snapshot's transaction stays open until the votes below are saved
    return found

services.vote_triples = read_then_hold
outcome = {}

def run_recompute():
    try:
        outcome["participants"] = services.recompute(conversation.pk)["participants"]
    except Exception as exc:
        outcome["error"] = repr(exc)
    finally:
        connections.close_all()

thread = threading.Thread(target=run_recompute)
thread.start()
result = {"read": has_read.wait(60)}
try:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'idle in transaction' AND pid <> pg_backend_pid()")
        result["open_transactions"] = cursor.fetchone()[0]
        cursor.execute("SET lock_timeout = '10s'")  # a vote waiting on the recompute fails
    result["created"] = services.cast_opinion(
        voter=late, conversation=conversation, statement_id=statements[1].pk, choice="agree")[1]
    result["changed"] = services.cast_opinion(
        voter=late, conversation=conversation, statement_id=statements[0].pk, choice="disagree")[1]
    result["still_computing"] = not outcome
except Exception as exc:
    result["vote_error"] = repr(exc)
finally:
    release.set()
    thread.join(120)
result.update(outcome)
position = {s.pk: n for n, s in enumerate(statements)}
mine = OpinionVote.objects.filter(user=late).values_list("statement_id", "value")
result["votes"] = sorted([position[sid], v] for sid, v in mine)
result["queued"] = OpinionResult.objects.get(conversation=conversation).enqueued_at is not None
print("RESULT" + json.dumps(result))
"""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the snapshot read is PostgreSQL's")
def test_a_vote_is_saved_while_a_recompute_holds_its_snapshot(database):
    # The vote commits on one connection while the recompute's snapshot is open on another.
    env = server_env(database.url, None, TASKS_BACKEND="django.tasks.backends.dummy.DummyBackend")
    if not database.migrated:
        manage(env, "migrate", "--no-input", "-v", "0")
    out = manage(env, "shell", "-c", HOLD_A_SNAPSHOT)
    result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT"))[6:])
    assert "vote_error" not in result and "error" not in result, result
    assert result["read"] and result["open_transactions"] >= 1  # the recompute was inside its snapshot
    assert result["created"] and result["changed"] and result["still_computing"]
    assert result["votes"] == [[0, -1], [1, 1]]
    # The recompute counted the votes as they were when it read them; the new ones queued another.
    assert result["participants"] == 9 and result["queued"]


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
