"""The responses CSV: one row per counted response with its channel, formula-safe, and who answered
only on request by the roles allowed to see it (officers of the owning organisations, admins)."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import SurveyResponse
from consultations.surveys import assisted, services
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.surveys.factories import make_survey, valid_post
from tests.support.auth import sign_in


@pytest.fixture
def survey(consultation):
    return make_survey(consultation)


@pytest.fixture
def answered(survey, resident, officer):
    services.save_answers(user=resident, survey=survey, data={**valid_post(), "q-why": "=HYPERLINK(1)"})
    services.submit_response(user=resident, survey=survey)
    assisted.enter_response(
        officer=officer,
        survey=survey,
        data=valid_post(),
        channel="phone",
        respondent_name="@Pat Phone",
        respondent_postcode="NB1 2AB",
        consent=True,
    )
    SurveyResponse.objects.create(  # sent without an account, waiting for its link: not counted
        survey=survey, answers={"colour": "o1"}, submitted_at=timezone.now(), awaiting_confirmation=True
    )
    return survey


def download(client, survey, query=""):
    response = client.get(reverse("consultations:survey_csv", args=[survey.pk]) + query)
    if response.status_code != 200:
        return response.status_code, []
    return 200, list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_export_has_one_row_per_counted_response_with_its_channel_and_no_personal_data(
    client, answered, officer, resident
):
    sign_in(client, officer)
    status, rows = download(client, answered)
    assert status == 200
    header, *body = rows
    assert header[:3] == ["response_id", "submitted_at", "channel"] and "account_email" not in header
    assert sorted(row[2] for row in body) == ["online", "phone"]
    assert body[0][6] == "'=HYPERLINK(1)"  # formula-safe
    flat = str(rows)
    assert resident.email not in flat and "Pat Phone" not in flat and "NB1 2AB" not in flat


def test_officer_of_the_consultation_may_export_who_answered(client, answered, officer, resident):
    sign_in(client, officer)
    status, rows = download(client, answered, "?personal=1")
    assert status == 200
    header, online, phone = rows
    assert header[-6:] == services.PERSONAL_COLUMNS
    assert online[-6:] == [resident.email, resident.display_name, "", "", "", "no"]
    assert phone[-6:] == ["", "", "'@Pat Phone", "NB1 2AB", officer.email, "yes"]  # formula-safe too
    results = client.get(reverse("consultations:survey_results", args=[answered.pk])).content.decode()
    assert "?personal=1" in results


@pytest.mark.parametrize("role", ["Moderators", "Councillors", "Officers elsewhere"])
def test_other_roles_may_not_export_who_answered(client, answered, organisation, resident, role):
    if role == "Officers elsewhere":
        user = UserFactory(roles=["Officers"], organisation=OrganisationFactory())
        expected_plain = 403  # they may not read the results at all
    else:
        user = UserFactory(roles=[role], organisation=organisation)
        expected_plain = 200
    sign_in(client, user)
    assert download(client, answered, "?personal=1") == (403, [])
    status, rows = download(client, answered)
    assert status == expected_plain
    assert resident.email not in str(rows)
    if status == 200:
        results = client.get(reverse("consultations:survey_results", args=[answered.pk])).content.decode()
        assert "?personal=1" not in results


def test_personal_export_is_refused_to_residents_even_after_results_are_published(
    client, answered, resident, consultation
):
    consultation.results_published = True
    consultation.save()
    sign_in(client, resident)
    assert download(client, answered)[0] == 200
    assert download(client, answered, "?personal=1") == (403, [])
