import pytest

from consultations.models import Comment
from consultations.summaries import services
from consultations.summaries.models import Theme, ThemeMembership, ThemeRun
from consultations.summaries.themes import OTHER_LABEL, compute_themes, phrase_label

from .conftest import TOPICS


def fixture_texts():
    return [(i, text) for i, text in enumerate((t for texts in TOPICS.values() for t in texts), start=1)]


def test_themes_are_stable_across_runs():
    first = compute_themes(fixture_texts())
    second = compute_themes(list(reversed(fixture_texts())))
    assert [(t.label, t.ids, t.quotes) for t in first.themes] == [
        (t.label, t.ids, t.quotes) for t in second.themes
    ]
    assert first.other.ids == second.other.ids


def test_fixture_corpus_separates_its_subjects():
    result = compute_themes(fixture_texts())
    labels = " ".join(t.label.lower() for t in result.themes)
    assert "library" in labels and "bus" in labels and "park" in labels


def _said_by(theme, texts) -> list[str]:
    return [texts[cid] for cid in theme.ids if theme.label.lower() in texts[cid].lower()]


def test_labels_are_readable_phrases_several_of_the_themes_comments_say():
    texts = dict(fixture_texts())
    result = compute_themes(fixture_texts())
    assert sorted(t.label for t in result.themes) == ["Bus route", "Car park", "Library hours"]
    for theme in result.themes:
        assert len(_said_by(theme, texts)) >= 2, theme.label  # as written, not stemmed or reordered
        assert 2 <= len(theme.label.split()) <= 4 and "," not in theme.label


SMALL_CORPUS = [
    (1, "The number 12 bus is always late in the morning."),
    (2, "Make the bus stop at the hospital entrance, my mum can't walk far."),
    (3, "The bus stop at the hospital has no shelter and no seats."),
    (4, "I cycle to work: the cycle lane on Mill Road ends suddenly."),
    (5, "Please paint the cycle lane on Mill Road, drivers park in it."),
    (6, "A proper cycle lane on Mill Road would get my kids to school."),
]


def test_label_prefers_the_phrase_the_theme_shares_over_single_stemmed_words():
    texts = dict(SMALL_CORPUS)
    result = compute_themes(SMALL_CORPUS, k=2)
    labels = {t.label for t in result.themes}
    assert labels == {"Bus stop at the hospital", "Cycle lane on Mill Road"}
    for theme in result.themes:
        assert len(_said_by(theme, texts)) >= 2


def test_a_theme_whose_comments_share_no_phrase_is_labelled_by_an_extract_of_its_most_central_comment():
    members = [
        ("Bins are left out all week on Elm Road; it smells.", 0.9),
        ("Rubbish collection missed twice this month", 0.5),
    ]
    label = phrase_label(members, ["bins", "rubbish"])
    assert label == "Bins are left out all week on Elm Road"
    assert label.lower() in members[0][0].lower()


def test_labels_of_different_themes_are_different():
    members = [("Longer library hours please", 1.0), ("Longer library hours at weekends", 0.8)]
    first = phrase_label(members, ["library", "hours"])
    second = phrase_label(members, ["library", "hours"], taken=[first])
    assert first == "Longer library hours" and second != first


def test_every_comment_is_in_exactly_one_theme_or_other():
    result = compute_themes(fixture_texts())
    ids = [cid for theme in [*result.themes, result.other] for cid in theme.ids]
    assert sorted(ids) == [i for i, _ in fixture_texts()]


def test_each_theme_has_three_to_five_quotes_from_its_own_comments():
    result = compute_themes(fixture_texts())
    for theme in result.themes:
        assert set(theme.quotes) <= set(theme.ids)
        assert min(3, len(theme.ids)) <= len(theme.quotes) <= 5


@pytest.mark.parametrize(
    "comments",
    [
        [],
        [(1, "Only one person wrote anything at all")],
        [
            (1, "Dydd da, mae'r llyfrgell ar gau"),
            (2, "Wir brauchen mehr Busse am Abend"),
            (3, "Bibliothèque fermée"),
        ],
        [(1, "今日は良い天気です"), (2, "交通が不便です"), (3, "図書館をもっと開けて"), (4, "バスが遅い")],
        [(1, "the and of"), (2, "it is"), (3, "a"), (4, "!!!")],
        [(1, "same words"), (2, "same words"), (3, "same words")],
    ],
    ids=["none", "one", "non-english", "no-spaces", "stop-words", "identical"],
)
def test_awkward_input_is_grouped_without_error(comments):
    result = compute_themes(comments)
    ids = sorted(cid for theme in [*result.themes, result.other] for cid in theme.ids)
    assert ids == sorted(cid for cid, _ in comments)
    for theme in result.themes:
        assert theme.label and set(theme.quotes) <= set(theme.ids)


def test_build_themes_stores_every_published_comment_once(consultation, corpus):
    run = services.build_themes(consultation.pk)
    assert run.status == ThemeRun.Status.READY and run.comment_count == len(corpus)
    memberships = ThemeMembership.objects.filter(theme__consultation=consultation)
    assert sorted(memberships.values_list("comment_id", flat=True)) == sorted(c.pk for c in corpus)
    hidden = Comment.objects.get(status="hidden")
    assert not ThemeMembership.objects.filter(comment=hidden).exists()
    assert Theme.objects.filter(consultation=consultation, is_other=True).count() == 1
    assert all(t.machine_suggested for t in Theme.objects.filter(consultation=consultation))


def test_stored_quotes_belong_to_their_theme(consultation, corpus):
    services.build_themes(consultation.pk)
    for theme in Theme.objects.filter(consultation=consultation, is_other=False):
        quotes = theme.memberships.filter(quote_rank__isnull=False)
        assert 3 <= quotes.count() <= 5
        assert all(m.theme_id == theme.pk for m in quotes)


def test_rebuilding_gives_the_same_themes(consultation, corpus):
    services.build_themes(consultation.pk)
    first = [
        (t.label, sorted(t.memberships.values_list("comment_id", flat=True))) for t in Theme.objects.all()
    ]
    services.build_themes(consultation.pk)
    second = [
        (t.label, sorted(t.memberships.values_list("comment_id", flat=True))) for t in Theme.objects.all()
    ]
    assert first == second


def test_stored_labels_are_phrases_from_the_themes_own_comments(consultation, corpus):
    services.build_themes(consultation.pk)
    for theme in Theme.objects.filter(consultation=consultation, is_other=False):
        bodies = [body.lower() for body in theme.memberships.values_list("comment__body", flat=True)]
        assert sum(theme.label.lower() in body for body in bodies) >= 2, theme.label


def test_rebuilding_keeps_an_officers_theme_name_on_the_same_comments(consultation, corpus):
    services.build_themes(consultation.pk)
    theme = Theme.objects.filter(is_other=False).order_by("position").first()
    members = set(theme.memberships.values_list("comment_id", flat=True))
    machine = theme.machine_label
    services.rename_theme(theme, "Getting to the hospital by bus")
    others = set(Theme.objects.exclude(pk=theme.pk).values_list("label", flat=True))
    services.build_themes(consultation.pk)
    kept = Theme.objects.get(label="Getting to the hospital by bus")
    assert set(kept.memberships.values_list("comment_id", flat=True)) == members
    assert kept.machine_label == machine and not kept.is_signed_off
    assert set(Theme.objects.exclude(pk=kept.pk).values_list("label", flat=True)) == others


def test_consultation_with_no_comments_gets_an_empty_other_theme(consultation):
    run = services.build_themes(consultation.pk)
    assert run.status == ThemeRun.Status.READY and run.comment_count == 0
    assert list(Theme.objects.values_list("label", flat=True)) == [OTHER_LABEL]


def test_merging_a_theme_into_itself_is_refused(consultation, corpus):
    services.build_themes(consultation.pk)
    theme = Theme.objects.filter(is_other=False).first()
    size = theme.memberships.count()
    with pytest.raises(services.SummaryError, match="itself"):
        services.merge_themes(theme, theme)
    assert theme.memberships.count() == size


def test_merge_moves_every_comment_and_needs_sign_off_again(consultation, corpus, officer):
    services.build_themes(consultation.pk)
    target, source = Theme.objects.filter(is_other=False)[:2]
    services.sign_off_theme(target, officer)
    expected = target.memberships.count() + source.memberships.count()
    services.merge_themes(target, source)
    target.refresh_from_db()
    assert target.memberships.count() == expected and target.machine_suggested
    assert not Theme.objects.filter(pk=source.pk).exists()
    quotes = target.memberships.filter(quote_rank__isnull=False)
    assert 3 <= quotes.count() <= 5


def test_split_makes_two_themes_sharing_the_comments(consultation, corpus):
    services.build_themes(consultation.pk)
    theme = max(Theme.objects.filter(is_other=False), key=lambda t: t.memberships.count())
    before = set(theme.memberships.values_list("comment_id", flat=True))
    kept, new = services.split_theme(theme)
    after = set(kept.memberships.values_list("comment_id", flat=True)) | set(
        new.memberships.values_list("comment_id", flat=True)
    )
    assert after == before and new.memberships.exists() and kept.memberships.exists()
    for part in (kept, new):
        assert set(part.memberships.filter(quote_rank__isnull=False).values_list("theme_id", flat=True)) == {
            part.pk
        }


def test_split_of_a_tiny_theme_is_refused_and_changes_nothing(consultation, corpus):
    services.build_themes(consultation.pk)
    theme, spare = sorted(Theme.objects.filter(is_other=False), key=lambda t: -t.memberships.count())[:2]
    extra = list(theme.memberships.order_by("pk").values_list("pk", flat=True))[3:]
    ThemeMembership.objects.filter(pk__in=extra).update(theme=spare)  # three comments left: too few

    def state():
        themes = list(Theme.objects.order_by("pk").values_list("pk", "label", "signed_off_at"))
        members = Theme.objects.order_by("pk", "memberships__comment_id")
        return themes, list(members.values_list("pk", "memberships__comment_id", "memberships__quote_rank"))

    before = state()
    assert theme.memberships.count() == 3
    with pytest.raises(services.SummaryError, match="at least 4 comments"):
        services.split_theme(theme)
    assert state() == before


def test_rename_keeps_machine_label_and_sign_off_marks_theme(consultation, corpus, officer):
    services.build_themes(consultation.pk)
    theme = Theme.objects.filter(is_other=False).first()
    machine = theme.label
    services.rename_theme(theme, "  Buses   to the hospital ")
    services.sign_off_theme(theme, officer)
    theme.refresh_from_db()
    assert theme.label == "Buses to the hospital" and theme.machine_label == machine
    assert theme.is_signed_off and not theme.machine_suggested
    with pytest.raises(services.SummaryError):
        services.rename_theme(theme, "   ")


def test_prepare_themes_command_queues_only_stale_consultations(
    consultation, corpus, closed_consultation, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("prepare_themes", stdout=out)
    assert "Queued themes for 1 consultation." in out.getvalue()
    assert ThemeRun.objects.get(consultation=consultation).status == ThemeRun.Status.READY
    assert not ThemeRun.objects.filter(consultation=closed_consultation).exists()  # nothing to group
    again = StringIO()
    call_command("prepare_themes", stdout=again)
    assert "Queued themes for 0 consultations." in again.getvalue()
