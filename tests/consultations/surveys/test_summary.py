"""Survey results in the councillor summary: counts per option, cross-tabulated by ward and by the
equality details people consented to share, small numbers suppressed, bounded queries."""

import pytest
from django.utils import timezone

from civic.models import Area, ParticipantProfile, WardCouncillor
from consultations.models import ConsultationPage, SurveyResponse
from consultations.surveys import crosstabs
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


def bins_survey(consultation, **fields):
    return make_survey(
        consultation,
        [
            question(
                "single_choice", "colour", "Which bin colour?", options=options("Green", "Blue", "Grey")
            ),
            question("free_text", "why", "Why?", required=False),
        ],
        **fields,
    )


def respond(survey, colour, *, ward=None, age_band="", consented=True, user=True):
    """One counted response; its author shared a ward and an age band if given (and consented)."""
    author = UserFactory(roles=["Residents"]) if user else None
    if author is not None and (ward is not None or age_band):
        ParticipantProfile.objects.create(
            user=author,
            consented_at=timezone.now() if consented else None,
            ward=ward,
            age_band=age_band,
        )
    return SurveyResponse.objects.create(
        survey=survey, user=author, answers={"colour": colour}, submitted_at=timezone.now()
    )


@pytest.fixture
def answered(consultation, wards):
    """Abbey: 5 Green, 2 Blue (aged 25-34); Brookside: 6 Blue (75+); 3 not shared; 1 unconsented."""
    survey = bins_survey(consultation)
    for _ in range(5):
        respond(survey, "o1", ward=wards[0], age_band="25-34")
    for _ in range(2):
        respond(survey, "o2", ward=wards[0], age_band="25-34")
    for _ in range(6):
        respond(survey, "o2", ward=wards[1], age_band="75-plus")
    respond(survey, "o3", user=False)  # typed in by staff or sent without an account
    respond(survey, "o3")
    respond(survey, "o3")
    respond(survey, "o1", ward=wards[1], consented=False)  # a profile without consent counts nowhere
    return survey


def column(tab, label):
    i = tab.groups.index(label)
    return tab.answered[i], {row.label: (row.cells[i].count, row.cells[i].percent) for row in tab.rows}


def test_cross_tabulation_by_ward_suppresses_small_groups_and_small_counts(answered, wards):
    counts = crosstabs.breakdown(answered, wards)
    [tab] = crosstabs.crosstabs(answered, counts, "ward")
    assert tab.groups == ["Abbey", "Brookside", "Not shared"]
    # Abbey: Blue (2) is hidden, and Green too, so 7 - 5 cannot give it away; Grey (0) is shown.
    assert column(tab, "Abbey") == (7, {"Green": (None, None), "Blue": (None, None), "Grey": (0, 0)})
    assert column(tab, "Brookside") == (6, {"Green": (0, 0), "Blue": (6, 100), "Grey": (0, 0)})
    # Four people did not share a ward (one of them withheld consent): too few to show anything.
    assert column(tab, "Not shared") == (
        None,
        {"Green": (None, None), "Blue": (None, None), "Grey": (None, None)},
    )


def test_cross_tabulation_by_age_uses_consented_age_bands(answered, wards):
    counts = crosstabs.breakdown(answered, wards, dimension="age_band")
    [tab] = crosstabs.crosstabs(answered, counts, "age_band")
    assert "25 to 34" in tab.groups and "75 and over" in tab.groups
    assert column(tab, "75 and over") == (6, {"Green": (0, 0), "Blue": (6, 100), "Grey": (0, 0)})
    assert column(tab, "16 to 24")[0] is None  # nobody: nothing to show


def test_cross_tabulation_follows_new_responses(answered, wards):
    before = crosstabs.crosstabs(answered, crosstabs.breakdown(answered, wards), "ward")[0]
    assert column(before, "Brookside")[0] == 6
    respond(answered, "o1", ward=wards[1])
    after = crosstabs.crosstabs(answered, crosstabs.breakdown(answered, wards), "ward")[0]
    assert column(after, "Brookside")[0] == 7


def test_one_wards_results_are_its_people_only_and_suppressed_below_five(answered, wards, consultation):
    [brookside] = survey_summaries(consultation, wards, wards[1])
    assert not brookside.ward_suppressed and brookside.results.responses == 6
    counts = {o.label: o.count for o in brookside.results.questions[0].options}
    assert counts == {"Green": 0, "Blue": 6, "Grey": 0}
    respond(answered, "o1", ward=wards[0])
    empty = Area.objects.create(name="Castle", slug="castle", kind="ward")
    respond(answered, "o1", ward=empty)
    [castle] = survey_summaries(consultation, [*wards, empty], empty)
    assert castle.ward_suppressed


def test_summary_shows_survey_results_charts_and_the_ward_cross_tabulation(
    client, answered, officer, consultation
):
    sign_in(client, officer)
    html = client.get(f"/consultations/{consultation.pk}/summary/").content.decode()
    assert 'id="surveys-heading"' in html and answered.title in html
    assert "Question 1: Which bin colour?" in html
    assert "Question 1 by ward: Which bin colour?" in html
    assert f'id="survey-{answered.pk}-ward-q1-title"' in html  # the SVG chart, with its text alternative
    assert '<th scope="col" class="numeric">Brookside</th>' in html
    assert "6 (100%)" in html


def test_summary_breaks_survey_answers_down_by_a_chosen_detail(client, answered, officer, consultation):
    sign_in(client, officer)
    html = client.get(f"/consultations/{consultation.pk}/summary/?by=age_band").content.decode()
    assert "Question 1 by age: Which bin colour?" in html
    tampered = client.get(f"/consultations/{consultation.pk}/summary/?by=password")
    assert tampered.status_code == 200 and "Question 1 by ward" in tampered.content.decode()


def test_councillor_sees_their_wards_survey_answers(client, answered, wards, consultation):
    councillor = UserFactory(roles=["Councillors"])
    WardCouncillor.objects.create(user=councillor, ward=wards[1])
    sign_in(client, councillor)
    html = client.get(f"/consultations/{consultation.pk}/summary/?ward=brookside").content.decode()
    assert "6 responses from residents of Brookside who shared their ward" in html


def test_draft_surveys_stay_out_of_the_summary(client, consultation, officer, wards):
    draft = bins_survey(consultation, live=False, title="Unpublished bins survey")
    assert survey_summaries(consultation, wards) == []
    sign_in(client, officer)
    assert draft.title not in client.get(f"/consultations/{consultation.pk}/summary/").content.decode()


def test_residents_cannot_read_survey_results_in_the_summary_before_results_are_published(
    client, answered, resident, consultation
):
    sign_in(client, resident)
    assert client.get(f"/consultations/{consultation.pk}/summary/").status_code == 403
    ConsultationPage.objects.filter(pk=consultation.pk).update(results_published=True)
    html = client.get(f"/consultations/{consultation.pk}/summary/").content.decode()
    assert "Question 1: Which bin colour?" in html


def test_summary_queries_stay_bounded_as_surveys_and_responses_grow(
    client, answered, officer, consultation, wards, django_assert_max_num_queries
):
    sign_in(client, officer)
    client.get(f"/consultations/{consultation.pk}/summary/")
    with django_assert_max_num_queries(40) as one:
        client.get(f"/consultations/{consultation.pk}/summary/?by=ethnicity")
    second = bins_survey(consultation)
    for _ in range(20):
        respond(second, "o2", ward=wards[0])
        respond(answered, "o1", ward=wards[1])
    # Responses changed: each survey's tally (three queries on PostgreSQL), the wordings seen and
    # the breakdown are read again, once each.
    with django_assert_max_num_queries(len(one.captured_queries) + 11):
        client.get(f"/consultations/{consultation.pk}/summary/?by=ethnicity")
    # After that, a survey costs one query (its fingerprint), however many responses it has.
    with django_assert_max_num_queries(len(one.captured_queries) + 1):
        response = client.get(f"/consultations/{consultation.pk}/summary/?by=ethnicity")
    assert response.status_code == 200 and second.title in response.content.decode()


def test_printable_report_and_pdf_carry_the_survey_results(client, answered, officer, consultation):
    sign_in(client, officer)
    report = client.get(f"/consultations/{consultation.pk}/summary/report/").content.decode()
    assert "Question 1 by ward: Which bin colour?" in report and 'name="by"' not in report
    pdf = client.get(f"/consultations/{consultation.pk}/summary/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
