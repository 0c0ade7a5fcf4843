"""Each endpoint: what the public reads, what each role and token scope may write, and what is refused."""

import json

import pytest
from django.utils import timezone

from api.models import ApiToken
from consultations.models import Comment, Vote
from mapping.models import IssueReport, StatusChange
from tests.api.conftest import bearer
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, make_consultation, make_proposal
from tests.mapping.factories import CategoryFactory, ReportFactory, make_council
from tests.support.auth import sign_in


def post(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


# Public reads -------------------------------------------------------------------------------------


def test_consultations_list_shows_published_ones_with_the_web_filters(
    client, index, consultation, organisation
):
    make_consultation(index, "open", live=False)  # a draft
    closed = make_consultation(index, "closed", lead_organisation=organisation)
    ids = [c["id"] for c in results(client.get("/api/v1/consultations/"))]
    assert consultation.pk in ids and closed.pk in ids and len(ids) == 2
    assert [c["id"] for c in results(client.get("/api/v1/consultations/?state=open"))] == [consultation.pk]
    first = results(client.get("/api/v1/consultations/?state=open"))[0]
    assert first["state"] == "open" and first["lead_organisation"]["slug"] == "northbrook"
    assert {o["slug"] for o in first["partner_organisations"]} == {"northbrook-nhs"}
    by_partner = results(client.get("/api/v1/consultations/?organisation=northbrook-nhs"))
    assert [c["id"] for c in by_partner] == [consultation.pk]
    assert results(client.get("/api/v1/consultations/?topic=unknown")) == []


def test_draft_consultation_and_its_proposals_are_404(client, index):
    draft = make_consultation(index, "open", live=False)
    proposal = make_proposal(draft)
    assert client.get(f"/api/v1/consultations/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/proposals/{proposal.pk}/").status_code == 404
    assert client.get(f"/api/v1/proposals/?consultation={draft.pk}").json()["results"] == []


def test_proposals_carry_live_tallies(client, proposal, make_user):
    for choice in ("support", "support", "oppose"):
        Vote.objects.create(proposal=proposal, user=make_user(), choice=choice)
    row = client.get(f"/api/v1/proposals/{proposal.pk}/").json()
    assert row["tally"] == {"support": 2, "oppose": 1, "total": 3}
    assert row["consultation"] == proposal.get_parent().pk


def test_comments_are_published_only_with_display_names_only(client, consultation, make_user):
    author = make_user(display_name="Green Fox", first_name="Alice", last_name="Secret")
    CommentFactory(consultation=consultation, author=author, body="Visible point")
    CommentFactory(consultation=consultation, status=Comment.Status.PENDING, body="Waiting point")
    CommentFactory(consultation=consultation, status=Comment.Status.HIDDEN, body="Hidden point")
    rows = results(client.get(f"/api/v1/comments/?consultation={consultation.pk}"))
    assert [r["body"] for r in rows] == ["Visible point"]
    assert rows[0]["author"] == "Green Fox"
    text = json.dumps(rows)
    assert "Alice" not in text and "Secret" not in text and author.email not in text


def test_comments_on_a_draft_proposal_are_not_listed(client, consultation):
    draft = make_proposal(consultation, live=False)
    hidden = CommentFactory(consultation=consultation, proposal=draft)
    assert results(client.get("/api/v1/comments/")) == []
    assert client.get(f"/api/v1/comments/{hidden.pk}/").status_code == 404


def test_responses_are_official_comments_only(client, consultation, organisation):
    CommentFactory(consultation=consultation)
    official = CommentFactory(consultation=consultation, is_official=True, organisation=organisation)
    rows = results(client.get("/api/v1/responses/"))
    assert [r["id"] for r in rows] == [official.pk] and rows[0]["author"] == "Northbrook Council"


def test_summary_is_404_until_results_are_published(client, consultation):
    url = f"/api/v1/consultations/{consultation.pk}/summary/"
    assert client.get(url).status_code == 404
    CommentFactory(consultation=consultation)
    consultation.results_published = True
    consultation.save_revision().publish()
    body = client.get(url).json()
    assert body["comments"] == 1 and body["themes"] == [] and body["responses"] == []


@pytest.fixture
def reports(officer):
    _council, west, _east = make_council()
    category = CategoryFactory(
        name="Pothole", slug="potholes", service_code="POT", organisation=officer.organisation
    )
    public = ReportFactory(category=category, ward=west, status="fixed")
    hidden = ReportFactory(category=category, hidden_at=timezone.now())
    unconfirmed = ReportFactory(
        category=category, reporter=None, contact_email="a@example.org", awaiting_confirmation=True
    )
    return {
        "public": public,
        "hidden": hidden,
        "unconfirmed": unconfirmed,
        "category": category,
        "ward": west,
    }


def test_reports_are_the_public_ones_with_history_and_the_web_filters(client, reports):
    rows = results(client.get("/api/v1/reports/"))
    assert [r["id"] for r in rows] == [reports["public"].pk]
    assert "reporter" not in rows[0] and "contact_email" not in rows[0]
    assert results(client.get("/api/v1/reports/?status=open")) == []
    assert len(results(client.get(f"/api/v1/reports/?ward={reports['ward'].slug}&category=potholes"))) == 1
    assert client.get(f"/api/v1/reports/{reports['hidden'].pk}/").status_code == 404
    assert client.get(f"/api/v1/reports/{reports['unconfirmed'].pk}/").status_code == 404
    detail = client.get(f"/api/v1/reports/{reports['public'].pk}/").json()
    assert "history" in detail


def test_categories_and_wards(client, reports):
    assert [c["slug"] for c in client.get("/api/v1/categories/").json()] == ["potholes"]
    assert reports["ward"].slug in [w["slug"] for w in client.get("/api/v1/wards/").json()]


# Conventions --------------------------------------------------------------------------------------


def test_cursor_pages_follow_next_links_without_repeats(client, consultation):
    for i in range(5):
        CommentFactory(consultation=consultation, body=f"Point {i}")
    seen, url = [], "/api/v1/comments/?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [r["id"] for r in body["results"]]
        url = body["next"]
    assert len(seen) == 5 and len(set(seen)) == 5


@pytest.mark.parametrize(
    "query",
    ["cursor=not-a-cursor", "cursor=%FF", "page_size=0", "page_size=101", "page_size=99999999999999999999",
     "page_size=²", "state=nonsense", "state=", "consultation=abc", "consultation=-1",
     "consultation=9999999999999999999"],
)  # fmt: skip
def test_bad_query_values_are_400_with_the_error_body(client, consultation, query):
    path = "/api/v1/consultations/" if query.startswith("state") else "/api/v1/comments/"
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and body["message"]


def test_etag_gives_304_until_something_changes(client, consultation):
    first = client.get("/api/v1/comments/")
    tag = first["ETag"]
    assert client.get("/api/v1/comments/", HTTP_IF_NONE_MATCH=tag).status_code == 304
    CommentFactory(consultation=consultation)
    changed = client.get("/api/v1/comments/", HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_unknown_api_url_and_wrong_method_answer_in_json(client, db):
    missing = client.get("/api/v1/nothing-here/")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = client.delete("/api/v1/consultations/")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"


def test_cors_is_off_by_default_and_on_for_listed_origins(client, settings, home):
    assert "Access-Control-Allow-Origin" not in client.get(
        "/api/v1/wards/", HTTP_ORIGIN="https://gis.example"
    )
    settings.CORS_ALLOWED_ORIGINS = ["https://gis.example"]
    response = client.get("/api/v1/wards/", HTTP_ORIGIN="https://gis.example")
    assert response["Access-Control-Allow-Origin"] == "https://gis.example"
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN="https://gis.example")


def test_list_queries_are_bounded(client, consultation, proposal, make_user, django_assert_max_num_queries):
    for i in range(30):
        CommentFactory(consultation=consultation, proposal=proposal if i % 2 else None, author=make_user())
    # Public pages are read first (view restrictions, drafts, ids), then one query for the page.
    with django_assert_max_num_queries(8):  # + the locales, looked up by each test (conftest)
        assert len(results(client.get("/api/v1/comments/?page_size=30"))) == 30
    with django_assert_max_num_queries(5):
        assert (
            len(results(client.get(f"/api/v1/comments/?consultation={consultation.pk}&page_size=30"))) == 30
        )
    for i in range(8):
        make_proposal(consultation, title=f"Extra {i}")
    with django_assert_max_num_queries(8):
        assert len(results(client.get("/api/v1/proposals/"))) == 9
    with django_assert_max_num_queries(8):
        results(client.get("/api/v1/consultations/"))


# Tokens -------------------------------------------------------------------------------------------


def test_wrong_or_revoked_token_is_401_never_anonymous(client, organisation):
    assert client.get("/api/v1/wards/", **bearer("civic_wrong")).status_code == 401
    token, raw = ApiToken.issue(organisation=organisation, name="CRM", scopes=["reports:read"])
    assert client.get("/api/v1/wards/", **bearer(raw)).status_code == 200
    token.revoke()
    response = client.get("/api/v1/wards/", **bearer(raw))
    assert response.status_code == 401 and response.json()["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_token_needs_the_scope_of_what_it_reads(client, make_token, consultation):
    raw = make_token(["reports:read"])
    assert client.get("/api/v1/wards/", **bearer(raw)).status_code == 200
    refused = client.get("/api/v1/comments/", **bearer(raw))
    assert refused.status_code == 403 and refused.json()["code"] == "missing_scope"


def test_token_records_when_it_was_last_used_and_stores_only_a_hash(client, organisation):
    token, raw = ApiToken.issue(organisation=organisation, name="CRM", scopes=["reports:read"])
    assert raw not in token.key_hash and token.last_used_at is None
    client.get("/api/v1/wards/", **bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_rate_limit_answers_429(client, settings, make_token, pinned_clock):
    settings.API_TOKEN_RATE_LIMIT = "2/m"
    raw = make_token(["reports:read"])
    assert [client.get("/api/v1/wards/", **bearer(raw)).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/v1/wards/", **bearer(raw)).json()["code"] == "throttled"


# Votes and comments -------------------------------------------------------------------------------


def test_vote_with_a_token_acting_as_a_resident(client, proposal, verified_resident, make_token):
    raw = make_token(["votes:write"], user=verified_resident)
    response = post(client, f"/api/v1/proposals/{proposal.pk}/vote/", {"choice": "support"}, **bearer(raw))
    assert response.status_code == 200, response.content
    assert response.json()["tally"] == {"support": 1, "oppose": 0, "total": 1}
    assert Vote.objects.get(proposal=proposal).user == verified_resident


def test_vote_refusals(client, proposal, verified_resident, make_token, index):
    url = f"/api/v1/proposals/{proposal.pk}/vote/"
    assert post(client, url, {"choice": "support"}).status_code == 401  # no account
    read_only = make_token(["votes:write"])  # a write scope without an account still cannot write
    assert post(client, url, {"choice": "support"}, **bearer(read_only)).status_code == 401
    no_scope = make_token(["comments:write"], user=verified_resident)
    assert post(client, url, {"choice": "support"}, **bearer(no_scope)).json()["code"] == "missing_scope"
    raw = make_token(["votes:write"], user=verified_resident)
    closed = make_proposal(make_consultation(index, "closed"))
    refused = post(client, f"/api/v1/proposals/{closed.pk}/vote/", {"choice": "support"}, **bearer(raw))
    assert refused.status_code == 403 and "closed" in refused.json()["message"]
    draft = make_proposal(proposal.get_parent().specific, live=False)
    assert (
        post(client, f"/api/v1/proposals/{draft.pk}/vote/", {"choice": "support"}, **bearer(raw)).status_code
        == 404
    )
    assert Vote.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        '{"choice": "support", "extra": 1}',
        '{"choice": 5}',
        '{"choice": "maybe"}',
        "{bad json",
        "[]",
        '"support"',
        "{}",
    ],
)
def test_bad_vote_bodies_are_400_and_save_nothing(client, proposal, verified_resident, make_token, body):
    raw = make_token(["votes:write"], user=verified_resident)
    response = client.post(
        f"/api/v1/proposals/{proposal.pk}/vote/", body, content_type="application/json", **bearer(raw)
    )
    assert response.status_code == 400
    assert set(response.json()) >= {"code", "message"}
    assert Vote.objects.count() == 0


def test_form_encoded_body_is_refused(client, proposal, verified_resident, make_token):
    raw = make_token(["votes:write"], user=verified_resident)
    response = client.post(f"/api/v1/proposals/{proposal.pk}/vote/", {"choice": "support"}, **bearer(raw))
    assert response.status_code == 415 and response.json()["code"] == "unsupported_media_type"


def test_resident_session_posts_a_comment_with_csrf_only(consultation, verified_resident):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    sign_in(browser, verified_resident)
    data = {"consultation": consultation.pk, "body": "Please keep the library open."}
    refused = post(browser, "/api/v1/comments/", data)
    assert refused.status_code == 403 and "CSRF" in refused.json()["message"]
    token = _csrf(browser)
    created = post(browser, "/api/v1/comments/", data, HTTP_X_CSRFTOKEN=token)
    assert created.status_code == 201, created.content
    assert created.json()["author"] == verified_resident.public_name
    assert Comment.objects.get().author == verified_resident


def _csrf(browser):
    """The CSRF cookie a page of the site sets, which its scripts send back as X-CSRFToken."""
    secret = "a" * 32  # the form of a CSRF secret; Django compares the header with the cookie
    browser.cookies["csrftoken"] = secret
    return secret


def test_comment_rate_limit_is_the_web_one(
    client, consultation, verified_resident, make_token, settings, pinned_clock
):
    settings.WRITE_RATE_LIMIT = "1/m"
    raw = make_token(["comments:write"], user=verified_resident)
    first = post(
        client, "/api/v1/comments/", {"consultation": consultation.pk, "body": "First point"}, **bearer(raw)
    )
    second = post(
        client, "/api/v1/comments/", {"consultation": consultation.pk, "body": "Second point"}, **bearer(raw)
    )
    assert first.status_code == 201 and second.status_code == 429
    assert second.json()["code"] == "rate_limited" and Comment.objects.count() == 1


def test_unverified_account_cannot_comment_through_a_token(client, consultation, make_token):
    unverified = UserFactory(roles=["Residents"], verified=False)
    raw = make_token(["comments:write"], user=unverified)
    response = post(
        client, "/api/v1/comments/", {"consultation": consultation.pk, "body": "Hello there"}, **bearer(raw)
    )
    assert response.status_code == 403 and Comment.objects.count() == 0


# Officers: report status and moderation -------------------------------------------------------------


def test_officer_token_changes_a_report_status_with_an_authenticator(
    client, reports, officer_with_authenticator, make_token
):
    raw = make_token(["reports:manage"], user=officer_with_authenticator)
    url = f"/api/v1/reports/{reports['public'].pk}/status/"
    response = post(client, url, {"status": "closed", "note": "Resurfaced."}, **bearer(raw))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "closed"
    assert StatusChange.objects.filter(
        report=reports["public"], to_status="closed", officer=officer_with_authenticator
    ).exists()


def test_officer_token_without_an_authenticator_has_no_staff_powers(client, reports, officer, make_token):
    raw = make_token(["reports:manage"], user=officer)
    response = post(
        client, f"/api/v1/reports/{reports['public'].pk}/status/", {"status": "closed"}, **bearer(raw)
    )
    assert response.status_code == 403
    assert IssueReport.objects.get(pk=reports["public"].pk).status == "fixed"


def test_other_organisations_officer_cannot_change_status(client, reports, partner, make_token):
    from tests.support.auth import give_authenticator

    other = UserFactory(roles=["Officers"], organisation=partner)
    give_authenticator(other)
    raw = make_token(["reports:manage"], user=other, org=partner)
    response = post(
        client, f"/api/v1/reports/{reports['public'].pk}/status/", {"status": "closed"}, **bearer(raw)
    )
    assert response.status_code == 403


def test_resident_reports_a_problem_through_the_service(client, reports, verified_resident, make_token):
    raw = make_token(["reports:write"], user=verified_resident)
    data = {
        "category": "potholes",
        "title": "Hole by the school",
        "description": "Deep",
        "latitude": 52.9,
        "longitude": -1.54,
    }
    response = post(client, "/api/v1/reports/", data, **bearer(raw))
    assert response.status_code == 201, response.content
    report = IssueReport.objects.get(pk=response.json()["id"])
    assert report.reporter == verified_resident and report.history.count() == 1
    unknown = post(client, "/api/v1/reports/", {**data, "category": "nope"}, **bearer(raw))
    assert unknown.status_code == 400 and unknown.json()["fields"]["category"]


def test_moderation_queue_and_decision_for_an_officer_token(
    client, consultation, officer_with_authenticator, make_token
):
    waiting = CommentFactory(
        consultation=consultation, status=Comment.Status.PENDING, needs_review=True, queued_at=timezone.now()
    )
    raw = make_token(["moderation:read", "moderation:write"], user=officer_with_authenticator)
    queue = results(client.get("/api/v1/moderation/queue/", **bearer(raw)))
    assert [row["id"] for row in queue] == [waiting.pk]
    response = post(
        client,
        "/api/v1/moderation/decisions/",
        {"comments": [waiting.pk], "decision": "approve"},
        **bearer(raw),
    )
    assert response.status_code == 200, response.content
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.PUBLISHED and not waiting.needs_review


def test_the_schema_gives_the_moderation_note_limit_the_service_keeps(client):
    from consultations.moderation import MAX_NOTE

    schema = client.get("/api/v1/schema/?format=json").json()
    note = schema["components"]["schemas"]["DecisionCreateRequest"]["properties"]["note"]
    assert note["maxLength"] == MAX_NOTE


def test_moderation_is_refused_to_residents_and_anonymous(
    client, consultation, verified_resident, make_token
):
    waiting = CommentFactory(
        consultation=consultation, status=Comment.Status.PENDING, needs_review=True, queued_at=timezone.now()
    )
    assert client.get("/api/v1/moderation/queue/").status_code == 401
    raw = make_token(["moderation:read", "moderation:write"], user=verified_resident)
    assert client.get("/api/v1/moderation/queue/", **bearer(raw)).status_code == 403
    response = post(
        client,
        "/api/v1/moderation/decisions/",
        {"comments": [waiting.pk], "decision": "approve"},
        **bearer(raw),
    )
    assert response.status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.PENDING


def _other_script_digits(number: int) -> str:
    """The id in Arabic-Indic digits: Python's int() reads them, no URL or web form of Civic does."""
    return str(number).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def test_ids_in_a_comment_body_are_ascii_digits_only(client, consultation, verified_resident, make_token):
    raw = make_token(["comments:write"], user=verified_resident)
    body = {"consultation": _other_script_digits(consultation.pk), "body": "A point in another script"}
    refused = post(client, "/api/v1/comments/", body, **bearer(raw))
    assert refused.status_code == 400 and "consultation" in refused.json()["fields"], refused.content
    assert Comment.objects.count() == 0
    ascii_body = {**body, "consultation": str(consultation.pk)}
    accepted = post(client, "/api/v1/comments/", ascii_body, **bearer(raw))
    assert accepted.status_code == 201 and Comment.objects.count() == 1
