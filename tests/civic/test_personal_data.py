"""'Download my data': the whole export through the account page, what it leaves out, and who may ask."""

import json

import pytest
from django.urls import reverse

from civic import personal_data
from civic.models import ParticipantProfile
from consultations.models import Flag, ModerationDecision
from search.models import SavedSearch
from tests.civic.factories import UserFactory, make_council
from tests.consultations.factories import CommentFactory, VoteFactory
from tests.mapping.factories import CategoryFactory, ReportFactory, history
from tests.support.auth import sign_in

URL = "/accounts/profile/my-data/"


def download(client, fmt="json"):
    return client.post(URL, {"format": fmt})


@pytest.fixture
def neighbour(db):
    return UserFactory(
        display_name="NeighbourNed",
        email="ned@elsewhere.example",
        username="ned-private",
        first_name="Edward",
        last_name="Nedson",
        roles=["Residents"],
    )


@pytest.fixture
def everything(consultation, proposal, resident, neighbour):
    """The resident has data of every kind; the neighbour and a moderator are entangled with it."""
    _council, west, _east = make_council()
    ParticipantProfile.objects.create(
        user=resident, consented_at=resident.date_joined, age_band="25-34", ward=west
    )
    moderator = UserFactory(display_name="ModeratorMo", email="mo@council.example", roles=["Moderators"])
    mine = CommentFactory(
        consultation=consultation, proposal=proposal, author=resident, body="Longer hours please."
    )
    ModerationDecision.objects.create(
        comment=mine,
        consultation=consultation,
        moderator=moderator,
        decision="approve",
        previous_status="pending",
    )
    CommentFactory(consultation=consultation, author=neighbour, parent=mine, body="Ned disagrees strongly.")
    theirs = CommentFactory(consultation=consultation, author=neighbour, body="Ned's own comment.")
    Flag.objects.create(comment=theirs, user=resident, reason="off_topic")
    Flag.objects.create(comment=mine, user=neighbour, reason="spam", note="Ned's flag note")
    VoteFactory(proposal=proposal, user=resident)
    VoteFactory(proposal=proposal, user=neighbour)
    category = CategoryFactory(name="Pothole")
    report = ReportFactory(
        category=category, reporter=resident, title="Hole by the school", photo="reports/a.jpg"
    )
    report.followers.add(neighbour)
    history(report, "in_progress", officer=moderator, note="Booked for Tuesday.")
    followed = ReportFactory(category=category, reporter=neighbour, title="Ned's street light")
    followed.followers.add(resident)
    return {"comment": mine, "report": report, "followed": followed}


def test_json_export_holds_every_kind_of_the_persons_data(client, resident, everything):
    sign_in(client, resident)
    response = download(client)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert response["Cache-Control"] == "private, no-store"
    export = json.loads(response.content)
    assert export["format"] == "civic-personal-data" and export["version"] == 1
    assert export["account"]["email_addresses"] == [
        {"email": resident.email, "primary": True, "confirmed": True}
    ]
    assert export["account"]["display_name"] == resident.display_name
    assert export["about_you"]["age_band"] == "25 to 34" and export["about_you"]["ward"] == "West Ward"
    assert [c["text"] for c in export["comments"]] == ["Longer hours please."]
    assert export["comments"][0]["moderation"][0]["decision"] == "Approve"
    assert len(export["votes"]) == 1
    assert export["reported_comments"][0]["reason"] == "Off topic"
    [report] = export["issue_reports"]
    assert report["title"] == "Hole by the school" and report["photo"].endswith("/photo")
    assert report["progress"][0]["note"] == "Booked for Tuesday."
    assert [r["title"] for r in export["followed_reports"]] == ["Ned's street light"]
    assert "saved_searches" not in export  # residents have none
    assert resident.password not in response.content.decode()


def test_export_holds_nothing_of_anyone_else(client, resident, neighbour, everything):
    sign_in(client, resident)
    for fmt in ("json", "html"):
        text = download(client, fmt).content.decode()
        for theirs in (
            neighbour.email,
            "NeighbourNed",
            "ned-private",
            "Edward",
            "Nedson",
            "Ned disagrees strongly.",
            "Ned's own comment.",
            "Ned's flag note",
            "ModeratorMo",
            "mo@council.example",
        ):
            assert theirs not in text, (fmt, theirs)


def test_html_export_is_a_readable_page_of_the_same_data(client, resident, consultation):
    CommentFactory(consultation=consultation, author=resident, body="<script>alert(1)</script> & more")
    sign_in(client, resident)
    response = download(client, "html")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert response["Content-Disposition"].endswith('.html"')
    html = response.content.decode()
    assert '<html lang="en-GB">' in html
    for heading in ("Your account", "About you (equality details)", "Your comments and their moderation"):
        assert f"<h2>{heading}</h2>" in html
    assert resident.email in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "<script>" not in html
    assert '<th scope="col">Text</th>' in html  # comments as a table, one column per field


def test_staff_export_includes_saved_searches_once_past_the_second_factor(client, officer):
    SavedSearch.objects.create(owner=officer, name="Hospital", query="q=hospital")
    sign_in(client, officer, second_factor=False)
    refused = download(client)
    assert refused.status_code == 302 and "Content-Disposition" not in refused
    sign_in(client, officer)
    export = json.loads(download(client).content)
    assert export["saved_searches"][0]["name"] == "Hospital"
    assert export["account"]["roles"] == ["Officers"]


def test_anonymous_visitors_are_sent_to_sign_in(client, resident):
    response = download(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "Content-Disposition" not in response


def test_the_export_is_only_offered_by_a_form_post(client, resident):
    sign_in(client, resident)
    assert client.get(URL).status_code == 405
    profile = client.get(reverse("profile")).content.decode()
    assert f'action="{URL}"' in profile
    assert 'name="format" value="json"' in profile and 'name="format" value="html"' in profile


def test_repeated_exports_are_rate_limited_per_person(client, resident, make_user, settings, pinned_clock):
    settings.DATA_EXPORT_RATE_LIMIT = "2/h"
    sign_in(client, resident)
    assert download(client).status_code == 200
    assert download(client, "html").status_code == 200
    refused = download(client)
    assert refused.status_code == 429
    assert "Content-Disposition" not in refused
    assert "You have asked for your data several times recently" in refused.content.decode()
    sign_in(client, make_user(roles=["Residents"]))  # another person's limit is their own
    assert download(client).status_code == 200


def test_equality_details_are_absent_without_consent(resident):
    assert personal_data.about_you(resident) == {"shared": False}


def test_every_feature_registers_its_collector_after_the_core():
    names = [section.name for section in personal_data.sections()]
    assert names[:2] == ["account", "about_you"]
    assert {
        "comments",
        "votes",
        "reported_comments",
        "issue_reports",
        "followed_reports",
        "saved_searches",
    } <= set(names)


def test_readable_turns_rows_into_tables_and_fields_into_lists():
    node = personal_data.readable([{"a_b": 1, "c": [True, None]}, {"d": "x"}])
    assert node["kind"] == "table" and node["columns"] == ["A b", "C", "D"]
    assert node["rows"][0][1] == {
        "kind": "list",
        "items": [{"kind": "text", "value": "Yes"}, {"kind": "text", "value": "None"}],
    }
    assert node["rows"][1][0] == {"kind": "text", "value": "None"}


def test_row_sections_are_sized_by_counting_the_rows_they_list(resident, consultation, proposal):
    """A section registered as rows (civic.personal_data.Rows) never disagrees with its own size."""
    from consultations import services as consultation_services

    consultation_services.follow_page(user=resident, page=consultation)
    consultation_services.follow_page(user=resident, page=proposal)
    by_name = {section.name: section for section in personal_data.sections()}
    for name in ("comments", "reported_comments", "follows", "followed_reports"):
        section = by_name[name]
        assert section.size is not None
        assert section.size(resident) == len(section.collector(resident)), name
    assert by_name["follows"].size(resident) == 2
