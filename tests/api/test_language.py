"""The API records and shows the language of comments and reports; an unknown language is a 400."""

from consultations.models import Comment
from mapping.models import IssueReport
from tests.api.conftest import bearer
from tests.api.test_views import post, reports  # noqa: F401 - the reports fixture
from tests.consultations.factories import CommentFactory


def test_comments_show_their_language(client, consultation, resident):
    CommentFactory(consultation=consultation, author=resident, body="Syniad da", language="cy")
    CommentFactory(consultation=consultation, author=resident, body="Good idea")
    listed = client.get("/api/v1/comments/", {"consultation": consultation.pk}).json()["results"]
    assert sorted((c["body"], c["language"]) for c in listed) == [("Good idea", "en-gb"), ("Syniad da", "cy")]


def test_comment_posted_with_a_language_keeps_it_and_an_unknown_one_is_refused(
    client, consultation, verified_resident, make_token
):
    raw = make_token(["comments:write"], user=verified_resident)
    data = {"consultation": consultation.pk, "body": "Cadwch hi ar agor."}
    created = post(client, "/api/v1/comments/", {**data, "language": "cy"}, **bearer(raw))
    assert created.status_code == 201, created.content
    assert created.json()["language"] == "cy"
    without = post(client, "/api/v1/comments/", {**data, "body": "Keep it open."}, **bearer(raw))
    assert without.status_code == 201 and without.json()["language"] == "en-gb"
    refused = post(client, "/api/v1/comments/", {**data, "language": "fr"}, **bearer(raw))
    assert refused.status_code == 400 and refused.json()["fields"]["language"]
    assert Comment.objects.count() == 2


def test_reports_show_and_take_a_language(client, reports, verified_resident, make_token):  # noqa: F811
    listed = client.get("/api/v1/reports/").json()["results"]
    assert {r["language"] for r in listed} == {"en-gb"}
    raw = make_token(["reports:write"], user=verified_resident)
    data = {
        "category": "potholes",
        "title": "Twll",
        "description": "Dwfn iawn",
        "latitude": 52.9,
        "longitude": -1.54,
    }
    created = post(client, "/api/v1/reports/", {**data, "language": "cy"}, **bearer(raw))
    assert created.status_code == 201, created.content
    assert (
        created.json()["language"] == "cy"
        and IssueReport.objects.get(pk=created.json()["id"]).language == "cy"
    )
    refused = post(client, "/api/v1/reports/", {**data, "language": "xx"}, **bearer(raw))
    assert refused.status_code == 400 and refused.json()["fields"]["language"]


def test_openapi_document_describes_the_language_fields(client):
    schemas = client.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    for name in ("Comment", "Report", "CommentCreateRequest", "ReportCreateRequest"):
        assert "language" in schemas[name]["properties"], name
    assert "language" not in schemas["CommentCreateRequest"].get("required", [])
