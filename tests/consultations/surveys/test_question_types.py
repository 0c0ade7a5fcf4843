"""Ranking and ward-or-postcode questions: checking answers, showing them, and their results."""

import pytest

from consultations.models import SurveyResponse
from consultations.surveys import services
from consultations.surveys.questions import clean_answers, raw_from_post, recheck_stored
from tests.civic.factories import UserFactory
from tests.consultations.surveys.factories import make_survey, options, question
from tests.support.auth import sign_in


@pytest.fixture
def survey(consultation, wards):
    return make_survey(
        consultation,
        [
            question("ranking", "rank", "Put these in order", options=options("Parks", "Roads", "Bins")),
            question("ward", "where", "Which ward do you live in?", ask="ward"),
            question("ward", "postcode", "What is your postcode?", ask="postcode", required=False),
        ],
    )


def check(survey, post):
    questions = survey.question_list()
    return clean_answers(questions, raw_from_post(questions, post))


def post_for(wards, **extra):
    west, _east = wards
    return {"q-rank-o1": "2", "q-rank-o2": "3", "q-rank-o3": "1", "q-where": str(west.pk), **extra}


def test_a_ranking_is_stored_as_the_option_ids_in_order(survey, wards):
    answers, errors = check(survey, post_for(wards))
    assert errors == {}
    assert answers["rank"] == ["o3", "o1", "o2"]
    assert survey.question_list()[0].display(answers["rank"]) == "1. Bins; 2. Parks; 3. Roads"


@pytest.mark.parametrize(
    "ranks",
    [
        {"q-rank-o1": "1", "q-rank-o2": "1", "q-rank-o3": "2"},  # a number twice
        {"q-rank-o1": "1", "q-rank-o2": "2"},  # an option left out
        {"q-rank-o1": "1", "q-rank-o2": "2", "q-rank-o3": "4"},  # past the number of options
        {"q-rank-o1": "1", "q-rank-o2": "2", "q-rank-o3": "x"},
    ],
)
def test_a_ranking_must_number_every_option_once(survey, wards, ranks):
    post = {**post_for(wards), "q-rank-o3": "", **ranks}
    answers, errors = check(survey, post)
    assert errors["rank"] == "Give each option in “Put these in order” a different number from 1 to 3."
    assert "rank" not in answers


def test_a_tampered_ranking_option_is_refused(survey, wards):
    questions = survey.question_list()
    raw = raw_from_post(questions, post_for(wards))
    raw["rank"]["evil"] = "4"
    _answers, errors = clean_answers(questions, raw)
    assert "rank" in errors


def test_a_required_ranking_left_empty_says_so(survey, wards):
    post = {k: v for k, v in post_for(wards).items() if not k.startswith("q-rank")}
    assert check(survey, post)[1]["rank"] == "Answer “Put these in order”."


def test_ward_answers_are_the_councils_wards_and_nothing_else(survey, wards):
    west, east = wards
    assert survey.question_list()[1].options == ((str(east.pk), "East Ward"), (str(west.pk), "West Ward"))
    assert check(survey, post_for(wards))[0]["where"] == str(west.pk)
    errors = check(survey, post_for(wards, **{"q-where": "999999"}))[1]
    assert errors["where"] == "Choose a ward for “Which ward do you live in?” from the list."


def test_a_postcode_keeps_only_its_ward(survey, wards):
    west, _east = wards
    answers, errors = check(survey, post_for(wards, **{"q-postcode": " nb12ab "}))
    assert errors == {} and answers["postcode"] == str(west.pk)
    assert check(survey, post_for(wards, **{"q-postcode": "east ward"}))[0]["postcode"] == str(wards[1].pk)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("NB9 9ZZ", "We could not find NB9 9ZZ in the council's area."),  # known, but outside every ward
        ("ZZ1 1ZZ", "We could not find ZZ1 1ZZ in the council's area."),
        ("somewhere", "Enter a full postcode, like NB1 2AB, or a ward's name"),
        ("x" * 500, "Enter a postcode, like NB1 2AB, or a ward's name"),
    ],
)
def test_a_postcode_outside_the_council_is_refused(survey, wards, typed, message):
    answers, errors = check(survey, post_for(wards, **{"q-postcode": typed}))
    assert errors["postcode"].startswith(message)
    assert "postcode" not in answers


def test_stored_rankings_and_wards_pass_the_recheck(survey, wards):
    answers, _ = check(survey, post_for(wards, **{"q-postcode": "NB1 2AB"}))
    assert recheck_stored(survey.question_list(), answers) == (answers, {})


def test_the_form_shows_ranking_boxes_and_the_ward_list(client, resident, survey, wards):
    sign_in(client, resident)
    html = client.get(survey.url).content.decode()
    assert '<select name="q-rank-o1" id="q-rank-input" class="select">' in html
    assert f'type="radio" name="q-where" value="{wards[0].pk}"' in html
    assert 'name="q-postcode" id="q-postcode-input"' in html and 'autocomplete="postal-code"' in html


def test_the_form_keeps_a_ranking_and_shows_a_postcodes_ward_when_changed(client, resident, survey, wards):
    sign_in(client, resident)
    post = post_for(wards, **{"q-postcode": "NB1 2AB"})
    assert client.post(f"/consultations/surveys/{survey.pk}/answers/", post).status_code == 302
    check_page = client.get(f"/consultations/surveys/{survey.pk}/check/").content.decode()
    assert "1. Bins; 2. Parks; 3. Roads" in check_page and "NB1 2AB" not in check_page
    html = client.get(survey.url).content.decode()
    assert '<option value="3" selected>3</option>' in html
    assert 'name="q-postcode" id="q-postcode-input" value="West Ward"' in html


def test_ranking_results_count_who_put_each_option_first_and_average_positions(survey, wards):
    for i in range(20):
        order = ["o1", "o2", "o3"] if i < 14 else ["o3", "o2", "o1"]
        SurveyResponse.objects.create(
            survey=survey,
            user=UserFactory(),
            answers={"rank": order, "where": str(wards[i % 2].pk)},
            submitted_at="2026-01-01T00:00Z",
        )
    found = services.results(survey)
    ranking, ward, _postcode = found.questions
    assert ranking.answered == 20
    assert [(o.label, o.count, o.percent, o.average) for o in ranking.options] == [
        ("Parks", 14, 70, 1.6),  # 14 first, 6 third: (14 + 18) / 20
        ("Roads", 0, 0, 2.0),
        ("Bins", 6, 30, 2.4),
    ]
    assert [(o.label, o.count) for o in ward.options] == [("East Ward", 10), ("West Ward", 10)]


def test_ranking_results_suppress_few_people_putting_an_option_first(survey, wards):
    for i in range(12):
        order = ["o1", "o2", "o3"] if i < 9 else ["o3", "o2", "o1"]
        SurveyResponse.objects.create(
            survey=survey, user=UserFactory(), answers={"rank": order}, submitted_at="2026-01-01T00:00Z"
        )
    ranking = services.results(survey).questions[0]
    # 3 put Bins first: hidden, and so is the next smallest (9), so the total cannot give it away
    assert [(o.count, o.percent) for o in ranking.options] == [(None, None), (0, 0), (None, None)]


def test_ranking_averages_are_not_shown_for_few_answers(survey, wards):
    SurveyResponse.objects.create(
        survey=survey,
        user=UserFactory(),
        answers={"rank": ["o1", "o2", "o3"]},
        submitted_at="2026-01-01T00:00Z",
    )
    ranking = services.results(survey).questions[0]
    assert [o.average for o in ranking.options] == [None, None, None]


def test_results_page_shows_rankings_and_wards(client, officer, survey, wards, django_assert_max_num_queries):
    for _ in range(6):
        SurveyResponse.objects.create(
            survey=survey,
            user=UserFactory(),
            answers={"rank": ["o2", "o1", "o3"], "where": str(wards[0].pk)},
            submitted_at="2026-01-01T00:00Z",
        )
    sign_in(client, officer)
    with django_assert_max_num_queries(30):
        html = client.get(f"/consultations/surveys/{survey.pk}/results/").content.decode()
    assert "Average position" in html and '<td class="numeric">1.0</td>' in html
    assert "West Ward" in html


def test_export_shows_rankings_in_order_and_ward_names(survey, wards):
    SurveyResponse.objects.create(
        survey=survey,
        user=UserFactory(),
        answers={"rank": ["o2", "o1", "o3"], "where": str(wards[0].pk)},
        submitted_at="2026-01-01T00:00Z",
    )
    _header, rows = services.export_rows(survey)
    [row] = list(rows)
    assert row[3:] == ["1. Roads; 2. Parks; 3. Bins", "West Ward", ""]
