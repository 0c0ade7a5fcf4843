"""Paragraph comments through the API: proposals list paragraphs, comments name theirs, bad ids refused."""

import json

from wagtail.rich_text import RichText

from consultations.models import Comment
from tests.api.conftest import bearer
from tests.consultations.factories import make_proposal


def post(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def test_proposals_list_their_paragraphs_and_comments_name_theirs(
    client, consultation, verified_resident, make_token
):
    proposal = make_proposal(
        consultation,
        proposed_change=[
            ("paragraph", RichText("<p>Open late.</p>")),
            ("paragraph", RichText("<p>Close Mondays.</p>")),
        ],
    )
    listed = client.get(f"/api/v1/proposals/{proposal.pk}/").json()["paragraphs"]
    assert [(p["number"], p["text"]) for p in listed] == [(1, "Open late."), (2, "Close Mondays.")]
    second = listed[1]["id"]
    raw = make_token(["comments:write"], user=verified_resident)
    data = {
        "consultation": consultation.pk,
        "proposal": proposal.pk,
        "paragraph": second,
        "body": "Not Mondays.",
    }
    created = post(client, "/api/v1/comments/", data, **bearer(raw))
    assert created.status_code == 201, created.content
    assert created.json()["paragraph"] == {"id": second, "text": "Close Mondays."}
    whole = post(client, "/api/v1/comments/", {**data, "paragraph": "", "body": "All of it."}, **bearer(raw))
    assert whole.json()["paragraph"] is None
    shown = client.get(f"/api/v1/comments/?proposal={proposal.pk}").json()["results"]
    assert {c["body"]: c["paragraph"] for c in shown} == {
        "Not Mondays.": {"id": second, "text": "Close Mondays."},
        "All of it.": None,
    }


def test_a_paragraph_of_another_proposal_is_refused_with_nothing_saved(
    client, consultation, verified_resident, make_token
):
    ours = make_proposal(consultation)
    theirs = make_proposal(consultation)
    raw = make_token(["comments:write"], user=verified_resident)
    data = {
        "consultation": consultation.pk,
        "proposal": ours.pk,
        "paragraph": theirs.paragraphs()[0].id,
        "body": "Sneaky.",
    }
    refused = post(client, "/api/v1/comments/", data, **bearer(raw))
    assert refused.status_code == 400, refused.content
    assert "not part of this proposal" in refused.json()["message"]
    too_long = post(client, "/api/v1/comments/", {**data, "paragraph": "p" * 37}, **bearer(raw))
    assert too_long.status_code == 400
    assert not Comment.objects.exists()


def test_the_schema_documents_the_paragraph(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "ParagraphRef" in schema and "The proposal paragraph this comment is about" in schema
