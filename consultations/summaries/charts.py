"""Server-rendered SVG charts: geometry computed here, drawn by templates, each with a data table."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 70
ROW = 30
BAR = 20
COLOURS = {
    "default": "#1d70b8",
    "support": "#00703c",
    "oppose": "#d4351c",
    "neutral": "#505a5f",
    "question": "#912b88",
}
SUPPRESSED = gettext_lazy("fewer than 5")


@dataclass
class Chart:
    """One chart: its SVG shapes, a text alternative, and the table with the same numbers."""

    id: str
    title: str
    description: str
    kind: str
    height: int
    headers: list[str]
    rows: list[list[str]]
    shapes: list[dict] = field(default_factory=list)
    width: int = WIDTH
    note: str = ""
    legend: list[dict] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.rows


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _display(value) -> str:
    return str(SUPPRESSED) if value is None else f"{value:,}"


def _for_against(support: int, oppose: int) -> str:
    return _("%(support)s for, %(oppose)s against") % {"support": f"{support:,}", "oppose": f"{oppose:,}"}


def bar_chart(
    chart_id: str, title: str, rows: Sequence[tuple[str, int | None]], unit: str, colours=None
) -> Chart:
    """Horizontal bars; a value of None is a suppressed small number and draws no bar.

    `unit` names what is counted, in the reader's language (a plural noun: "comments")."""
    colours = colours or {}
    top = max([v for _, v in rows if v] or [1])
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    shapes = []
    for i, (label, value) in enumerate(rows):
        y = i * ROW + 5
        width = 0 if not value else max(1, round(span * value / top))
        shapes.append(
            {
                "label": _shorten(label),
                "label_x": LABEL_WIDTH - 8,
                "text_y": y + BAR - 5,
                "x": LABEL_WIDTH,
                "y": y,
                "width": width,
                "height": BAR,
                "fill": colours.get(label, COLOURS["default"]),
                "value": _display(value),
                "value_x": LABEL_WIDTH + width + 6,
            }
        )
    parts = "; ".join(f"{label}: {_display(value)}" for label, value in rows)
    return Chart(
        id=chart_id,
        title=title,
        description=_("Bar chart of %(unit)s. %(parts)s.") % {"unit": unit, "parts": parts}
        if rows
        else _("No data."),
        kind="bar",
        height=max(ROW, len(rows) * ROW + 10),
        headers=["", str(unit).capitalize()],
        rows=[[label, _display(value)] for label, value in rows],
        shapes=shapes,
    )


def column_chart(chart_id: str, title: str, points: list[tuple[str, str, int]], unit: str) -> Chart:
    """Columns over time: points are (short label, long label, value)."""
    height, base, left = 220, 190, 40
    span = WIDTH - left - 10
    top = max([v for _, _, v in points] or [1]) or 1
    step = span / max(1, len(points))
    shapes = []
    for i, (short, _long, value) in enumerate(points):
        h = round(160 * value / top)
        shapes.append(
            {
                "x": round(left + i * step + 1, 1),
                "y": base - h,
                "width": max(1, round(step - 2, 1)),
                "height": h,
                "fill": COLOURS["default"],
                "tick": short if i in {0, len(points) // 2, len(points) - 1} else "",
                "tick_x": round(left + i * step + step / 2, 1),
            }
        )
    total = sum(v for _, _, v in points)
    busiest = max(points, key=lambda p: p[2]) if points else None
    description = (
        _(
            "Column chart of %(unit)s from %(first)s to %(last)s: %(total)s in all, "
            "most on %(busiest)s (%(most)s)."
        )
        % {
            "unit": unit,
            "first": points[0][1],
            "last": points[-1][1],
            "total": f"{total:,}",
            "busiest": busiest[1],
            "most": f"{busiest[2]:,}",
        }
        if points
        else _("No data.")
    )
    chart = Chart(
        id=chart_id,
        title=title,
        description=description,
        kind="columns",
        height=height,
        headers=[_("Period"), str(unit).capitalize()],
        rows=[[long, f"{v:,}"] for _, long, v in points],
        shapes=shapes,
    )
    chart.axis = {"base": base, "left": left, "right": WIDTH - 10, "top_label": f"{top:,}"}
    return chart


def stacked_chart(chart_id: str, title: str, rows: list[tuple[str, int, int]]) -> Chart:
    """Support and oppose votes per proposal, side by side in one bar."""
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 40
    top = max([s + o for _, s, o in rows] or [1]) or 1
    shapes = []
    for i, (label, support, oppose) in enumerate(rows):
        y = i * ROW + 5
        ws = round(span * support / top)
        wo = round(span * oppose / top)
        shapes.append(
            {
                "label": _shorten(label),
                "label_x": LABEL_WIDTH - 8,
                "text_y": y + BAR - 5,
                "y": y,
                "height": BAR,
                "support_x": LABEL_WIDTH,
                "support_width": ws,
                "oppose_x": LABEL_WIDTH + ws,
                "oppose_width": wo,
                "value": _for_against(support, oppose),
                "value_x": LABEL_WIDTH + ws + wo + 6,
            }
        )
    parts = "; ".join(f"{label}: {_for_against(s, o)}" for label, s, o in rows)
    return Chart(
        id=chart_id,
        title=title,
        description=_("Bar chart of votes per proposal (green: support, red: oppose). %(parts)s.")
        % {"parts": parts}
        if rows
        else _("No votes."),
        kind="stacked",
        height=max(ROW, len(rows) * ROW + 10),
        headers=[_("Proposal"), _("Support"), _("Oppose"), _("Total")],
        rows=[[label, f"{s:,}", f"{o:,}", f"{s + o:,}"] for label, s, o in rows],
        shapes=shapes,
        width=WIDTH + 60,
    )


# Options' colours in share charts, told apart by their order in the legend and table as well.
PALETTE = ["#1d70b8", "#d4351c", "#00703c", "#912b88", "#f47738", "#003078", "#85994b", "#6f72af", "#b58840"]
LEGEND_ROW = 20


def share_chart(
    chart_id: str,
    title: str,
    groups: Sequence[tuple[str, Sequence[int | None], int | None]],
    options: list[str],
) -> Chart:
    """One bar per group split into each option's share of the group's answers; a group of too
    few people (None) draws no bar, and a suppressed count draws no segment."""
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    shapes = []
    for i, (label, counts, answered) in enumerate(groups):
        y = i * ROW + 5
        segments, x = [], LABEL_WIDTH
        # Several answers a person (multiple choice) split the bar between them.
        whole = max(answered or 0, sum(n for n in counts if n))
        for j, n in enumerate(counts):
            if answered and n:
                width = round(span * n / whole, 1)
                segments.append({"x": x, "width": width, "fill": PALETTE[j % len(PALETTE)]})
                x = round(x + width, 1)
        shapes.append(
            {
                "label": _shorten(label),
                "label_x": LABEL_WIDTH - 8,
                "text_y": y + BAR - 5,
                "y": y,
                "height": BAR,
                "segments": segments,
                "value": str(SUPPRESSED) if answered is None else f"{answered:,}",
                "value_x": (x if segments else LABEL_WIDTH) + 6,
            }
        )
    top = len(groups) * ROW + 15
    legend = [
        {
            "y": top + j * LEGEND_ROW,
            "text_y": top + j * LEGEND_ROW + 11,
            "fill": PALETTE[j % len(PALETTE)],
            "label": _shorten(o, 60),
        }
        for j, o in enumerate(options)
    ]
    parts = "; ".join(
        f"{label}: "
        + (
            _("fewer than 5 people")
            if answered is None
            else ", ".join(f"{o} {_display(n)}" for o, n in zip(options, counts, strict=True))
        )
        for label, counts, answered in groups
    )
    return Chart(
        id=chart_id,
        title=title,
        description=_("Bars of each group's answers split by option. %(parts)s.") % {"parts": parts}
        if groups
        else _("No data."),
        kind="shares",
        height=top + len(options) * LEGEND_ROW + 5,
        headers=[],
        rows=[[label] for label, _c, _a in groups],
        shapes=shapes,
        legend=legend,
    )
