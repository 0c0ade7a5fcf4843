"""Comments, votes, results and "you said, we did" for the Northbrook demo, from the written
comments in project/demo/comments: every figure the demo's text states is counted from the rows."""

import random
import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.html import escape

from civic import roles
from civic.models import User
from consultations.models import Comment, ConsultationPage, ProposalPage, Vote
from consultations.paragraphs import Paragraph
from consultations.summaries.figures import people_counts
from consultations.summaries.models import FeedbackResponse, Theme
from consultations.summaries.services import summarised_comments

from .comments import Say, Subject

LONG_WORD = re.compile(r"[a-z]{5,}")

WAITING_SPACING = timedelta(hours=3)  # the moderation queue: the oldest waits past the 24-hour target
INTERESTED = 0.7  # share of the demo residents who vote on a consultation's proposals
TAKING_PART = 0.65  # share of the demo residents who comment on a consultation (some say several things)


def organisers_officer(consultation: ConsultationPage) -> User | None:
    """The lead organisation's officer, who writes its official replies."""
    return (
        User.objects.filter(organisation_id=consultation.lead_organisation_id, groups__name=roles.OFFICER)
        .order_by("pk")
        .first()
    )


def paragraph_for(text: str, paragraphs: Sequence[Paragraph], title: str = "") -> Paragraph | None:
    """The paragraph a demo comment answers: the one sharing most of its own long words with it (words
    of the title, or of several paragraphs, say nothing about which); other comments are about the
    proposal as a whole."""
    own = [set(LONG_WORD.findall(p.text.lower())) for p in paragraphs]
    common = set(LONG_WORD.findall(title.lower()))
    for i, words in enumerate(own):
        for other in own[i + 1 :]:
            common |= words & other
    said = set(LONG_WORD.findall(text.lower())) - common
    best, shared = None, 0
    for paragraph, words in zip(paragraphs, own, strict=True):
        n = len(said & words)
        if n > shared:
            best, shared = paragraph, n
    return best


class _Authors:
    """Hands out residents in a shuffled round, never twice in one proposal's conversation (so
    each person's vote can follow what they wrote), nor to reply to themselves."""

    def __init__(self, rng: random.Random, residents: Sequence[User]):
        self.rng, self.residents = rng, list(residents)
        self.queue: list[User] = []

    def next(self, avoid: set[int]) -> User:
        for _ in range(2):
            for i, user in enumerate(self.queue):
                if user.pk not in avoid:
                    return self.queue.pop(i)
            self.queue.extend(self.rng.sample(self.residents, len(self.residents)))
        return self.rng.choice(self.residents)  # everyone has spoken: only in tiny test setups


def create_comments(
    rng: random.Random,
    consultation: ConsultationPage,
    proposals: dict[str, ProposalPage],
    subjects: dict[str | None, Subject],
    residents: Sequence[User],
    now: datetime,
) -> tuple[int, dict[tuple[int, int], str]]:
    """Create the consultation's comments and replies; returns how many, and each resident's
    stance on each proposal they wrote about (keyed by proposal and resident)."""
    officer = organisers_officer(consultation)
    authors = _Authors(rng, rng.sample(list(residents), max(1, round(TAKING_PART * len(residents)))))
    waiting = [c for s in subjects.values() for c in s.comments if c.moderation == "waiting"]
    end = min(now, consultation.closes_at)
    # Comments a moderator has not read yet are the newest; the published ones came before them.
    published_until = end - WAITING_SPACING * (len(waiting) + 1) if waiting else end
    span = max(1, int((published_until - consultation.opens_at).total_seconds()))
    stances: dict[tuple[int, int], str] = {}
    threads: list[tuple[Comment, Say, set[int]]] = []
    top: list[Comment] = []
    waited = 0
    for key, subject in subjects.items():
        proposal = proposals[key] if key else None
        paragraphs = proposal.paragraphs() if proposal else []
        spoken: set[int] = set()
        for say in subject.comments:
            author = authors.next(spoken)
            spoken.add(author.pk)
            paragraph = paragraph_for(say.text, paragraphs, proposal.title if proposal else "")
            comment = Comment(
                consultation=consultation,
                proposal=proposal,
                author=author,
                body=say.text,
                paragraph=paragraph.id if paragraph else "",
                paragraph_text=paragraph.text if paragraph else "",
                stance=say.stance,
                created_at=consultation.opens_at + timedelta(seconds=rng.randint(0, span)),
            )
            if say.moderation == "waiting":
                queued = end - timedelta(hours=2) - WAITING_SPACING * waited
                waited += 1
                comment.status, comment.needs_review = Comment.Status.PENDING, True
                comment.created_at = comment.queued_at = queued
            if proposal is not None:
                stances[(proposal.pk, author.pk)] = say.stance
            top.append(comment)
            threads.append((comment, say, spoken))
    Comment.objects.bulk_create(top)
    replies = []
    for parent, say, spoken in threads:
        when = parent.created_at
        for answer in say.replies:
            when = min(when + timedelta(hours=rng.randint(1, 30)), end)
            if answer.official:
                if officer is None:
                    continue
                author, extra = officer, {"is_official": True, "organisation_id": officer.organisation_id}
            else:
                author, extra = authors.next(spoken | {parent.author_id or 0}), {}
                spoken.add(author.pk)
                if parent.proposal_id:
                    stances[(parent.proposal_id, author.pk)] = answer.stance
            replies.append(
                Comment(
                    consultation=consultation,
                    proposal_id=parent.proposal_id,
                    parent=parent,
                    author=author,
                    body=answer.text,
                    stance=answer.stance,
                    created_at=when,
                    **extra,
                )
            )
    Comment.objects.bulk_create(replies)
    return len(top) + len(replies), stances


def create_votes(
    rng: random.Random,
    proposals: dict[str, ProposalPage],
    subjects: dict[str | None, Subject],
    residents: Sequence[User],
    stances: dict[tuple[int, int], str],
) -> int:
    """Votes as each subject plans them: residents who wrote for or against a proposal vote the way
    they wrote, and the others make up the planned turnout and share of support."""
    votes = []
    # Most votes come from the people who care about this consultation, as they would.
    interested = {user for _proposal, user in stances}
    rest = [u.pk for u in residents if u.pk not in interested]
    interested |= set(
        rng.sample(rest, max(0, min(len(rest), round(INTERESTED * len(residents)) - len(interested))))
    )
    for title, proposal in proposals.items():
        subject = subjects.get(title)
        if subject is None or not subject.turnout:
            continue
        bound = {
            user: stance
            for (pk, user), stance in stances.items()
            if pk == proposal.pk and stance in Vote.Choice.values
        }
        voters = max(len(bound), round(subject.turnout * len(residents)))
        others = [u.pk for u in residents if u.pk not in bound]
        others.sort(key=lambda pk: pk not in interested)  # stable: the interested first
        wanted = min(len(others), voters - len(bound))
        keen = sum(pk in interested for pk in others)
        others = rng.sample(others[:keen], min(keen, wanted)) + others[keen:][: max(0, wanted - keen)]
        supporters = round(subject.support * (len(bound) + len(others))) - list(bound.values()).count(
            "support"
        )
        supporters = max(0, min(len(others), supporters))
        choices = {**bound, **{pk: "support" if i < supporters else "oppose" for i, pk in enumerate(others)}}
        votes += [Vote(proposal=proposal, user_id=pk, choice=choice) for pk, choice in choices.items()]
    Vote.objects.bulk_create(votes, ignore_conflicts=True)
    return len(votes)


def results_html(consultation: ConsultationPage, outcomes: Sequence[dict]) -> str:
    """The published results, with every figure counted from the platform's own rows (as the
    summary page and the proposal pages count them) and each decision worded as in "you said, we did"."""
    comments = summarised_comments(consultation).count()
    people = people_counts([consultation.pk]).get(consultation.pk, {}).get("people", 0)
    proposals = list(ProposalPage.objects.child_of(consultation).live().order_by("path"))
    tallies = _tallies(proposals)
    voters = Vote.objects.filter(proposal__in=proposals).values("user_id").distinct().count()
    parts = [
        f"<p>{people} people left {comments} comments, and {voters} people voted on the "
        f"{len(proposals)} proposals. Thank you to everyone who took part.</p>"
    ]
    titles = {p.title: p for p in proposals}
    for outcome in outcomes:
        proposal = titles.get(outcome.get("proposal") or "")
        if proposal is not None:
            support, total = tallies.get(proposal.pk, (0, 0))
            share = round(100 * support / total) if total else 0
            heading = (
                f"<strong>{escape(proposal.title)}</strong>: {support} of the {total} people who voted "
                f"supported it ({share}%)."
            )
        else:
            heading = f"<strong>{escape(outcome['heading'])}</strong>:"
        parts.append(f"<p>{heading} {escape(outcome['we_did'])}</p>")
    return "".join(parts)


def _tallies(proposals: Sequence[ProposalPage]) -> dict[int, tuple[int, int]]:
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Vote.objects.filter(proposal__in=proposals)
        .values_list("proposal_id", "choice")
        .annotate(n=Count("id"))
    )
    for pk, choice, n in rows.order_by():
        counts.setdefault(pk, {})[choice] = n
    return {pk: (c.get("support", 0), sum(c.values())) for pk, c in counts.items()}


def publish_responses(consultation: ConsultationPage, outcomes: Sequence[dict]) -> int:
    """'You said, we did' in the same words as the results: one per proposal, and one per theme an
    outcome names by its key words (falling back to the whole consultation). Once only."""
    if FeedbackResponse.objects.filter(consultation=consultation).exists():
        return 0
    proposals = {p.title: p for p in ProposalPage.objects.child_of(consultation)}
    themes = list(Theme.objects.filter(consultation=consultation, is_other=False).order_by("position"))
    officer = organisers_officer(consultation)
    made = []
    for outcome in outcomes:
        words = set(outcome.get("theme_terms", ()))
        theme = next((t for t in themes if words & set(t.key_terms)), None) if words else None
        made.append(
            FeedbackResponse(
                consultation=consultation,
                proposal=proposals.get(outcome.get("proposal") or ""),
                theme=theme,
                you_said=outcome["you_said"],
                we_did=outcome["we_did"],
                created_by=officer,
                notified_at=timezone.now(),  # the demo emails nobody
            )
        )
    FeedbackResponse.objects.bulk_create(made)
    return len(made)
