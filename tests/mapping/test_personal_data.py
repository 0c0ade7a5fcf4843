"""Mapping's part of 'download my data': own reports with photo and progress, followed reports;
never the officer who changed a report or who else follows it."""

import json

from django.utils import timezone

from mapping import personal_data
from tests.civic.factories import UserFactory
from tests.mapping.factories import ReportFactory, history


def test_reports_carry_photo_address_progress_and_follower_count(council, potholes, resident):
    officer = UserFactory(roles=["Officers"], display_name="OfficerOlu", email="olu@council.example")
    follower = UserFactory(display_name="FollowerFay", email="fay@example.org")
    report = ReportFactory(
        category=potholes, reporter=resident, title="Hole on Mill Lane", photo="reports/x.jpg"
    )
    report.followers.add(follower)
    history(report, "acknowledged", officer=officer, note="A crew will look this week.")
    [row] = personal_data.reports(resident)
    assert row["title"] == "Hole on Mill Lane" and row["category"] == "Pothole"
    assert row["ward"] == "West Ward"
    assert row["photo"].endswith(f"/reports/{report.pk}/photo")
    assert row["address"].endswith(f"/reports/{report.pk}/")
    assert row["followers"] == 1
    assert [(step["status"], step["note"]) for step in row["progress"]] == [
        ("Acknowledged", "A crew will look this week.")
    ]
    dumped = json.dumps(row)
    for theirs in ("OfficerOlu", "olu@council.example", "FollowerFay", "fay@example.org"):
        assert theirs not in dumped


def test_a_hidden_reports_photo_is_kept_but_has_no_address(council, potholes, resident):
    ReportFactory(category=potholes, reporter=resident, photo="reports/x.jpg", hidden_at=timezone.now())
    [row] = personal_data.reports(resident)
    assert row["hidden_by_an_officer"] is True
    assert row["address"] is None and "/photo" not in row["photo"]


def test_followed_reports_name_only_what_is_still_public(council, potholes, resident):
    public = ReportFactory(category=potholes, title="Broken light")
    hidden = ReportFactory(category=potholes, title="Names my neighbour", hidden_at=timezone.now())
    public.followers.add(resident)
    hidden.followers.add(resident)
    ReportFactory(category=potholes).followers.add(UserFactory())  # someone else's
    rows = personal_data.followed_reports(resident)
    assert [(row["id"], row["title"]) for row in rows] == [(public.pk, "Broken light"), (hidden.pk, None)]
    assert "Names my neighbour" not in json.dumps(rows)


def test_someone_elses_reports_are_not_in_a_persons_export(council, potholes, resident):
    ReportFactory(category=potholes, title="Not mine")
    assert personal_data.reports(resident) == []


def test_reports_cost_the_same_queries_for_one_or_many(
    council, potholes, resident, django_assert_max_num_queries
):
    for _ in range(5):
        history(ReportFactory(category=potholes, reporter=resident), "fixed")
    with django_assert_max_num_queries(2):
        assert len(personal_data.reports(resident)) == 5
