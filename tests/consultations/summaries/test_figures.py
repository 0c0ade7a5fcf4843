from django.utils import timezone

from civic.models import ParticipantProfile
from consultations.summaries.figures import build_summary, suppress
from consultations.summaries.models import PopulationBaseline
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory


def test_counts_of_one_to_four_are_suppressed_but_zero_and_five_are_shown():
    assert suppress({"a": 0, "b": 1, "c": 4, "d": 5, "e": 9}) == {
        "a": 0,
        "b": None,
        "c": None,
        "d": 5,
        "e": 9,
    }


def test_a_single_small_group_hides_the_next_smallest_so_totals_cannot_reveal_it():
    assert suppress({"a": 2, "b": 7, "c": 30}) == {"a": None, "b": None, "c": 30}


def test_representation_compares_with_baseline_and_suppresses_small_groups(consultation, corpus):
    PopulationBaseline.objects.bulk_create(
        [
            PopulationBaseline(dimension="age_band", category="25-34", population=1000),
            PopulationBaseline(dimension="age_band", category="75-plus", population=3000),
            PopulationBaseline(dimension="ethnicity", category="white", population=800),
            PopulationBaseline(dimension="ethnicity", category="asian", population=200),
        ]
    )
    for _ in range(5):
        user = UserFactory()
        ParticipantProfile.objects.create(user=user, consented_at=timezone.now(), age_band="45-54")
        CommentFactory(consultation=consultation, author=user, body="Open the library later")
    tables = {t.dimension: t for t in build_summary(consultation)["representation"]}
    age = {row.label: row for row in tables["age_band"].rows}
    # 6 aged 25-34 are shown; the 2 aged 75+ are hidden, and so is the next smallest group (5)
    assert age["25 to 34"].participants == 6 and age["25 to 34"].population_share == 25.0
    assert age["25 to 34"].participant_share == round(100 * 6 / 13, 1)
    assert age["75 and over"].participants is None and age["45 to 54"].participants is None
    assert age["75 and over"].status == "Not shown: fewer than 5 people"
    assert age["25 to 34"].status == "Over-represented"
    ethnicity = {row.label: row for row in tables["ethnicity"].rows}
    # one Asian participant is hidden, and so is the next smallest group (7 White)
    assert ethnicity["Asian, Asian British or Asian Welsh"].participants is None
    assert ethnicity["White"].participants is None


def test_representation_is_hidden_when_fewer_than_five_shared(consultation):
    for _ in range(3):
        user = UserFactory()
        ParticipantProfile.objects.create(user=user, consented_at=timezone.now(), age_band="16-24")
        CommentFactory(consultation=consultation, author=user, body="Parking is hard")
    tables = build_summary(consultation)["representation"]
    assert all(table.suppressed for table in tables)


def test_profiles_without_consent_are_never_counted(consultation, corpus):
    ParticipantProfile.objects.update(consented_at=None)
    summary = build_summary(consultation)
    assert all(table.suppressed for table in summary["representation"])
    ward_rows = dict(next(c for c in summary["charts"] if c.id == "chart-ward").rows)
    assert list(ward_rows) == ["Ward not shared"]


def test_ward_chart_hides_wards_with_fewer_than_five_people(consultation, corpus, wards):
    ParticipantProfile.objects.filter(user__in=[c.author for c in corpus[:2]]).update(ward=wards[1])
    chart = next(c for c in build_summary(consultation)["charts"] if c.id == "chart-ward")
    rows = dict(chart.rows)
    assert rows["Brookside"] == "fewer than 5"
    assert rows["Abbey"] == "fewer than 5"  # the only other ward is hidden too, or the total would tell
    assert "fewer than 5" in chart.description


def test_channel_and_stance_counts_cover_every_published_comment(consultation, corpus):
    charts = {c.id: c for c in build_summary(consultation)["charts"]}
    for chart_id in ("chart-channel", "chart-stance"):
        assert sum(int(v) for _, v in charts[chart_id].rows) == len(corpus)
    assert sum(int(v) for _, v in charts["chart-time"].rows) == len(corpus)
