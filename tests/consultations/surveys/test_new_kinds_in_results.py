"""Rankings and ward questions in the councillor summary, its cross-tabulations and ward view, and
in the CSV with who answered (the question types and the results were built apart)."""

import csv
import io

import pytest
from django.utils import timezone

from civic.models import Area, ParticipantProfile, WardCouncillor
from consultations.models import SurveyResponse
from consultations.surveys import assisted, crosstabs, services
from consultations.surveys.summary import survey_summaries
from tests.civic.factories import UserFactory
from tests.consultations.surveys.factories import make_survey, options, question
from tests.support.auth import sign_in


@pytest.fixture
def wards(db):
    return [
        Area.objects.create(name="Abbey", slug="abbey", kind="ward"),
        Area.objects.create(name="Brookside", slug="brookside", kind="ward"),
    ]


@pytest.fixture
def survey(consultation, wards):
    survey = make_survey(
        consultation,
        [
            question("ranking", "rank", "Put these in order", options=options("Parks", "Roads", "Bins")),
            question("ward", "where", "Which ward do you live in?", ask="ward"),
        ],
    )
    abbey, brookside = wards
    # Abbey (25 to 34): 6 put Parks first; Brookside (75 and over): 5 put Bins first.
    for order, ward, age_band, n in (
        (["o1", "o2", "o3"], abbey, "25-34", 6),
        (["o3", "o1", "o2"], brookside, "75-plus", 5),
    ):
        for _ in range(n):
            author = UserFactory(roles=["Residents"])
            ParticipantProfile.objects.create(
                user=author, consented_at=timezone.now(), ward=ward, age_band=age_band
            )
            SurveyResponse.objects.create(
                survey=survey,
                user=author,
                answers={"rank": order, "where": str(ward.pk)},
                submitted_at=timezone.now(),
            )
    return survey


def column(tab, label):
    i = tab.groups.index(label)
    return tab.answered[i], {row.label: row.cells[i].count for row in tab.rows}


def test_a_ranking_is_cross_tabulated_by_who_put_each_option_first(survey, wards):
    counts = crosstabs.breakdown(survey, wards)
    [rank] = crosstabs.crosstabs(survey, counts, "ward")  # the ward question is not split by ward
    assert rank.question.id == "rank"
    assert column(rank, "Abbey") == (6, {"Parks": 6, "Roads": 0, "Bins": 0})
    assert column(rank, "Brookside") == (5, {"Parks": 0, "Roads": 0, "Bins": 5})


def test_a_ward_question_is_cross_tabulated_by_other_details(survey, wards):
    counts = crosstabs.breakdown(survey, wards, dimension="age_band")
    rank, where = crosstabs.crosstabs(survey, counts, "age_band")
    assert where.question.id == "where"
    assert column(where, "75 and over") == (5, {"Abbey": 0, "Brookside": 5})


def test_a_wards_own_ranking_results_have_its_average_positions(survey, wards, consultation):
    [brookside] = survey_summaries(consultation, wards, wards[1])
    rank = brookside.results.questions[0]
    assert [(o.label, o.count, o.average) for o in rank.options] == [
        ("Parks", 0, 2.0),
        ("Roads", 0, 3.0),
        ("Bins", 5, 1.0),
    ]


def test_a_wards_ranking_averages_are_hidden_below_five_people(survey, wards, consultation):
    SurveyResponse.objects.filter(user__participant_profile__ward=wards[1]).first().delete()
    [brookside] = survey_summaries(consultation, wards, wards[1])
    assert brookside.ward_suppressed
    assert all(o.average is None for o in brookside.results.questions[0].options)


def test_summary_shows_rankings_with_average_positions_and_their_cross_tabulation(
    client, survey, officer, consultation
):
    sign_in(client, officer)
    html = client.get(f"/consultations/{consultation.pk}/summary/").content.decode()
    assert "Question 1: Put these in order" in html
    assert "Ranked first by" in html and "Average position" in html
    assert "counting the option each person put first" in html
    assert "Question 2 by ward" not in html
    aged = client.get(f"/consultations/{consultation.pk}/summary/?by=age_band").content.decode()
    assert "Question 2 by age: Which ward do you live in?" in aged


def test_councillor_sees_their_wards_rankings(client, survey, wards, consultation):
    councillor = UserFactory(roles=["Councillors"])
    WardCouncillor.objects.create(user=councillor, ward=wards[1])
    sign_in(client, councillor)
    html = client.get(f"/consultations/{consultation.pk}/summary/?ward=brookside").content.decode()
    assert "5 responses from residents of Brookside" in html and "Average position" in html


def test_csv_with_who_answered_reads_rankings_and_wards_as_people_do(client, survey, officer, wards):
    assisted.enter_response(
        officer=officer,
        survey=survey,
        data={"q-rank-o1": "3", "q-rank-o2": "1", "q-rank-o3": "2", "q-where": str(wards[0].pk)},
        channel="phone",
        respondent_name="Pat Caller",
        consent=True,
    )
    sign_in(client, officer)
    response = client.get(f"/consultations/surveys/{survey.pk}/responses.csv?personal=1")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, last = rows[0], rows[-1]
    assert header[3:5] == ["Q1. Put these in order", "Q2. Which ward do you live in?"]
    assert last[2:5] == ["phone", "1. Roads; 2. Bins; 3. Parks", "Abbey"]
    assert last[header.index("respondent_name")] == "Pat Caller"
    assert services.results(survey).responses == 12


def test_printable_report_and_pdf_carry_rankings(client, survey, officer, consultation):
    sign_in(client, officer)
    report = client.get(f"/consultations/{consultation.pk}/summary/report/").content.decode()
    assert "Average position" in report and "Ranked first by" in report
    pdf = client.get(f"/consultations/{consultation.pk}/summary/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
