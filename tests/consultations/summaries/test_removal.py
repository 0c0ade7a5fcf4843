"""Removed means gone from summaries (issue 12, item 4): a hidden or removed comment stops being
quoted, and its words leave stored machine labels and key terms, on every moderation path."""

import pytest

from consultations import moderation
from consultations.models import Comment
from consultations.summaries import services
from consultations.summaries.figures import build_summary
from consultations.summaries.models import Theme, ThemeMembership
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory
from tests.support.auth import sign_in
from tests.support.moderation import set_status

PERSONAL = "Fitzwilliam"


def _pages(client, consultation, theme) -> str:
    """Everything a reader of the summary sees: page, print layout, theme page and the CSV."""
    base = f"/consultations/{consultation.pk}/summary/"
    texts = [client.get(base + s).content.decode() for s in ("", "report/", f"themes/{theme.pk}/")]
    texts.append(b"".join(client.get(base + "comments.csv").streaming_content).decode())
    return "\n".join(texts)


def _quoted(consultation) -> list[str]:
    """The quotes the PDF and the pages are built from."""
    return [comment.body for view in build_summary(consultation)["themes"] for comment in view.quotes]


@pytest.fixture
def hand_made_theme(consultation):
    """A theme whose machine label and key terms carry a name only one comment says."""
    consultation.results_published = True
    consultation.save()
    bodies = [
        f"{PERSONAL} at number 4 blocks the parking every night",
        "Parking near the shops is hard to find",
        "Parking costs too much for carers",
        "More parking for blue badge holders please",
    ]
    comments = [CommentFactory(consultation=consultation, body=body) for body in bodies]
    theme = Theme.objects.create(
        consultation=consultation,
        label=f"{PERSONAL}, parking",
        machine_label=f"{PERSONAL}, parking",
        key_terms=[PERSONAL.lower(), "parking", f"{PERSONAL.lower()} parking"],
    )
    for rank, comment in enumerate(comments, start=1):
        ThemeMembership.objects.create(
            theme=theme, comment=comment, weight=1 - rank / 10, quote_rank=rank if rank <= 3 else None
        )
    return theme, comments


@pytest.mark.parametrize("path", ["decide", "flag_threshold"])
def test_withdrawn_comment_leaves_quotes_labels_and_key_terms(
    client, consultation, hand_made_theme, officer, path
):
    theme, comments = hand_made_theme
    personal = comments[0]
    if path == "decide":
        moderation.decide(
            moderator=officer,
            comment_ids=[personal.pk],
            decision="remove",
            reason="personal_data",
            expected_queue=False,
        )
    else:
        consultation.flag_threshold = 1
        consultation.save()
        moderation.flag_comment(
            user=UserFactory(roles=["Residents"]), comment=personal, reason="personal_data"
        )
    personal.refresh_from_db()
    assert personal.status != Comment.Status.PUBLISHED
    theme.refresh_from_db()
    assert theme.key_terms == ["parking"]
    assert theme.label == theme.machine_label
    assert PERSONAL.lower() not in theme.label.lower()
    assert any(theme.label.lower() in comment.body.lower() for comment in comments[1:])  # published words
    ranks = dict(theme.memberships.values_list("comment_id", "quote_rank"))
    assert ranks[personal.pk] is None
    assert sorted(r for r in ranks.values() if r) == [1, 2, 3]  # the fourth comment is quoted instead
    assert personal.body not in _quoted(consultation)
    sign_in(client, UserFactory(roles=["Residents"]))
    shown = _pages(client, consultation, theme)
    assert PERSONAL not in shown and PERSONAL.lower() not in shown
    assert comments[3].body in shown


def test_officers_own_theme_name_is_kept(consultation, hand_made_theme, officer):
    theme, comments = hand_made_theme
    services.rename_theme(theme, "Parking near the shops")
    set_status(moderator=officer, comment=comments[0], status=Comment.Status.REMOVED)
    theme.refresh_from_db()
    assert theme.label == "Parking near the shops"
    assert theme.machine_label != theme.label and PERSONAL.lower() not in theme.machine_label.lower()
    assert PERSONAL.lower() not in theme.key_terms


def test_approved_again_comment_can_be_quoted_again(consultation, hand_made_theme, officer):
    theme, comments = hand_made_theme
    set_status(moderator=officer, comment=comments[1], status=Comment.Status.HIDDEN)
    assert comments[1].body not in _quoted(consultation)
    set_status(moderator=officer, comment=comments[1], status=Comment.Status.PUBLISHED)
    assert comments[1].body in _quoted(consultation)


def test_computed_themes_stop_quoting_a_removed_comment(client, consultation, corpus, officer):
    consultation.results_published = True
    consultation.save()
    services.build_themes(consultation.pk)
    theme = Theme.objects.filter(consultation=consultation, is_other=False).first()
    quoted = theme.memberships.get(quote_rank=1).comment
    before = theme.memberships.exclude(quote_rank=None).count()
    moderation.decide(
        moderator=officer, comment_ids=[quoted.pk], decision="hide", reason="abusive", expected_queue=False
    )
    assert quoted.body not in _quoted(consultation)
    published = theme.memberships.filter(comment__status=Comment.Status.PUBLISHED).count()
    assert theme.memberships.exclude(quote_rank=None).count() == min(before, published)
    assert not theme.memberships.filter(comment=quoted).exclude(quote_rank=None).exists()
    sign_in(client, UserFactory(roles=["Residents"]))
    assert quoted.body not in _pages(client, consultation, theme)
