"""After many simultaneous votes the last live tally event equals the stored count: the tally is
read inside the section that takes the event's sequence number. Real threads, each with its own
connection, in a separate process on a copy of the test database (SQLite or PostgreSQL)."""

import json

from tests.support.servers import manage, server_env

VOTE = """
import json, threading, uuid
from datetime import timedelta
from allauth.account.models import EmailAddress
from django.db import connections
from django.utils import timezone
from civic.models import HomePage, Organisation, User
from consultations import live, services
from consultations.models import ConsultationIndexPage, ConsultationPage, LiveEvent, ProposalPage, Vote

tag = uuid.uuid4().hex[:8]
home = HomePage.objects.get()
index = home.add_child(instance=ConsultationIndexPage(title="C", slug=f"c-{tag}"))
org = Organisation.objects.create(name=f"Tally Council {tag}", slug=f"tally-{tag}")
now = timezone.now()
page = index.add_child(instance=ConsultationPage(
    title="Tally", slug="tally", summary="Tally", lead_organisation=org,
    opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1)))
proposal = page.add_child(
    instance=ProposalPage(title="P", slug="p", problem="<p>x</p>",
                          proposed_change='[{"type": "paragraph", "value": "<p>y</p>"}]'))
users = User.objects.bulk_create(
    [User(username=f"v{i}-{tag}", email=f"v{i}-{tag}@example.org") for i in range(%(voters)d)])
EmailAddress.objects.bulk_create(
    [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users])
barrier = threading.Barrier(len(users))
errors = []

def vote(user, choice):
    try:
        barrier.wait(timeout=120)
        target = ProposalPage.objects.get(pk=proposal.pk)
        services.cast_vote(voter=User.objects.get(pk=user.pk), proposal=target, choice=choice)
    except Exception as exc:
        errors.append(repr(exc))
    finally:
        connections.close_all()

choices = ["support" if n %% 3 else "oppose" for n in range(len(users))]
threads = [threading.Thread(target=vote, args=(u, c)) for u, c in zip(users, choices)]
for t in threads: t.start()
for t in threads: t.join()
stored = Vote.objects.filter(proposal=proposal)
last = LiveEvent.objects.filter(consultation=page, type=live.TALLY_CHANGED).order_by("-seq").first()
print("RESULT" + json.dumps({
    "errors": errors, "support": stored.filter(choice="support").count(),
    "oppose": stored.filter(choice="oppose").count(), "last": last.data,
    "seqs": list(LiveEvent.objects.filter(consultation=page).order_by("seq").values_list("seq", flat=True)),
}))
"""


def test_last_tally_event_equals_stored_count_after_simultaneous_votes(database):
    voters = 60 if database.pg_base else 30
    env = server_env(database.url, None, DATABASE_POOL_SIZE=30, DATABASE_POOL_TIMEOUT=120)
    if not database.migrated:
        manage(env, "migrate", "--no-input", "-v", "0")
    out = manage(env, "shell", "-c", VOTE % {"voters": voters})
    result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT"))[6:])
    assert result["errors"] == []
    assert result["support"] + result["oppose"] == voters
    assert result["last"]["total"] == voters
    assert (result["last"]["support"], result["last"]["oppose"]) == (result["support"], result["oppose"])
    assert result["seqs"] == list(range(1, voters + 1))
