"""The feedback report as a PDF, drawn with fpdf2 (pure Python) from the same figures as the page."""

import io
import logging
from pathlib import Path

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from civic.links import absolute

logging.getLogger("fpdf.svg").setLevel(logging.ERROR)  # it notes every <title>/<desc> it skips
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def _unicode_font(pdf) -> str | None:
    """DejaVu Sans when the system has it (any script); otherwise the PDF core font (Latin-1)."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            return "DejaVu"
    return None


class _Writer:
    def __init__(self):
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(True, margin=15)
        self.pdf.set_margins(15, 15, 15)
        self.font = _unicode_font(self.pdf) or "Helvetica"
        self.unicode = self.font != "Helvetica"
        self.pdf.add_page()

    def text(self, value) -> str:
        value = str(value)
        return value if self.unicode else value.encode("latin-1", "replace").decode("latin-1")

    def heading(self, value, size=14):
        self.pdf.ln(2)
        self.pdf.set_font(self.font, "B", size)
        self.pdf.multi_cell(0, size * 0.5, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def para(self, value, size=10, bold=False, link=""):
        self.pdf.set_font(self.font, "B" if bold else "", size)
        self.pdf.multi_cell(0, 5, self.text(value), new_x="LMARGIN", new_y="NEXT", link=link)

    def table(self, headers, rows, caption=""):
        if caption:
            self.para(caption, 9, bold=True)
        self.pdf.set_font(self.font, "", 9)
        with self.pdf.table(first_row_as_headings=True, line_height=5, text_align="LEFT") as table:
            table.row([self.text(h) for h in headers])
            for row in rows:
                table.row([self.text(cell) for cell in row])
        self.pdf.ln(2)

    def svg(self, markup: str, alt: str):
        try:
            self.pdf.image(io.BytesIO(markup.encode()), w=self.pdf.epw, alt_text=alt)
        except Exception:  # noqa: BLE001 - the table below carries the same numbers
            self.para("(Chart not available in this PDF: see the table.)", 8)


def render_pdf(context: dict) -> bytes:
    """Title, figures, themes with their quotes, charts with tables, representation, responses."""
    consultation = context["consultation"]
    w = _Writer()
    w.pdf.set_title(f"Feedback report: {consultation.title}")
    w.pdf.set_lang("en-GB")
    w.heading(f"Feedback report: {consultation.title}", 18)
    w.para(consultation.summary)
    w.para(
        f"Run by {consultation.lead_organisation.name}. Open {consultation.opens_at:%d %B %Y} to "
        f"{consultation.closes_at:%d %B %Y}. Produced {timezone.localtime():%d %B %Y %H:%M}."
    )
    ward = context.get("ward")
    totals = context["totals"]
    people = "fewer than 5" if context["ward_suppressed"] else totals["people"]
    w.heading("At a glance")
    comments = "Not shown:" if context["ward_suppressed"] else totals["comments"]
    w.para(f"{comments} comments from {people} people on {len(context['proposals'])} proposals.")
    if ward:
        w.para(f"Ward: {ward.name} (residents who shared their ward).")
    if context["ward_suppressed"]:
        w.para("Fewer than 5 people from this ward took part, so their figures are not shown.")
    else:
        w.heading("Themes")
        run = context["run"]
        if not run:
            w.para("Themes have not been prepared yet.")
        elif run.is_pending:
            w.para("Themes are being prepared.")
        for view in context["themes"]:
            theme = view.theme
            status = "signed off" if theme.is_signed_off else "machine-suggested"
            w.para(f"{theme.label} ({status})", 11, bold=True)
            stance = "; ".join(f"{label}: {n}" for label, n in view.stance_rows)
            w.para(f"{view.size} comments. {stance}.", 9)
            for comment in view.quotes:
                link = absolute(reverse("consultations:summaries:comment_link", args=[comment.pk]))
                w.para(f"“{comment.body[:400]}” ({comment.author_name}, comment {comment.pk})", 9, link=link)
            w.pdf.ln(2)
        w.heading("Participation")
        for chart in context["charts"]:
            w.para(chart.title, 11, bold=True)
            if chart.empty:
                w.para("No contributions to show yet.", 9)
                continue
            w.svg(
                render_to_string("consultations/summaries/includes/_chart_svg.html", {"chart": chart}),
                chart.description,
            )
            w.table([h or "Group" for h in chart.headers], chart.rows)
        if context["representation"]:
            w.heading("Who took part")
            w.para(
                "Participants who chose to share these details, compared with the census population. "
                "Groups of fewer than 5 people are not shown.",
                9,
            )
            for table in context["representation"]:
                w.para(table.title, 11, bold=True)
                if table.suppressed:
                    w.para("Fewer than 5 participants shared this detail, so it is not shown.", 9)
                    continue
                rows = [
                    [
                        row.label,
                        "fewer than 5" if row.participants is None else str(row.participants),
                        "-" if row.participant_share is None else f"{row.participant_share}%",
                        "-" if row.population_share is None else f"{row.population_share}%",
                        row.status,
                    ]
                    for row in table.rows
                ]
                w.table(["Group", "Participants", "Share", "Population", "Representation"], rows)
    if not context["ward_suppressed"] and context.get("conversations"):
        _conversations(w, context["conversations"])
    if context.get("surveys"):
        _surveys(w, context["surveys"])
    w.heading("You said, we did")
    if not context["responses"]:
        w.para("The council has not published its response yet.")
    for response in context["responses"]:
        about = (
            f"Theme: {response.theme.label}"
            if response.theme
            else f"Proposal: {response.proposal.title}"
            if response.proposal
            else "The consultation as a whole"
        )
        w.para(about, 11, bold=True)
        w.para(f"You said: {response.you_said}", 9)
        w.para(f"We did: {response.we_did}", 9)
    return bytes(w.pdf.output())


def _conversations(w: _Writer, conversations: list[dict]) -> None:
    """Each conversation's groups in words, its common ground and differences, and the table by group."""
    w.heading("Conversations and opinion groups")
    for item in conversations:
        conversation, opinions = item["conversation"], item["opinions"]
        link = absolute(conversation.url or "/")
        w.para(conversation.title, 12, bold=True, link=link)
        w.para(
            f"{conversation.question} {item['participants']} people voted on "
            f"{len(item['statements'])} statements.",
            9,
        )
        if opinions is None:
            w.para("Not enough votes yet to show opinion groups.", 9)
            continue
        w.para(opinions["description"], 9)
        for group in opinions["groups"]:
            w.para(f"{group.name}: {group.size} people", 10, bold=True)
            for rep in group.representative:
                verb = "Agreed" if rep["direction"] == "agree" else "Disagreed"
                w.para(
                    f"{verb} with “{rep['statement'].text}” "
                    f"({rep['in_group']}% of the group, {rep['others']}% of others)",
                    9,
                    link=f"{link}?view=all#statement-{rep['statement'].pk}",
                )
        w.para("Common ground (every group agrees)", 10, bold=True)
        for c in opinions["consensus"] or [None]:
            if c is None:
                w.para("No statement is agreed by every group yet.", 9)
            else:
                w.para(
                    f"“{c['statement'].text}” (at least {c['lowest']}% in every group)",
                    9,
                    link=f"{link}?view=all#statement-{c['statement'].pk}",
                )
        w.para("Where groups differ", 10, bold=True)
        for d in opinions["divisive"] or [None]:
            if d is None:
                w.para("No statement divides the groups.", 9)
            else:
                shares = ", ".join(f"{name} {p}% agree" for name, p in d["by_group"])
                w.para(
                    f"“{d['statement'].text}”: {shares}",
                    9,
                    link=f"{link}?view=all#statement-{d['statement'].pk}",
                )
        headers = ["Statement"] + [f"{g.name} ({g.size})" for g in opinions["groups"]]
        rows = [
            [row["statement"].text] + [f"{a}% agree, {d}% disagree" for a, d, _seen in row["cells"]]
            for row in opinions["rows"]
        ]
        w.table(headers, rows, caption="Agreement by group")


def _surveys(w: _Writer, surveys: list) -> None:
    """Each survey's answers per option, and its cross-tabulation, as tables (small numbers hidden)."""
    w.heading("Surveys")
    for item in surveys:
        w.para(item.survey.title, 12, bold=True)
        if item.ward_suppressed:
            w.para("Fewer than 5 people from this ward answered, so their answers are not shown.", 9)
            continue
        w.para(
            f"{item.results.responses} responses. Percentages are of the people who answered each question.",
            9,
        )
        for result in item.results.questions:
            ranking = result.question.kind == "ranking"
            if not (result.question.is_choice or ranking):
                continue
            rows = [
                [
                    o.label,
                    "fewer than 5" if o.count is None else str(o.count),
                    "not shown" if o.percent is None else f"{o.percent}%",
                ]
                + (["not shown" if o.average is None else str(o.average)] if ranking else [])
                for o in result.options
            ]
            caption = f"Question {result.question.number}: {result.question.label}"
            if ranking:
                headers = ["Option", "Ranked first by", "Percentage", "Average position"]
                w.table(headers, rows, caption)
            else:
                w.table(["Answer", "People", "Percentage"], rows, caption)
        for tab in item.crosstabs:
            header = ["Answer", *tab.groups]
            answered = ["People who answered"] + [
                "fewer than 5" if n is None else str(n) for n in tab.answered
            ]
            rows = [answered] + [
                [row.label]
                + ["not shown" if c.count is None else f"{c.count} ({c.percent}%)" for c in row.cells]
                for row in tab.rows
            ]
            w.table(header, rows, f"Question {tab.question.number} by {tab.title.lower()}")
