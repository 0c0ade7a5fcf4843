"""The demo's written comments: each about its proposal, in a stance its words take, once."""

import re

import pytest

from consultations.models import ModerationReason, Stance
from project.demo import comments, content

SPECS = {spec["slug"]: spec for spec in content.CONSULTATIONS}
SAID = comments.by_consultation()
# Words that give a comment's stance away: a supporter never writes the first, an opponent the second.
AGAINST = re.compile(r"\b(i object|against this|please don't|waste of money|i don't support)\b", re.I)
FOR = re.compile(r"\b(yes please|good idea|great idea|gets my support|long overdue|i support)\b", re.I)


def everything():
    for slug, subjects in SAID.items():
        for key, say, parent in comments.walk(subjects):
            yield slug, key, say, parent


def test_every_subject_is_a_proposal_of_its_consultation_or_the_consultation_itself():
    for slug, subjects in SAID.items():
        titles = {title for title, _problem, _change in SPECS[slug]["proposals"]}
        assert set(subjects) - {None} <= titles, slug
        assert set(subjects) - {None} == titles, f"every proposal of {slug} has comments"


@pytest.mark.parametrize("slug", sorted(SAID))
def test_every_comment_and_reply_uses_its_subjects_words(slug):
    for key, say, _parent in comments.walk(SAID[slug]):
        words = SAID[slug][key].keywords
        assert any(word in say.text.lower() for word in words), (key, say.text)


def test_a_proposals_key_words_come_from_its_own_title_or_text():
    """The key words the test above checks are the proposal's own, not made up to fit the comments."""
    for slug, subjects in SAID.items():
        for title, problem, change in SPECS[slug]["proposals"]:
            own = " ".join([title, problem, *change]).lower()
            assert any(word in own for word in subjects[title].keywords), title


def test_stances_match_the_words():
    for _slug, _key, say, _parent in everything():
        assert say.stance in Stance.values
        if say.stance == Stance.QUESTION:
            assert "?" in say.text, say.text
        if say.stance == Stance.SUPPORT:
            assert not AGAINST.search(say.text), say.text
        if say.stance == Stance.OPPOSE:
            assert not FOR.search(say.text), say.text


def test_replies_answer_their_comment_and_official_words_are_only_replies():
    for _slug, _key, say, parent in everything():
        if parent is None:
            assert not say.official, say.text
        else:
            assert not say.replies, "threads are one level deep"
            assert say.moderation == "", "replies are published"
        if say.official:
            assert say.stance == Stance.NEUTRAL
            assert parent.stance == Stance.QUESTION or parent.stance == Stance.OPPOSE, parent.text


def test_no_two_comments_say_the_same_thing_word_for_word():
    texts = [say.text for *_rest, say, _parent in everything()]
    assert len(texts) == len(set(texts))
    assert len(texts) >= 200


def test_moderation_examples_fit_their_consultation():
    reasons = set(ModerationReason.values)
    for slug, _key, say, _parent in everything():
        if say.moderation == "waiting":
            assert SPECS[slug]["moderation"] == "pre", "only a pre-moderated consultation holds comments"
        elif say.moderation:
            assert say.moderation in reasons
    assert set(comments.reported().values()) <= reasons
    assert len(comments.reported()) == 3


def test_vote_plans_lean_the_way_the_comments_do():
    """A proposal most commenters oppose is not planned to win its vote, and the reverse."""
    for subjects in SAID.values():
        for key, subject in subjects.items():
            if key is None:
                continue
            stances = [s.stance for _k, s, _p in comments.walk({key: subject}) if not s.official]
            lean = stances.count(Stance.SUPPORT) - stances.count(Stance.OPPOSE)
            assert 0 < subject.turnout <= 1
            assert (subject.support > 0.5) == (lean > 0), key


def test_outcomes_name_real_proposals_of_a_closed_consultation():
    for spec in content.CONSULTATIONS:
        outcomes = spec.get("outcomes", [])
        if outcomes:
            assert spec["closes_days"] < 0
        titles = {title for title, _problem, _change in spec["proposals"]}
        for outcome in outcomes:
            assert outcome.get("proposal") in titles or outcome.get("heading"), outcome
            assert outcome["you_said"] and outcome["we_did"]


def test_demo_residents_have_distinct_display_names():
    assert len(set(content.DISPLAY_NAMES)) == len(content.DISPLAY_NAMES) >= 60
    assert all(name for name in content.DISPLAY_NAMES)
