"""The stored opinion groups made readable: SVG geometry, a text description and plain-words summaries."""

import string
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

WIDTH, HEIGHT, PAD = 480, 320, 24
MARKERS = ("circle", "square", "triangle", "diamond", "cross")  # shape as well as colour tells groups apart


def group_name(index: int) -> str:
    return _("Group %(letter)s") % {"letter": string.ascii_uppercase[index]}


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass
class GroupView:
    index: int
    name: str
    size: int
    marker: str
    hull_points: str
    label_x: float
    label_y: float
    place: str
    representative: list = field(default_factory=list)
    agreement: dict = field(default_factory=dict)  # statement id -> (agree %, disagree %, seen)


def _scale(result: dict):
    xs = [p[0] for p in result["points"]] + [x for g in result["groups"] for x, _ in g["hull"]]
    ys = [p[1] for p in result["points"]] + [y for g in result["groups"] for _, y in g["hull"]]
    lo_x, hi_x = min(xs), max(xs)
    lo_y, hi_y = min(ys), max(ys)
    span_x = (hi_x - lo_x) or 1.0
    span_y = (hi_y - lo_y) or 1.0

    def to_svg(x: float, y: float) -> tuple[float, float]:
        return (
            round(PAD + (x - lo_x) / span_x * (WIDTH - 2 * PAD), 1),
            round(HEIGHT - PAD - (y - lo_y) / span_y * (HEIGHT - 2 * PAD), 1),
        )

    return to_svg


PLACES = {  # where a group sits on the opinion map, in words
    "top left": pgettext_lazy("place on the opinion map", "top left"),
    "top middle": pgettext_lazy("place on the opinion map", "top middle"),
    "top right": pgettext_lazy("place on the opinion map", "top right"),
    "left": pgettext_lazy("place on the opinion map", "left"),
    "centre": pgettext_lazy("place on the opinion map", "centre"),
    "right": pgettext_lazy("place on the opinion map", "right"),
    "bottom left": pgettext_lazy("place on the opinion map", "bottom left"),
    "bottom middle": pgettext_lazy("place on the opinion map", "bottom middle"),
    "bottom right": pgettext_lazy("place on the opinion map", "bottom right"),
}


def _place(x: float, y: float) -> str:
    """Where on the map a group sits, in words (for the text description)."""
    horizontal = "left" if x < WIDTH / 3 else "right" if x > 2 * WIDTH / 3 else "middle"
    vertical = "top" if y < HEIGHT / 3 else "bottom" if y > 2 * HEIGHT / 3 else ""
    return str(PLACES[f"{vertical} {horizontal}".strip() if vertical or horizontal != "middle" else "centre"])


def opinion_view(result: dict, statements: dict) -> dict | None:
    """Everything the results partial shows, or None when there are no groups yet."""
    if not result or result.get("status") != "ok":
        return None
    to_svg = _scale(result)
    groups = []
    for g in result["groups"]:
        hull = [to_svg(x, y) for x, y in g["hull"]]
        cx, cy = to_svg(*g["centroid"])
        view = GroupView(
            index=g["id"],
            name=group_name(g["id"]),
            size=g["size"],
            marker=MARKERS[g["id"] % len(MARKERS)],
            hull_points=" ".join(f"{x},{y}" for x, y in hull),
            label_x=cx,
            label_y=cy,
            place=_place(cx, cy),
        )
        for rep in g["representative"]:
            statement = statements.get(rep["statement"])
            if statement is not None:
                view.representative.append(
                    {
                        "statement": statement,
                        "direction": rep["direction"],
                        "in_group": round(100 * rep["in_group"]),
                        "others": round(100 * rep["others"]),
                    }
                )
        for sid, (agree, disagree, passed) in g["votes"].items():
            seen = agree + disagree + passed
            view.agreement[int(sid)] = (percent(agree, seen), percent(disagree, seen), seen)
        groups.append(view)
    points = []
    for x, y, label in result["points"]:
        sx, sy = to_svg(x, y)
        points.append(
            {"x": sx, "y": sy, "group": label, "marker": MARKERS[label % len(MARKERS)] if label >= 0 else ""}
        )
    rows = []
    for sid, statement in statements.items():
        cells = [g.agreement.get(sid, (0, 0, 0)) for g in groups]
        if any(seen for _a, _d, seen in cells):
            rows.append({"statement": statement, "cells": cells})
    unfitted = result["participants"] - result["fitted"]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "groups": groups,
        "points": points,
        "sampled": result.get("points_stride", 1) > 1,
        "unfitted": unfitted,
        "rows": rows,
        "consensus": [
            {"statement": statements[c["statement"]], "lowest": round(100 * c["lowest_agreement"])}
            for c in result["consensus"]
            if c["statement"] in statements
        ],
        "divisive": [
            {
                "statement": statements[d["statement"]],
                "by_group": [(group_name(i), round(100 * p)) for i, p in enumerate(d["agreement"])],
            }
            for d in result["divisive"]
            if d["statement"] in statements
        ],
        "description": describe(result, groups, unfitted),
        "result": result,
    }


def describe(result: dict, groups: list[GroupView], unfitted: int) -> str:
    """The map in one paragraph, for screen readers and for anyone who prefers words."""
    participants = result["participants"]
    in_groups = ngettext("in %(count)s group.", "in %(count)s groups.", len(groups)) % {"count": len(groups)}
    parts = [
        ngettext(
            "Opinion map of %(count)s participant %(groups)s",
            "Opinion map of %(count)s participants %(groups)s",
            participants,
        )
        % {"count": participants, "groups": in_groups},
        _("Each point is a person; people who vote alike are close together."),
    ]
    for g in groups:
        parts.append(
            ngettext(
                "%(name)s, %(count)s person, is at the %(place)s.",
                "%(name)s, %(count)s people, is at the %(place)s.",
                g.size,
            )
            % {"name": g.name, "count": g.size, "place": g.place}
        )
    if unfitted:
        minimum = result.get("min_votes", _("the minimum"))
        parts.append(
            ngettext(
                "%(count)s participant with fewer than %(minimum)s votes is shown as a hollow point "
                "and not counted in a group.",
                "%(count)s participants with fewer than %(minimum)s votes are shown as hollow points "
                "and not counted in a group.",
                unfitted,
            )
            % {"count": unfitted, "minimum": minimum}
        )
    return " ".join(parts)


def conversation_summaries(consultation) -> list[dict]:
    """A consultation's published conversations with their stored groups, for the councillor summary
    and its exports (a fixed number of queries, whatever the number of conversations). The caller has
    checked that this person may see the consultation's summary."""
    from django.db.models import Count

    from .models import ConversationPage, OpinionResult, OpinionVote, Statement

    conversations = list(
        ConversationPage.objects.child_of(consultation)
        .live()
        .filter(view_restrictions__isnull=True)  # the caller checked the consultation and its ancestors
        .order_by("path")
        .only("id", "title", "question", "url_path", "path", "depth", "slug")
    )
    if not conversations:
        return []
    ids = [c.pk for c in conversations]
    results = dict(
        OpinionResult.objects.filter(conversation_id__in=ids).values_list("conversation_id", "data")
    )
    statements: dict[int, dict] = {pk: {} for pk in ids}
    for statement in (
        Statement.objects.published()
        .filter(conversation_id__in=ids)
        .only("id", "text", "is_seed", "conversation_id")
    ):
        statements[statement.conversation_id][statement.pk] = statement
    counts: dict[int, dict[int, int]] = {}
    rows = (
        OpinionVote.objects.filter(conversation_id__in=ids, statement__status=Statement.Status.PUBLISHED)
        .values_list("statement_id", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    for statement_id, value, n in rows:
        counts.setdefault(statement_id, {})[value] = n
    people = dict(
        OpinionVote.objects.filter(conversation_id__in=ids)
        .values_list("conversation_id")
        .annotate(n=Count("user_id", distinct=True))
        .order_by()
    )
    found = []
    for conversation in conversations:
        by_id = statements[conversation.pk]
        for statement in by_id.values():
            c = counts.get(statement.pk, {})
            statement.agree, statement.disagree, statement.passed = c.get(1, 0), c.get(-1, 0), c.get(0, 0)
        data = results.get(conversation.pk) or {}
        found.append(
            {
                "conversation": conversation,
                "statements": list(by_id.values()),
                "participants": people.get(conversation.pk, 0),
                "opinion_result": data,
                "opinions": opinion_view(data, by_id),
            }
        )
    return found
