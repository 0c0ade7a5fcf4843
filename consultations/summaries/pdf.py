"""The feedback report as a PDF, drawn with fpdf2 (pure Python) from the same figures as the page."""

import io
import logging
from pathlib import Path

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy, ngettext, to_locale
from django.utils.translation import gettext as _

from civic.links import absolute

logging.getLogger("fpdf.svg").setLevel(logging.ERROR)  # it notes every <title>/<desc> it skips
# DejaVu Sans ships with Civic (fonts/, Bitstream Vera licence): the PDF core fonts are Latin-1,
# which has no ŵ or ŷ, so a Welsh report needs a Unicode font on every machine. The system's
# copies are a fallback.
FONT_DIRS = [
    Path(__file__).resolve().parent / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
]


def _unicode_font(pdf) -> str | None:
    """DejaVu Sans (any script, Welsh included); the PDF core font (Latin-1) only if it is missing."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            return "DejaVu"
    return None


FEWER_THAN_5 = gettext_lazy("fewer than 5")
NOT_SHOWN = gettext_lazy("not shown")


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
            self.para(_("(Chart not available in this PDF: see the table.)"), 8)


def render_pdf(context: dict) -> bytes:
    """Title, figures, themes with their quotes, charts with tables, representation, responses."""
    consultation = context["consultation"]
    w = _Writer()
    title = _("Feedback report: %(title)s") % {"title": consultation.title}
    w.pdf.set_title(title)
    w.pdf.set_lang(to_locale(get_language() or "en-gb").replace("_", "-"))
    w.heading(title, 18)
    w.para(consultation.summary)
    w.para(
        _("Run by %(organisation)s. Open %(opens)s to %(closes)s. Produced %(now)s.")
        % {
            "organisation": consultation.lead_organisation.name,
            "opens": date_format(timezone.localtime(consultation.opens_at), "j F Y"),
            "closes": date_format(timezone.localtime(consultation.closes_at), "j F Y"),
            "now": date_format(timezone.localtime(), "j F Y H:i"),
        }
    )
    ward = context.get("ward")
    totals = context["totals"]
    w.heading(_("At a glance"))
    if context["ward_suppressed"]:
        w.para(
            ngettext(
                "Comments not shown: fewer than 5 people, on %(proposals)s proposal.",
                "Comments not shown: fewer than 5 people, on %(proposals)s proposals.",
                len(context["proposals"]),
            )
            % {"proposals": len(context["proposals"])}
        )
    else:
        w.para(
            ngettext("%(count)s comment", "%(count)s comments", totals["comments"])
            % {"count": totals["comments"]}
            + " "
            + ngettext("from %(count)s person", "from %(count)s people", totals["people"])
            % {"count": totals["people"]}
            + " "
            + ngettext("on %(count)s proposal.", "on %(count)s proposals.", len(context["proposals"]))
            % {"count": len(context["proposals"])}
        )
    if ward:
        w.para(_("Ward: %(ward)s (residents who shared their ward).") % {"ward": ward.name})
    if context["ward_suppressed"]:
        w.para(_("Fewer than 5 people from this ward took part, so their figures are not shown."))
    else:
        w.heading(_("Themes"))
        run = context["run"]
        if not run:
            w.para(_("Themes have not been prepared yet."))
        elif run.is_pending:
            w.para(_("Themes are being prepared."))
        for view in context["themes"]:
            theme = view.theme
            status = _("signed off") if theme.is_signed_off else _("machine-suggested")
            w.para(f"{theme.label} ({status})", 11, bold=True)
            stance = "; ".join(f"{label}: {n}" for label, n in view.stance_rows)
            w.para(
                ngettext("%(count)s comment.", "%(count)s comments.", view.size) % {"count": view.size}
                + f" {stance}.",
                9,
            )
            for comment in view.quotes:
                link = absolute(reverse("consultations:summaries:comment_link", args=[comment.pk]))
                source = _("%(author)s, comment %(number)s") % {
                    "author": comment.author_name,
                    "number": comment.pk,
                }
                w.para(f"“{comment.body[:400]}” ({source})", 9, link=link)
            w.pdf.ln(2)
        w.heading(_("Participation"))
        for chart in context["charts"]:
            w.para(chart.title, 11, bold=True)
            if chart.empty:
                w.para(_("No contributions to show yet."), 9)
                continue
            w.svg(
                render_to_string("consultations/summaries/includes/_chart_svg.html", {"chart": chart}),
                chart.description,
            )
            w.table([h or _("Group") for h in chart.headers], chart.rows)
        if context["representation"]:
            w.heading(_("Who took part"))
            w.para(
                _(
                    "Participants who chose to share these details, compared with the census population. "
                    "Groups of fewer than 5 people are not shown."
                ),
                9,
            )
            for table in context["representation"]:
                w.para(table.title, 11, bold=True)
                if table.suppressed:
                    w.para(_("Fewer than 5 participants shared this detail, so it is not shown."), 9)
                    continue
                rows = [
                    [
                        row.label,
                        FEWER_THAN_5 if row.participants is None else str(row.participants),
                        "-" if row.participant_share is None else f"{row.participant_share}%",
                        "-" if row.population_share is None else f"{row.population_share}%",
                        row.status,
                    ]
                    for row in table.rows
                ]
                w.table(
                    [_("Group"), _("Participants"), _("Share"), _("Population"), _("Representation")], rows
                )
    if not context["ward_suppressed"] and context.get("conversations"):
        _conversations(w, context["conversations"])
    if context.get("surveys"):
        _surveys(w, context["surveys"])
    w.heading(_("You said, we did"))
    if not context["responses"]:
        w.para(_("The council has not published its response yet."))
    for response in context["responses"]:
        about = (
            _("Theme: %(label)s") % {"label": response.theme.label}
            if response.theme
            else _("Proposal: %(title)s") % {"title": response.proposal.title}
            if response.proposal
            else _("The consultation as a whole")
        )
        w.para(about, 11, bold=True)
        w.para(_("You said: %(text)s") % {"text": response.you_said}, 9)
        w.para(_("We did: %(text)s") % {"text": response.we_did}, 9)
    return bytes(w.pdf.output())


def _conversations(w: _Writer, conversations: list[dict]) -> None:
    """Each conversation's groups in words, its common ground and differences, and the table by group."""
    w.heading(_("Conversations and opinion groups"))
    for item in conversations:
        conversation, opinions = item["conversation"], item["opinions"]
        link = absolute(conversation.url or "/")
        w.para(conversation.title, 12, bold=True, link=link)
        voted = ngettext("%(count)s person voted", "%(count)s people voted", item["participants"]) % {
            "count": item["participants"]
        }
        statements = ngettext(
            "on %(count)s statement.", "on %(count)s statements.", len(item["statements"])
        ) % {"count": len(item["statements"])}
        w.para(f"{conversation.question} {voted} {statements}", 9)
        if opinions is None:
            w.para(_("Not enough votes yet to show opinion groups."), 9)
            continue
        w.para(opinions["description"], 9)
        for group in opinions["groups"]:
            size = ngettext("%(count)s person", "%(count)s people", group.size) % {"count": group.size}
            w.para(f"{group.name}: {size}", 10, bold=True)
            for rep in group.representative:
                said = (
                    _("Agreed with “%(statement)s” (%(in_group)s%% of the group, %(others)s%% of others)")
                    if rep["direction"] == "agree"
                    else _(
                        "Disagreed with “%(statement)s” (%(in_group)s%% of the group, %(others)s%% of others)"
                    )
                )
                w.para(
                    said
                    % {
                        "statement": rep["statement"].text,
                        "in_group": rep["in_group"],
                        "others": rep["others"],
                    },
                    9,
                    link=f"{link}?view=all#statement-{rep['statement'].pk}",
                )
        w.para(_("Common ground (every group agrees)"), 10, bold=True)
        for c in opinions["consensus"] or [None]:
            if c is None:
                w.para(_("No statement is agreed by every group yet."), 9)
            else:
                w.para(
                    _("“%(statement)s” (at least %(lowest)s%% in every group)")
                    % {"statement": c["statement"].text, "lowest": c["lowest"]},
                    9,
                    link=f"{link}?view=all#statement-{c['statement'].pk}",
                )
        w.para(_("Where groups differ"), 10, bold=True)
        for d in opinions["divisive"] or [None]:
            if d is None:
                w.para(_("No statement divides the groups."), 9)
            else:
                shares = ", ".join(
                    _("%(group)s %(percent)s%% agree") % {"group": name, "percent": p}
                    for name, p in d["by_group"]
                )
                w.para(
                    f"“{d['statement'].text}”: {shares}",
                    9,
                    link=f"{link}?view=all#statement-{d['statement'].pk}",
                )
        headers = [_("Statement")] + [f"{g.name} ({g.size})" for g in opinions["groups"]]
        rows = [
            [row["statement"].text]
            + [
                _("%(agree)s%% agree, %(disagree)s%% disagree") % {"agree": a, "disagree": d}
                for a, d, _seen in row["cells"]
            ]
            for row in opinions["rows"]
        ]
        w.table(headers, rows, caption=_("Agreement by group"))


def _surveys(w: _Writer, surveys: list) -> None:
    """Each survey's answers per option, and its cross-tabulation, as tables (small numbers hidden)."""
    w.heading(_("Surveys"))
    for item in surveys:
        w.para(item.survey.title, 12, bold=True)
        if item.ward_suppressed:
            w.para(_("Fewer than 5 people from this ward answered, so their answers are not shown."), 9)
            continue
        n = item.results.responses
        responses = ngettext("%(count)s response.", "%(count)s responses.", n) % {"count": n}
        w.para(f"{responses} {_('Percentages are of the people who answered each question.')}", 9)
        for result in item.results.questions:
            ranking = result.question.kind == "ranking"
            if not (result.question.is_choice or ranking):
                continue
            rows = [
                [
                    o.label,
                    FEWER_THAN_5 if o.count is None else str(o.count),
                    NOT_SHOWN if o.percent is None else f"{o.percent}%",
                ]
                + ([NOT_SHOWN if o.average is None else str(o.average)] if ranking else [])
                for o in result.options
            ]
            caption = _("Question %(number)s: %(label)s") % {
                "number": result.question.number,
                "label": result.question.label,
            }
            if ranking:
                headers = [_("Option"), _("Ranked first by"), _("Percentage"), _("Average position")]
                w.table(headers, rows, caption)
            else:
                w.table([_("Answer"), _("People"), _("Percentage")], rows, caption)
        for tab in item.crosstabs:
            header = [_("Answer"), *tab.groups]
            answered = [_("People who answered")] + [
                FEWER_THAN_5 if n is None else str(n) for n in tab.answered
            ]
            rows = [answered] + [
                [row.label]
                + [NOT_SHOWN if c.count is None else f"{c.count} ({c.percent}%)" for c in row.cells]
                for row in tab.rows
            ]
            caption = _("Question %(number)s by %(dimension)s") % {
                "number": tab.question.number,
                "dimension": tab.title.lower(),
            }
            w.table(header, rows, caption)
