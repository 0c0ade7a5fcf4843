"""Conversations in the councillor summary, the printable report, the PDF and the CSV export."""

import csv
import io

import pytest
from django.urls import reverse

from consultations.conversations import services
from consultations.conversations.models import OpinionVote
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_conversation, make_statements
from tests.support.auth import sign_in

TEXTS = ["Keep the library open", "Close the high street to cars", "Build a new car park", "Plant more trees"]


@pytest.fixture
def conversation(consultation):
    conversation = make_conversation(consultation, title="High street talk")
    statements = make_statements(conversation, *TEXTS)
    for n in range(12):  # two camps: both keep the library, they split on cars
        voter = UserFactory(roles=["Residents"])
        for statement, camp_a, camp_b in zip(statements, [1, 1, -1, 0], [1, -1, 1, 0], strict=True):
            value = camp_a if n % 2 else camp_b
            OpinionVote.objects.create(
                conversation=conversation, statement=statement, user=voter, value=value
            )
    services.recompute(conversation.pk)
    return conversation


def url(consultation, suffix=""):
    return reverse("consultations:summaries:summary", args=[consultation.pk]) + suffix


def test_summary_shows_groups_consensus_and_divisive_statements_linked(
    client, officer, consultation, conversation
):
    sign_in(client, officer)
    html = client.get(url(consultation)).content.decode()
    section = html[html.index('id="conversations"') :]
    assert "High street talk" in section and "12 people voted on 4 statements" in section
    assert "Group A: 6 people" in section and "Group B: 6 people" in section
    library = conversation.statements.get(text=TEXTS[0])
    common = section[section.index("Common ground") : section.index("Where groups differ")]
    assert f'href="{conversation.url}?view=all#statement-{library.pk}"' in common
    differ = section[section.index("Where groups differ") :]
    assert TEXTS[1] in differ and TEXTS[2] in differ
    assert 'role="img"' in section and "<caption>Agreement by group" in section
    assert "statements.csv" in html


def test_printable_report_and_pdf_carry_the_conversation(
    client, officer, consultation, conversation, monkeypatch
):
    from consultations.summaries import pdf

    sign_in(client, officer)
    assert "Common ground" in client.get(url(consultation, "report/")).content.decode()
    written = []
    original = pdf._Writer.para

    def spy(self, value, *args, **kwargs):
        written.append(str(value))
        return original(self, value, *args, **kwargs)

    monkeypatch.setattr(pdf._Writer, "para", spy)
    response = client.get(url(consultation, "report.pdf"))
    assert response.content.startswith(b"%PDF")
    text = "\n".join(written)
    assert "High street talk" in text and "Group A: 6 people" in text
    assert f"“{TEXTS[0]}” (at least" in text


def test_statements_csv_has_votes_and_group_agreement(client, officer, consultation, conversation):
    sign_in(client, officer)
    response = client.get(url(consultation, "statements.csv"))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["statement"] for r in rows] == TEXTS
    library = rows[0]
    assert (library["agree"], library["disagree"], library["pass"]) == ("12", "0", "0")
    assert library["consensus"] == "yes" and library["divisive"] == "no"
    assert rows[1]["divisive"] == "yes"
    assert {rows[1]["group_a_agree_percent"], rows[1]["group_b_agree_percent"]} == {"0", "100"}
    assert rows[1]["group_c_agree_percent"] == ""
    assert library["link"].endswith(f"?view=all#statement-{conversation.statements.get(text=TEXTS[0]).pk}")


def test_residents_cannot_download_the_statements_before_results(
    client, resident, consultation, conversation
):
    sign_in(client, resident)
    assert client.get(url(consultation, "statements.csv")).status_code == 403


def test_draft_conversations_stay_out_of_the_summary(client, officer, consultation, conversation):
    draft = make_conversation(consultation, live=False, title="Secret draft talk")
    make_statements(draft, "Nobody should read this")
    sign_in(client, officer)
    html = client.get(url(consultation)).content.decode()
    assert "Secret draft talk" not in html and "Nobody should read this" not in html


def test_summary_queries_do_not_grow_with_conversations(client, officer, consultation, conversation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in(client, officer)
    client.get(url(consultation))
    with CaptureQueriesContext(connection) as one:
        client.get(url(consultation))
    for _ in range(3):
        extra = make_conversation(consultation)
        make_statements(extra, "Another statement here", "And one more")
    with CaptureQueriesContext(connection) as four:
        client.get(url(consultation))
    assert len(four) == len(one)
