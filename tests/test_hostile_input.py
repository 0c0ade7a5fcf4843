"""Hostile input never gives a 5xx, and refused input saves nothing, on every Civic URL and socket action.

Every query parameter and form field Civic reads is driven with a table of hostile values (digits
that are not ASCII, integers beyond 64 bits, NUL bytes, unbalanced quotes, search operator syntax,
characters XML 1.0 forbids, invalid UTF-8, very long text). A test at the end checks the table names
every URL Civic itself routes, so a new URL cannot be forgotten here."""

import json
import uuid
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from api.models import ApiToken
from civic.models import WardCouncillor
from consultations.models import (
    Comment,
    Flag,
    ModerationDecision,
    OpinionVote,
    Statement,
    SurveyResponse,
    Vote,
)
from mapping.models import IssueReport, StatusChange
from mapping.services import confirmation_token, issue_partner_key
from search.models import SavedSearch
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, make_conversation, make_proposal, make_statements
from tests.consultations.surveys.factories import make_survey
from tests.mapping.factories import CategoryFactory, ReportFactory, make_council
from tests.support.auth import sign_in

NUMBERS = ["²", "٣", "１２", "9" * 25, "-1", "0", "1e999", "NaN", "inf", "0x1F", "1.5", " 7 "]
TEXT = [
    "\x00",
    "a\x00b",
    '"',
    '"unbalanced phrase',
    "AND",
    "OR NOT",
    "NEAR(a b)",
    "*",
    "-",
    "-*",
    "a:b",
    "^2",
    "(",
    ")",
    "{}",
    "[x TO y]",
    "~",
    "\\",
    "/regex/",
    "\ufffe\uffff",
    "\x0b\x0c\x1b",
    "\u202eevil\u202c",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%_%",
    "x" * 5000,
    "",
]
HOSTILE = NUMBERS + TEXT
RAW_QUERY_VALUES = ["%ED%A0%80", "%FF%FE", "%C0%AF", "%25%00"]  # invalid UTF-8 and an encoded NUL

WRITE_MODELS = (
    Comment, Vote, Flag, ModerationDecision, IssueReport, StatusChange, SavedSearch, ApiToken, OpinionVote,
    Statement, SurveyResponse,
)  # fmt: skip


def counts():
    return {model.__name__: model.objects.count() for model in WRITE_MODELS}


@pytest.fixture
def world(consultation, proposal, officer):
    _council, west, _east = make_council()
    category = CategoryFactory(
        name="Pothole", slug="potholes", service_code="POT", organisation=officer.organisation
    )
    report = ReportFactory(category=category)
    unconfirmed = ReportFactory(
        category=category, reporter=None, contact_email="anon@example.org", awaiting_confirmation=True
    )
    comment = CommentFactory(consultation=consultation, proposal=proposal)
    _key, raw_key = issue_partner_key(organisation=officer.organisation, name="Partner app")
    resident = UserFactory(roles=["Residents"])
    admin = UserFactory(is_superuser=True, is_staff=True)
    councillor = UserFactory(roles=["Councillors"])
    WardCouncillor.objects.create(user=councillor, ward=west)
    conversation = make_conversation(consultation)
    statement = make_statements(conversation, "More benches on the high street")[0]
    return {
        "conversation": conversation,
        "statement": statement,
        "consultation": consultation,
        "proposal": proposal,
        "comment": comment,
        "report": report,
        "category": category,
        "ward": west,
        "officer": officer,
        "resident": resident,
        "admin": admin,
        "councillor": councillor,
        "api_key": raw_key,
        "draft": make_proposal(consultation, live=False),
        "token": confirmation_token(unconfirmed),
        "api_token": ApiToken.issue(organisation=officer.organisation, name="CRM", scopes=["reports:read"])[
            0
        ],
        "survey": make_survey(consultation),
    }


# (route name, path template, query parameters driven with every hostile value, who asks)
GETS = [
    ("wagtail_serve", "/", ["q", "page"], None),
    ("wagtail_serve", "{consultation_url}", ["page", "reply_to"], "resident"),
    ("wagtail_serve", "{proposal_url}", ["page", "reply_to"], "resident"),
    ("wagtail_serve", "{conversation_url}", ["view", "statement"], "resident"),
    ("consultations:conversations:similar", "/consultations/conversations/{conversation}/similar/", ["q"], None),
    ("wagtail_serve", "{index_url}", ["state", "topic", "organisation", "page"], None),
    ("site_search", "/search/", ["q", "page"], None),
    (
        "search:officer",
        "/search/officer/",
        ["q", "type", "consultation", "organisation", "ward", "stance", "moderation_state",
         "created_from", "created_to", "sort", "page"],
        "officer",
    ),  # fmt: skip
    ("search:export", "/search/officer/export.csv", ["q", "consultation", "created_from", "sort"], "officer"),
    ("mapping:report_map", "/reports/", ["category", "status", "ward", "age"], None),
    ("mapping:report_list", "/reports/list/", ["category", "status", "ward", "age", "page"], None),
    ("mapping:report_pins", "/reports/pins.geojson", ["category", "status", "ward", "age"], None),
    ("mapping:report_new", "/reports/new/", ["q", "latitude", "longitude", "place"], "resident"),
    ("mapping:report_details", "/reports/new/details/", ["latitude", "longitude", "place"], "resident"),
    ("mapping:report_details", "/reports/new/details/", ["latitude", "longitude", "place"], None),
    ("mapping:report_check_email", "/reports/new/check-email/", ["x"], None),
    ("mapping:confirm_report", "/reports/confirm/{token}/", ["x"], None),
    ("mapping:confirm_report", "/reports/confirm/not-a-token/", ["x"], None),
    ("mapping:manage_reports", "/reports/manage/", ["category", "status", "ward", "age", "mine", "page"], "officer"),
    ("mapping:export_csv", "/reports/manage/export.csv", ["category", "status", "ward", "age", "mine"], "officer"),
    ("mapping:export_geojson", "/reports/manage/export.geojson", ["status", "ward", "age", "mine"], "officer"),
    ("mapping:report_detail", "/reports/{report}/", ["x"], None),
    ("mapping:report_photo", "/reports/{report}/photo", ["x"], None),
    ("mapping:proposals_map", "/maps/proposals/", ["consultation"], None),
    ("mapping:proposal_pins", "/maps/proposals.geojson", ["consultation"], None),
    ("mapping:consultation_map", "/maps/consultations/{consultation}/", ["x"], None),
    (
        "mapping:open311_requests",
        "/open311/v2/requests.xml",
        ["service_request_id", "service_code", "status", "start_date", "end_date", "jurisdiction_id"],
        None,
    ),
    ("mapping:open311_requests", "/open311/v2/requests.json", ["service_request_id", "start_date"], None),
    ("mapping:open311_services", "/open311/v2/services.xml", ["jurisdiction_id"], None),
    ("mapping:open311_service", "/open311/v2/services/POT.xml", ["jurisdiction_id"], None),
    ("mapping:open311_request", "/open311/v2/requests/{report}.xml", ["jurisdiction_id"], None),
    ("consultations:events", "/consultations/{consultation}/events/", ["since"], None),
    ("consultations:moderation_log", "/consultations/{consultation}/moderation-log/", ["x"], None),
    ("consultations:summaries:index", "/consultations/summaries/", ["page"], "councillor"),
    ("consultations:summaries:summary", "/consultations/{consultation}/summary/", ["ward", "by"], "officer"),
    ("consultations:summaries:report", "/consultations/{consultation}/summary/report/", ["ward"], "officer"),
    ("consultations:summaries:report_pdf", "/consultations/{consultation}/summary/report.pdf", ["ward"], "officer"),
    ("consultations:summaries:comments_csv", "/consultations/{consultation}/summary/comments.csv", ["ward"], "officer"),
    ("consultations:summaries:statements_csv", "/consultations/{consultation}/summary/statements.csv", ["x"], "officer"),
    (
        "consultations:summaries:new_response",
        "/consultations/{consultation}/summary/responses/new/",
        ["theme", "proposal"],
        "officer",
    ),
    ("consultations:summaries:comment_link", "/consultations/contributions/{comment}/", ["x"], None),
    ("consultations:report_comment", "/consultations/comments/{comment}/report/", ["x"], "resident"),
    ("wagtail_serve", "{survey_url}", ["x"], "resident"),
    ("consultations:survey_check", "/consultations/surveys/{survey}/check/", ["x"], "resident"),
    ("consultations:survey_question", "/consultations/surveys/{survey}/questions/colour/", ["change"], "resident"),
    ("consultations:survey_results", "/consultations/surveys/{survey}/results/", ["x"], "officer"),
    ("consultations:survey_csv", "/consultations/surveys/{survey}/responses.csv", ["x", "personal"], "officer"),
    ("consultations:survey_check_email", "/consultations/surveys/{survey}/check-email/", ["x"], None),
    ("consultations:survey_confirm", "/consultations/surveys/confirm/not-a-token/", ["x"], None),
    ("consultations:survey_assisted", "/consultations/surveys/{survey}/assisted/", ["x"], "officer"),
    ("consultations:survey_answer", "/consultations/surveys/answers/1/why/", ["x"], "officer"),
    ("profile", "/accounts/profile/", ["x"], "resident"),
    ("close_account", "/accounts/delete/", ["x"], "resident"),
    ("personal_data_export", "/accounts/profile/my-data/not-a-token/", ["x"], "resident"),
    ("confirm_close_account", "/accounts/delete/not-a-token/", ["x"], "resident"),
    ("personal_data_export", "/accounts/profile/my-data/{uuid}:1:forged/", ["x"], "resident"),
    ("civic_erasure_requests", "/admin/erasure-requests/", ["q"], "admin"),
    ("civic_erasure_confirm", "/admin/erasure-requests/{resident}/", ["x"], "admin"),
    ("open_notification", "/accounts/notifications/1/", ["x"], "resident"),
    ("notifications_unsubscribe", "/notifications/unsubscribe/not-a-token/", ["x"], None),
    ("civic_moderation_queue", "/admin/moderation/", ["consultation", "kind", "overdue", "p"], "officer"),
    ("civic_assisted_entry", "/admin/moderation/enter-response/", ["x"], "officer"),
    ("civic_missing_translations", "/admin/translations/missing/", ["x", "p"], "officer"),
    ("comments:index", "/admin/comments/", ["q", "status", "stance", "p"], "officer"),
    ("comments:index_results", "/admin/comments/results/", ["q", "status", "p"], "officer"),
    ("issue_reports:index", "/admin/issue_reports/", ["q", "status", "p"], "admin"),
    ("issue_reports:index_results", "/admin/issue_reports/results/", ["q", "status", "p"], "officer"),
    ("issue_categories:index", "/admin/issue_categories/", ["q", "p"], "officer"),
    ("issue_categories:index_results", "/admin/issue_categories/results/", ["q", "p"], "officer"),
    ("healthz", "/healthz", ["x"], None),
    ("api:consultations", "/api/v1/consultations/", ["state", "topic", "organisation", "cursor", "page_size"], None),
    ("api:consultation", "/api/v1/consultations/{consultation}/", ["x"], None),
    ("api:summary", "/api/v1/consultations/{consultation}/summary/", ["x"], None),
    ("api:proposals", "/api/v1/proposals/", ["consultation", "cursor", "page_size"], None),
    ("api:proposal", "/api/v1/proposals/{proposal}/", ["x"], None),
    ("api:vote", "/api/v1/proposals/{proposal}/vote/", ["x"], "resident"),
    ("api:comments", "/api/v1/comments/", ["consultation", "proposal", "cursor", "page_size"], "resident"),
    ("api:comment", "/api/v1/comments/{comment}/", ["x"], None),
    ("api:responses", "/api/v1/responses/", ["consultation", "proposal", "cursor"], None),
    ("api:reports", "/api/v1/reports/", ["category", "status", "ward", "age", "cursor", "page_size"], None),
    ("api:report", "/api/v1/reports/{report}/", ["x"], None),
    ("api:report_status", "/api/v1/reports/{report}/status/", ["x"], "officer"),
    ("api:categories", "/api/v1/categories/", ["x"], None),
    ("api:wards", "/api/v1/wards/", ["x"], None),
    ("api:moderation_queue", "/api/v1/moderation/queue/", ["cursor", "page_size"], "officer"),
    ("api:moderation_decisions", "/api/v1/moderation/decisions/", ["x"], "officer"),
    ("api:schema", "/api/v1/schema/", ["format", "lang"], None),
    ("api:docs", "/api/v1/docs/", ["script", "lang"], None),
    ("api:not_found", "/api/v1/nothing/", ["x"], None),
    ("api_tokens", "/admin/api-tokens/", ["x"], "admin"),
    ("api_token_new", "/admin/api-tokens/new/", ["x"], "admin"),
    ("place_suggestions", "/places/suggest/", ["q", "kind"], None),
    ("set_language_choice", "/language/cy/", ["next"], None),
]  # fmt: skip

# (route name, path template, form fields, fixed valid fields, who posts)
POSTS = [
    ("consultations:post_comment", "/consultations/{proposal}/comment/", ["body", "stance", "parent", "client_token"],
     {"body": "A fair point about the plan.", "stance": "support", "client_token": "{uuid}"}, "resident"),
    ("consultations:post_comment", "/consultations/{draft}/comment/", ["body"],
     {"body": "Writing on a draft.", "stance": "support", "client_token": "{uuid}"}, "resident"),
    ("consultations:cast_vote", "/consultations/{proposal}/vote/", ["choice"], {"choice": "support"}, "resident"),
    ("consultations:cast_vote", "/consultations/{draft}/vote/", ["choice"], {"choice": "support"}, "resident"),
    ("consultations:follow", "/consultations/{proposal}/follow/", ["action"], {"action": "follow"}, "resident"),
    ("consultations:conversations:vote", "/consultations/conversations/{conversation}/vote/",
     ["statement", "choice", "view"], {"statement": "{statement}", "choice": "agree"}, "resident"),
    ("consultations:conversations:statement", "/consultations/conversations/{conversation}/statements/",
     ["text", "confirm"], {"text": "Open the park gates earlier", "confirm": "True"}, "resident"),
    ("consultations:conversations:moderate", "/consultations/conversations/statements/{statement}/moderate/",
     ["action"], {"action": "hide"}, "officer"),
    ("consultations:follow", "/consultations/{draft}/follow/", ["action"], {"action": "follow"}, "resident"),
    ("consultations:alert_topics", "/consultations/alerts/topics/", ["topics"], {"topics": ""}, "resident"),
    ("consultations:report_comment", "/consultations/comments/{comment}/report/", ["reason", "note"],
     {"reason": "spam", "note": ""}, "resident"),
    ("consultations:official_response", "/consultations/{consultation}/respond/", ["body", "pinned", "parent"],
     {"body": "Thank you, we will look at this."}, "officer"),
    ("consultations:thread_action", "/consultations/comments/{comment}/thread/", ["action"],
     {"action": "pin"}, "officer"),
    ("consultations:survey_answers", "/consultations/surveys/{survey}/answers/",
     ["q-colour", "q-days", "q-agree", "q-why", "q-people", "q-moved-day", "q-moved-year"],
     {"q-colour": "o1", "q-days": "d1", "q-agree": "agree", "q-why": "Tidy", "q-people": "2", "q-moved-day": "1",
      "q-moved-month": "2", "q-moved-year": "2020"}, "resident"),
    ("consultations:survey_submit", "/consultations/surveys/{survey}/submit/", ["x"], {}, "resident"),
    ("consultations:survey_question", "/consultations/surveys/{survey}/questions/colour/", ["q-colour", "change"],
     {"q-colour": "o1"}, "resident"),
    ("consultations:survey_confirm", "/consultations/surveys/confirm/not-a-token/", ["x"], {}, None),
    ("consultations:survey_assisted", "/consultations/surveys/{survey}/assisted/",
     ["channel", "respondent_name", "respondent_postcode", "consent", "q-colour", "q-why"],
     {"channel": "paper", "consent": "yes", "q-colour": "o1", "q-days": "d1", "q-agree": "agree", "q-why": "Tidy",
      "q-people": "2", "q-moved-day": "1", "q-moved-month": "2", "q-moved-year": "2020"}, "officer"),
    ("consultations:summaries:prepare", "/consultations/{consultation}/summary/prepare/", ["x"], {}, "officer"),
    ("consultations:summaries:new_response", "/consultations/{consultation}/summary/responses/new/",
     ["you_said", "we_did", "theme", "proposal"], {"you_said": "You said", "we_did": "We did"}, "officer"),
    ("mapping:report_details", "/reports/new/details/",
     ["latitude", "longitude", "category", "title", "description", "place"],
     {"latitude": "52.9", "longitude": "-1.54", "category": "potholes", "title": "Hole", "description": "Deep"},
     "resident"),
    ("mapping:report_confirm", "/reports/new/confirm/",
     ["latitude", "longitude", "category", "title", "description", "place"],
     {"latitude": "52.9", "longitude": "-1.54", "category": "potholes", "title": "Hole", "description": "Deep"},
     "resident"),
    ("mapping:report_confirm", "/reports/new/confirm/",
     ["latitude", "longitude", "category", "title", "description", "place", "name", "email"],
     {"latitude": "52.9", "longitude": "-1.54", "category": "potholes", "title": "Hole", "description": "Deep",
      "name": "Pat", "email": "pat@example.org"},
     None),
    ("mapping:confirm_report", "/reports/confirm/{token}/", ["x"], {}, None),
    ("mapping:confirm_report", "/reports/confirm/{report}:forged/", ["x"], {}, None),
    ("mapping:add_voice", "/reports/{report}/voice/", ["x"], {}, "resident"),
    ("mapping:follow_report", "/reports/{report}/follow/", ["action", "next"], {"action": "follow"}, "resident"),
    ("mapping:hide_report", "/reports/{report}/hide/", ["hidden"], {"hidden": "1"}, "officer"),
    ("mapping:update_status", "/reports/{report}/status/", ["status-status", "status-note"],
     {"status-status": "fixed", "status-note": "Done"}, "officer"),
    ("mapping:merge_report", "/reports/{report}/merge/", ["merge-into", "merge-note"], {"merge-into": "1"}, "officer"),
    ("mapping:reassign_report", "/reports/{report}/reassign/",
     ["reassign-category", "reassign-organisation", "reassign-note"], {}, "officer"),
    ("mapping:open311_requests", "/open311/v2/requests.xml",
     ["service_code", "lat", "long", "address_string", "description", "email", "jurisdiction_id", "api_key"],
     {"api_key": "{api_key}", "service_code": "POT", "lat": "52.9", "long": "-1.54", "description": "A hole"},
     None),
    ("search:save", "/search/officer/saved/", ["name", "query"], {"name": "Mine", "query": "q=library"}, "officer"),
    ("search:delete_saved", "/search/officer/saved/{saved}/delete/", ["x"], {}, "officer"),
    ("profile", "/accounts/profile/", ["display_name"], {"display_name": "New Name"}, "resident"),
    ("download_my_data", "/accounts/profile/my-data/", ["format"], {"format": "json"}, "resident"),
    ("close_account", "/accounts/delete/", ["password"], {}, "resident"),
    ("confirm_close_account", "/accounts/delete/{resident}:x:forged/", ["x"], {}, "resident"),
    ("civic_erasure_confirm", "/admin/erasure-requests/{resident}/", ["confirm"], {}, "admin"),
    ("profile", "/accounts/profile/", ["about-consent", "about-age_band", "about-ward", "about-disability",
                                       "about-postcode"],
     {"form": "about-you", "about-consent": "on"}, "resident"),
    ("profile", "/accounts/profile/", ["notify-reply", "notify-official_response", "notify-results"],
     {"form": "notification-settings", "notify-reply": "never", "notify-official_response": "daily",
      "notify-results": "weekly"}, "resident"),
    ("mark_notifications_read", "/accounts/notifications/read/", ["x"], {}, "resident"),
    ("notifications_unsubscribe", "/notifications/unsubscribe/not-a-token/", ["List-Unsubscribe"],
     {"List-Unsubscribe": "One-Click"}, None),
    ("civic_moderation_queue", "/admin/moderation/", ["comments", "decision", "reason", "note"],
     {"comments": "{comment}", "decision": "hide", "reason": "spam"}, "officer"),
    ("civic_assisted_entry", "/admin/moderation/enter-response/",
     ["consultation", "proposal", "channel", "body", "stance", "respondent_name", "respondent_postcode"],
     {"consultation": "{consultation}", "channel": "paper", "body": "On paper", "stance": "neutral",
      "consent": "on"}, "officer"),
    ("civic_suspend", "/admin/moderation/suspend/{resident}/", ["until", "reason"],
     {"until": "2099-01-01", "reason": "Abuse"}, "admin"),
    ("api_token_new", "/admin/api-tokens/new/", ["organisation", "name", "user_email", "scopes"],
     {"organisation": "{organisation}", "name": "CRM", "scopes": "reports:read"}, "admin"),
    ("api_token_revoke", "/admin/api-tokens/{api_token}/revoke/", ["x"], {}, "admin"),
]  # fmt: skip

# Fields a valid form may leave empty (then the rest of it is saved).
OPTIONAL_FIELDS = {"email", "jurisdiction_id"}

# Routes whose hostile values may legitimately be stored (free text): checked for clean storage instead.
FREE_TEXT_FIELDS = {
    "body", "note", "description", "title", "place", "address_string", "you_said", "we_did", "name",
    "respondent_name", "status-note", "merge-note", "reassign-note", "reason", "query", "user_email", "text",
    "q-why",
}  # fmt: skip


def _fill(template: str, world) -> str:
    values = {
        "consultation": world["consultation"].pk,
        "proposal": world["proposal"].pk,
        "draft": world["draft"].pk,
        "comment": world["comment"].pk,
        "report": world["report"].pk,
        "resident": world["resident"].pk,
        "saved": world.get("saved", 0),
        "consultation_url": world["consultation"].url,
        "proposal_url": world["proposal"].url,
        "conversation": world["conversation"].pk,
        "conversation_url": world["conversation"].url,
        "statement": world["statement"].pk,
        "survey": world["survey"].pk,
        "survey_url": world["survey"].url,
        "index_url": world["consultation"].get_parent().url,
        "api_key": world["api_key"],
        "token": world["token"],
        "uuid": str(uuid.uuid4()),
        "organisation": world["officer"].organisation_id,
        "api_token": world["api_token"].pk,
    }
    return template.format(**values)


def _client_for(client, world, who):
    client.logout()
    if who:
        sign_in(client, world[who])
    return client


def _assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code}"


def _stored_text_is_clean():
    for body in Comment.objects.values_list("body", flat=True):
        assert "\x00" not in body and "\ufffe" not in body
    for text in Statement.objects.values_list("text", flat=True):
        assert "\x00" not in text and "\ufffe" not in text
    for answers, draft in SurveyResponse.objects.values_list("answers", "draft"):
        assert "\x00" not in str(answers) + str(draft) and "\ufffe" not in str(answers) + str(draft)
    for title, description, name in IssueReport.objects.values_list("title", "description", "contact_name"):
        assert "\x00" not in title + description + name and "\ufffe" not in title + description + name


@pytest.mark.parametrize(("name", "path", "params", "who"), GETS, ids=[f"{g[0]}:{g[2][0]}" for g in GETS])
def test_hostile_query_parameters_never_give_a_server_error(client, world, name, path, params, who):
    _client_for(client, world, who)
    url = _fill(path, world)
    before = counts()
    for param in params:
        for value in HOSTILE:
            response = client.get(url, {param: value})
            _assert_no_server_error(response, f"GET {url} {param}={value[:30]!r}")
        for raw in RAW_QUERY_VALUES:
            response = client.get(f"{url}?{param}={raw}")
            _assert_no_server_error(response, f"GET {url}?{param}={raw}")
    assert counts() == before, f"GET {url} wrote something"


@pytest.mark.parametrize(
    ("name", "path", "fields", "valid", "who"), POSTS, ids=[f"{p[0]}:{p[2][0]}" for p in POSTS]
)
def test_hostile_form_fields_never_give_a_server_error_and_save_nothing_invalid(
    client, world, name, path, fields, valid, who, settings
):
    # Every hostile value must reach the form: under the usual write limits only the first few
    # did, and which ones depended on when a rate-limit window turned over.
    settings.WRITE_RATE_LIMIT = settings.OPINION_VOTE_RATE_LIMIT = "100000/m"
    settings.SURVEY_PAGE_RATE_LIMIT = "100000/m"
    settings.ANONYMOUS_REPORT_RATE_LIMIT = "100000/h"
    settings.OPEN311_JURISDICTION = "northbrook.example"  # so a wrong jurisdiction_id is refused
    _client_for(client, world, who)
    world["saved"] = SavedSearch.objects.create(owner=world["officer"], name="Saved", query="q=x").pk
    for field in fields:
        for value in HOSTILE:
            url = _fill(path, world)
            data = {key: _fill(str(v), world) for key, v in valid.items()}
            data[field] = value
            before = counts()
            response = client.post(url, data)
            _assert_no_server_error(response, f"POST {url} {field}={value[:30]!r}")
            if value == "" and field in OPTIONAL_FIELDS:
                continue  # leaving an optional field empty is valid: the rest of the form is saved
            if field not in FREE_TEXT_FIELDS and value not in ("0", "1.5", " 7 "):
                assert counts() == before or response.status_code in (301, 302), (
                    f"POST {url} {field}={value[:30]!r} saved something with status {response.status_code}"
                )
    _stored_text_is_clean()


def test_hostile_json_and_xml_bodies_never_give_a_server_error(client, world):
    url = "/open311/v2/requests.json"
    for body in (b"\x00\x01", b"{" * 5000, b'{"lat": 1e999}', "\ud800".encode("utf-8", "surrogatepass")):
        for content_type in ("application/json", "application/x-www-form-urlencoded", "text/xml"):
            response = client.post(url, body, content_type=content_type)
            _assert_no_server_error(response, f"POST {url} {content_type}")


API_WRITES = [
    ("/api/v1/comments/", {"consultation": "{consultation}", "body": "A fair point", "stance": "support"}, "resident"),
    ("/api/v1/proposals/{proposal}/vote/", {"choice": "support"}, "resident"),
    ("/api/v1/reports/", {"category": "potholes", "title": "Hole", "description": "Deep", "latitude": 52.9,
                          "longitude": -1.54}, "resident"),
    ("/api/v1/reports/{report}/status/", {"status": "fixed", "note": "Done"}, "officer"),
    ("/api/v1/moderation/decisions/", {"comments": ["{comment}"], "decision": "hide", "reason": "spam"}, "officer"),
]  # fmt: skip
API_HOSTILE_JSON = [b"\x00\x01", b"{" * 5000, b'{"lat": 1e999}', "\ud800".encode("utf-8", "surrogatepass"), b"[]",
                    b"null", b'"text"', b"1e999", b'{"a": ' * 2000]  # fmt: skip


@pytest.mark.parametrize(("path", "valid", "who"), API_WRITES, ids=[w[0] for w in API_WRITES])
def test_hostile_api_bodies_never_give_a_server_error_and_save_nothing(client, world, path, valid, who):
    """Every field of every API write with every hostile value (JSON strings and numbers), then
    malformed JSON bodies: 4xx with the standard error body, and nothing saved."""
    _client_for(client, world, who)
    url = _fill(path, world)

    def filled(value):
        if isinstance(value, str):
            filled_text = _fill(value, world)
            return int(filled_text) if filled_text.isdigit() and value.startswith("{") else filled_text
        return [filled(v) for v in value] if isinstance(value, list) else value

    base = {key: filled(value) for key, value in valid.items()}
    before = counts()
    for field in [*valid, "unknown_field"]:
        for value in [*HOSTILE, 10**30, -1, 1.5, None, True, [], {}]:
            response = client.post(url, json.dumps({**base, field: value}), content_type="application/json")
            _assert_no_server_error(response, f"POST {url} {field}={str(value)[:30]!r}")
            if response.status_code >= 400:
                assert set(response.json()) >= {"code", "message"}, response.content[:200]
    for body in API_HOSTILE_JSON:
        response = client.post(url, body, content_type="application/json")
        _assert_no_server_error(response, f"POST {url} {body[:20]!r}")
        assert response.status_code == 400 and response.json()["code"] in {"parse_error", "invalid"}
    after = counts()
    changed = {name for name in before if after[name] != before[name]}
    assert changed <= {
        "Comment",
        "IssueReport",
        "StatusChange",
        "ModerationDecision",
        "Vote",
    }  # free text saved
    _stored_text_is_clean()


def test_open311_xml_always_parses(client, world):
    from xml.etree import ElementTree

    IssueReport.objects.filter(pk=world["report"].pk).update(
        description="Legacy row with \x0b a vertical tab and \ufffe a non-character", location_text="\x01"
    )
    for path in (
        "/open311/v2/requests.xml",
        f"/open311/v2/requests/{world['report'].pk}.xml",
        "/open311/v2/services.xml",
        f"/open311/v2/requests.xml?service_request_id={quote('²')}",
    ):
        response = client.get(path)
        assert response.status_code < 500
        ElementTree.fromstring(response.content)  # raises on characters XML 1.0 forbids


def test_every_civic_url_is_driven_here():
    """A new Civic URL must be added to GETS or POSTS (Wagtail's own admin and allauth are theirs)."""
    driven = {g[0] for g in GETS} | {p[0] for p in POSTS}
    ours = set()

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace and pattern.namespace
                    else (pattern.namespace or namespace)
                )
                walk(pattern, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                module = getattr(pattern.callback, "__module__", "")
                if module.split(".")[0] in {"civic", "consultations", "mapping", "search", "api", "project"}:
                    ours.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver())
    # Wagtail's generic admin views (add, edit, delete, history, usage) subclassed only to add the
    # organisation walls take ids from the URL (bounded by the converter) and Wagtail's own forms.
    generic = {"add", "edit", "inspect", "delete", "history", "history_results", "usage"}
    wagtail_generic = {name for name in ours if ":" in name and name.rsplit(":", 1)[1] in generic
                       and name.split(":")[0] in {"comments", "issue_reports", "issue_categories"}}  # fmt: skip
    missing = sorted(ours - driven - wagtail_generic - {"consultations:summaries:theme"})
    assert not missing, f"add these URLs to the hostile-input table: {missing}"


# Websocket actions --------------------------------------------------------------------------------

SOCKET_FIELDS = {
    "comment": ["body", "stance", "proposal", "parent", "client_token", "ref"],
    "vote": ["proposal", "choice", "ref"],
    "ping": ["ref"],
}


@pytest.fixture
def _keep_test_connection(monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def test_hostile_socket_frames_keep_the_socket_open_and_save_nothing_invalid(
    _keep_test_connection, world, settings
):
    from asgiref.sync import async_to_sync
    from channels.db import database_sync_to_async

    from tests.consultations.live_helpers import communicator, receive_until, session_cookie

    settings.LIVE_FRAME_RATE = "100000/m"
    settings.WRITE_RATE_LIMIT = "100000/m"
    consultation, proposal = world["consultation"], world["proposal"]
    cookie = session_cookie(world["resident"])
    frames = []
    for action, fields in SOCKET_FIELDS.items():
        base = {"action": action, "body": "A fair point.", "stance": "support", "proposal": proposal.pk,
                "choice": "support"}  # fmt: skip
        for field in fields:
            for value in HOSTILE + [10**30, -(10**30), 1.5, None, [], {}, True]:
                frames.append((field, {**base, field: value}))
    raw_frames = [
        "[" * 3000 + "]" * 3000,
        '{"action": "comment", "body": "\\ud800"}',
        '{"a":' * 2000,
        "\x00",
        "null",
    ]

    async def scenario():
        before = await database_sync_to_async(counts)()
        comm = communicator(consultation.pk, since=0, cookie=cookie)
        connected, _ = await comm.connect(timeout=5)
        assert connected
        await receive_until(comm, "hello")
        for field, frame in frames:
            await comm.send_to(text_data=json.dumps(frame))
            reply = await receive_until_reply(comm)
            assert reply["type"] in ("ack", "error", "pong"), (field, frame, reply)
            value = frame[field]
            if reply["type"] == "ack" and field not in ("body", "ref") and frame["action"] != "ping":
                # only a valid value, or an empty optional one meaning "the default", may be accepted
                assert value in (proposal.pk, "support") or value in (None, "", [], {}), (field, frame, reply)
        for text in raw_frames:
            await comm.send_to(text_data=text)
            reply = await receive_until_reply(comm)
            assert reply["type"] == "error"
        await comm.send_to(text_data=json.dumps({"action": "ping", "ref": "still-open"}))
        pong = await receive_until(comm, "pong")
        assert pong["data"]["ref"] == "still-open"
        await comm.disconnect()
        after = await database_sync_to_async(counts)()
        assert after["Vote"] - before["Vote"] <= 1

    async def receive_until_reply(comm):
        while True:
            message = json.loads(await comm.receive_from(timeout=5))
            if message["type"] in ("ack", "error", "pong"):
                return message

    async_to_sync(scenario)()
    _stored_text_is_clean()


@pytest.mark.parametrize("since", ["²", "9" * 40, "-1", "%00", "1e9", "NaN", "%ED%A0%80"])
def test_hostile_since_at_connect_closes_cleanly(_keep_test_connection, world, since):
    from asgiref.sync import async_to_sync

    from tests.consultations.live_helpers import communicator

    async def scenario():
        comm = communicator(world["consultation"].pk, raw_since=since)
        connected, code = await comm.connect(timeout=5)
        if connected:
            message = json.loads(await comm.receive_from(timeout=5))
            assert message["type"] in ("error", "hello", "reload")
        await comm.disconnect()

    async_to_sync(scenario)()
