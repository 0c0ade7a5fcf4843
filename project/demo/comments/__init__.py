"""What Northbrook's residents said in the demo, written proposal by proposal.

Each consultation's module maps a proposal title (None: the consultation as a whole) to a
`Subject`: the words anyone writing about it is bound to use (the tests check every comment and
reply uses one) and the comments themselves, each with the stance its words take, its replies
and any moderation it gets in the demo. seed_demo turns them into comments and votes.
"""

from typing import NamedTuple


class Say(NamedTuple):
    """One comment: stance, words, replies; `official` when the organisers' team wrote it."""

    stance: str
    text: str
    replies: tuple["Say", ...] = ()
    official: bool = False
    # "waiting": held for a moderator (pre-moderated consultations); otherwise the reason
    # residents reported it ("personal_data", "off_topic", "abusive", "spam", ...).
    moderation: str = ""


class Subject(NamedTuple):
    """A proposal (or the consultation as a whole): its key words, comments and vote plan."""

    keywords: tuple[str, ...]
    comments: tuple[Say, ...]
    # Share of the demo residents who vote on the proposal, and the share of those who support it.
    turnout: float = 0.0
    support: float = 0.0


def yes(text: str, *replies: Say, moderation: str = "") -> Say:
    return Say("support", text, replies, moderation=moderation)


def no(text: str, *replies: Say, moderation: str = "") -> Say:
    return Say("oppose", text, replies, moderation=moderation)


def hmm(text: str, *replies: Say, moderation: str = "") -> Say:
    """Neither for nor against: a condition, a worry or a suggestion."""
    return Say("neutral", text, replies, moderation=moderation)


def ask(text: str, *replies: Say, moderation: str = "") -> Say:
    return Say("question", text, replies, moderation=moderation)


def team(text: str) -> Say:
    """A reply from the engagement team of the organisation running the consultation."""
    return Say("neutral", text, official=True)


def by_consultation() -> dict[str, dict[str | None, Subject]]:
    """Every demo consultation's subjects, by consultation slug."""
    from . import leaving_hospital, library_opening_hours, town_centre_plan

    return {
        "leaving-hospital": leaving_hospital.SUBJECTS,
        "town-centre-plan": town_centre_plan.SUBJECTS,
        "library-opening-hours": library_opening_hours.SUBJECTS,
    }


def walk(subjects: dict[str | None, Subject]):
    """Every comment with its subject key and parent (None for a top-level comment), in order."""
    for key, subject in subjects.items():
        for comment in subject.comments:
            yield key, comment, None
            for reply in comment.replies:
                yield key, reply, comment


def reported() -> dict[str, str]:
    """Bodies of the published comments residents reported to the moderators, with the reason."""
    return {
        say.text: say.moderation
        for subjects in by_consultation().values()
        for _key, say, _parent in walk(subjects)
        if say.moderation and say.moderation != "waiting"
    }
