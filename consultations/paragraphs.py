"""A proposal's paragraphs: stable ids for comments to point at, their comment counts, and the
summary's heat strip of which paragraphs drew most comments and which way they leaned."""

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from civic.text import plain_text
from civic.types import Label

from .models import Comment, ProposalPage, Stance

BLOCK_TAGS = re.compile(r"</(p|li|h[1-6]|blockquote|div)>", re.IGNORECASE)
TOP_LEVEL = re.compile(r"<(p|ul|ol|h[1-6]|blockquote|div)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class Paragraph:
    """One paragraph block: its Wagtail block id (stable through edits), number and plain text."""

    id: str
    number: int
    text: str
    block: Any = None
    comment_count: int = 0

    @property
    def anchor(self) -> str:
        return f"paragraph-{self.id}"

    @property
    def excerpt(self) -> str:
        return self.text if len(self.text) <= 90 else self.text[:87].rstrip() + "…"


def text_of(rich_source: str) -> str:
    """Plain text of a paragraph's rich text, words kept apart where blocks or list items end."""
    return " ".join(plain_text(BLOCK_TAGS.sub(r" \g<0>", rich_source or "")).split())


def paragraphs_of(proposal: ProposalPage) -> list[Paragraph]:
    """The proposal's paragraphs as published (or as in the revision given), in order."""
    found: list[Paragraph] = []
    for child in proposal.proposed_change:
        if child.block_type != "paragraph" or not child.id:
            continue
        found.append(Paragraph(child.id, len(found) + 1, text_of(child.value.source), child))
    return found


def find(proposal: ProposalPage, paragraph_id: str) -> Paragraph | None:
    """The paragraph of this proposal with this id, or None (unknown, or another proposal's)."""
    return next((p for p in paragraphs_of(proposal) if p.id == paragraph_id), None)


def split_html(html: str) -> list[str]:
    """Rich text cut into its top-level blocks (paragraphs, lists, headings); loose text becomes a
    paragraph. Used to turn a proposal's old single text, and demo text, into paragraph blocks."""
    html = (html or "").strip()
    parts: list[str] = []
    end = 0
    for match in TOP_LEVEL.finditer(html):
        loose = html[end : match.start()].strip()
        if loose:
            parts.append(f"<p>{loose}</p>")
        parts.append(match.group(0).strip())
        end = match.end()
    loose = html[end:].strip()
    if loose:
        parts.append(f"<p>{loose}</p>")
    return parts


def stream_data(html_parts: Iterable[str]) -> list[dict]:
    """Paragraph blocks, each with a fresh id, as a StreamField stores them."""
    return [{"type": "paragraph", "value": part, "id": str(uuid.uuid4())} for part in html_parts]


def stream_json(html: str) -> str:
    """An old rich text value as the JSON of its paragraph blocks (migrations store this text)."""
    return json.dumps(stream_data(split_html(html)))


def published_counts(proposal: ProposalPage) -> tuple[int, dict[str, int]]:
    """Published comments on the proposal (replies too), and threads per paragraph, in one query."""
    rows = (
        Comment.objects.visible()
        .filter(proposal=proposal)
        .values_list("paragraph")
        .annotate(n=Count("id"), threads=Count("id", filter=Q(parent__isnull=True)))
        .order_by()
    )
    total = 0
    per_paragraph: dict[str, int] = {}
    for paragraph_id, n, threads in rows:
        total += n
        if paragraph_id:
            per_paragraph[paragraph_id] = threads
    return total, per_paragraph


def comment_counts(proposal: ProposalPage) -> dict[str, int]:
    """Published comments (threads) per paragraph of the proposal."""
    return published_counts(proposal)[1]


STANCE_BAR_WIDTH = 120  # the heat strip's stance bar, in SVG units (attributes, not styles: CSP)


@dataclass
class ParagraphFigures:
    """A paragraph's comments by stance, for the summary's heat strip and its table."""

    paragraph: Paragraph
    stances: dict[str, int] = field(default_factory=dict)
    heat: int = 0  # 0 (no comments) to HEAT_LEVELS (as many as the most commented paragraph)

    @property
    def total(self) -> int:
        return sum(self.stances.values())

    def stance_list(self) -> list[tuple[str, Label, int]]:
        return [(value, label, self.stances.get(value, 0)) for value, label in Stance.choices]

    def stance_bar(self) -> list[dict[str, Any]]:
        """Segments of the stance bar (x and width in SVG units), in stance order."""
        segments: list[dict[str, Any]] = []
        x, total = 0, self.total
        for value, label, n in self.stance_list():
            if not n:
                continue
            width = round(STANCE_BAR_WIDTH * n / total)
            segments.append({"stance": value, "label": label, "n": n, "x": x, "width": width})
            x += width
        if segments:  # rounding: the last segment ends at the bar's end
            segments[-1]["width"] = STANCE_BAR_WIDTH - int(segments[-1]["x"])
        return segments


@dataclass
class ProposalParagraphs:
    proposal: ProposalPage
    rows: list[ParagraphFigures]
    removed: int = 0  # comments on paragraphs since removed from the proposal
    stances = Stance.choices  # the table's columns

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows) + self.removed


HEAT_LEVELS = 5


def summary(proposals: list[ProposalPage], comments) -> list[ProposalParagraphs]:
    """Each proposal's paragraphs with the comments on them by stance (from `comments`, the summary's
    published comments), in one query for every proposal. Proposals nobody commented on by
    paragraph are left out."""
    counts: dict[tuple[int, str], dict[str, int]] = {}
    rows = (
        comments.filter(proposal__in=[p.pk for p in proposals], parent__isnull=True)
        .exclude(paragraph="")
        .values_list("proposal_id", "paragraph", "stance")
        .annotate(n=Count("id"))
        .order_by()
    )
    for proposal_id, paragraph_id, stance, n in rows:
        counts.setdefault((proposal_id, paragraph_id), {})[stance] = n
    result = []
    for proposal in proposals:
        if not any(key[0] == proposal.pk for key in counts):
            continue
        figures = [ParagraphFigures(p, counts.get((proposal.pk, p.id), {})) for p in paragraphs_of(proposal)]
        current = {f.paragraph.id for f in figures}
        removed = sum(
            sum(by_stance.values())
            for (pid, paragraph_id), by_stance in counts.items()
            if pid == proposal.pk and paragraph_id not in current
        )
        most = max((f.total for f in figures), default=0)
        for f in figures:
            f.heat = -(-HEAT_LEVELS * f.total // most) if most else 0  # rounded up: one comment shows
        result.append(ProposalParagraphs(proposal, figures, removed))
    return result
