"""Vote counts and new groups reach viewers through the consultation's live stream (socket and HTTP)."""

import pytest
from django.urls import reverse

from consultations import live
from consultations.conversations import services
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_conversation, make_statements
from tests.support.auth import sign_in


@pytest.fixture
def conversation(consultation):
    return make_conversation(consultation)


def events(client, consultation, since=0):
    response = client.get(reverse("consultations:events", args=[consultation.pk]), {"since": since})
    assert response.status_code == 200
    return response.json()["events"]


def test_a_vote_sends_the_new_counts_to_viewers(client, resident, consultation, conversation):
    statement = make_statements(conversation, "More benches please")[0]
    sign_in(client, resident)
    client.post(
        reverse("consultations:conversations:vote", args=[conversation.pk]),
        {"statement": statement.pk, "choice": "disagree"},
    )
    client.logout()
    found = [e for e in events(client, consultation) if e["type"] == live.OPINION_COUNTS]
    assert len(found) == 1
    assert found[0]["data"]["disagree"] == 1 and found[0]["data"]["statement"] == statement.pk
    # the fragment is the page's own partial, so live.js swaps it in place
    assert f'class="opinion-counts" data-statement="{statement.pk}"' in found[0]["html"]
    page = client.get(conversation.url).content.decode()
    assert f'class="opinion-counts" data-statement="{statement.pk}"' in page


def test_recomputed_groups_are_announced(client, consultation, conversation):
    statements = make_statements(conversation, "One statement here", "Two statement here", "Three here")
    for n in range(8):
        voter = UserFactory(roles=["Residents"])
        for i, statement in enumerate(statements):
            services.cast_opinion(
                voter=voter,
                conversation=conversation,
                statement_id=statement.pk,
                choice="agree" if (i + n) % 2 else "disagree",
            )
    services.recompute(conversation.pk)
    announced = [e for e in events(client, consultation) if e["type"] == live.OPINION_GROUPS]
    assert announced[-1]["data"]["page"] == conversation.pk and announced[-1]["data"]["status"] == "ok"


def test_events_of_a_conversation_unpublished_later_are_withheld_on_replay(
    client, resident, consultation, conversation
):
    statement = make_statements(conversation, "Soon to be private")[0]
    services.cast_opinion(
        voter=resident, conversation=conversation, statement_id=statement.pk, choice="agree"
    )
    conversation.unpublish()
    replay = events(client, consultation)
    assert [e["type"] for e in replay if e["seq"] == 1] == [live.WITHHELD]
    assert all("Soon to be private" not in str(e) for e in replay)


def test_live_js_handles_the_conversation_events():
    from pathlib import Path

    script = Path("static/js/live.js").read_text()
    assert '"opinion.counts": opinionCounts' in script and '"opinion.groups": opinionGroups' in script
    assert {live.OPINION_COUNTS, live.OPINION_GROUPS} <= live.EVENT_TYPES
