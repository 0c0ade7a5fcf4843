"""Survey answers broken down by ward and by the equality details people consented to share,
with the summaries' small-number suppression, for the councillor summary and the results page.

Only a consented participant profile places a response in a group; answers without an account,
typed in by staff or from people who did not share a detail are counted under "Not shared"."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from civic.models import AgeBand, Area, Disability, Ethnicity
from civic.types import Label

from ..summaries import charts
from ..summaries.figures import SUPPRESS_BELOW, suppress
from .models import SurveyPage, SurveyResponse
from .questions import Question
from .services import OptionResult, QuestionResult, SurveyResults, results_version

NOT_SHARED = ""
NOT_SHARED_LABEL = gettext_lazy("Not shared")
# (key, the heading people read, the profile column it comes from)
DIMENSIONS = [
    ("ward", gettext_lazy("Ward"), "ward_id"),
    ("age_band", gettext_lazy("Age"), "age_band"),
    ("disability", gettext_lazy("Disability"), "disability"),
    ("ethnicity", gettext_lazy("Ethnic group"), "ethnicity"),
]
DIMENSION_KEYS = [key for key, _t, _c in DIMENSIONS]
CACHE_SECONDS = 600


@dataclass
class Cell:
    count: int | None  # None: a small number, suppressed
    percent: int | None


@dataclass
class CrossRow:
    label: str
    cells: list[Cell]


@dataclass
class CrossTab:
    """One choice question's answers, one column per group."""

    question: Question
    dimension: str
    title: Label
    groups: list[Label]
    answered: list[int | None]  # people in each group who answered; None: fewer than SUPPRESS_BELOW
    rows: list[CrossRow] = field(default_factory=list)
    chart: charts.Chart | None = None

    @property
    def columns(self) -> list[tuple[Label, int | None]]:
        return list(zip(self.groups, self.answered, strict=True))


@dataclass
class Breakdown:
    """Every dimension's groups and, per group, how many responses and choices it holds."""

    groups: dict[str, list[tuple[object, Label]]]  # dimension -> [(group key, label)]
    responses: dict[str, dict[object, int]]  # dimension -> group -> responses
    answered: dict[str, dict[object, dict[str, int]]]  # dimension -> group -> question id -> people
    chosen: dict[str, dict[object, dict[str, dict[str, int]]]]  # ... -> question id -> option id -> n
    # rankings: chosen counts who put each option first; this adds up the positions each was given
    positions: dict[str, dict[object, dict[str, dict[str, int]]]] = field(default_factory=dict)


def _groups(wards: list[Area]) -> dict[str, list[tuple[object, Label]]]:
    choices: dict[str, list[tuple[object, Label]]] = {
        "ward": [(w.pk, w.name) for w in wards],
        "age_band": list(AgeBand.choices),
        "disability": list(Disability.choices),
        "ethnicity": list(Ethnicity.choices),
    }
    return {key: [*found, (NOT_SHARED, NOT_SHARED_LABEL)] for key, found in choices.items()}


def _count(survey: SurveyPage, questions: list[Question], wards: list[Area], dimension: str) -> Breakdown:
    """Reads each counted response once with its author's consented profile detail (one query)."""
    groups = {dimension: _groups(wards)[dimension]}
    measured = [d for d in DIMENSIONS if d[0] == dimension]
    known = {key: {g for g, _label in found} for key, found in groups.items()}
    responses: dict[str, dict[object, int]] = {key: {} for key in groups}
    answered: dict[str, dict[object, dict[str, int]]] = {key: {} for key in groups}
    chosen: dict[str, dict[object, dict[str, dict[str, int]]]] = {key: {} for key in groups}
    positions: dict[str, dict[object, dict[str, dict[str, int]]]] = {key: {} for key in groups}
    profile = "user__participant_profile__"
    rows = (
        SurveyResponse.objects.filter(survey=survey)
        .submitted()
        .values_list("answers", f"{profile}consented_at", *(f"{profile}{c}" for _k, _t, c in measured))
    )
    for answers, consented, *values in rows.iterator(chunk_size=2000):
        for (key, _title, _column), value in zip(measured, values, strict=True):
            group = value if consented is not None and value in known[key] and value else NOT_SHARED
            responses[key][group] = responses[key].get(group, 0) + 1
            per_answered = answered[key].setdefault(group, {})
            per_chosen = chosen[key].setdefault(group, {})
            for q in questions:
                answer = answers.get(q.id)
                if answer in (None, "", []):
                    continue
                per_answered[q.id] = per_answered.get(q.id, 0) + 1
                if q.kind == "ranking" and isinstance(answer, list):
                    options = per_chosen.setdefault(q.id, {})
                    options[answer[0]] = options.get(answer[0], 0) + 1  # who put it first
                    sums = positions[key].setdefault(group, {}).setdefault(q.id, {})
                    for position, option_id in enumerate(answer, 1):
                        sums[option_id] = sums.get(option_id, 0) + position
                elif q.is_choice:
                    options = per_chosen.setdefault(q.id, {})
                    for option_id in answer if isinstance(answer, list) else [answer]:
                        options[option_id] = options.get(option_id, 0) + 1
    return Breakdown(
        groups=groups, responses=responses, answered=answered, chosen=chosen, positions=positions
    )


def breakdown(
    survey: SurveyPage, wards: list[Area], version: str | None = None, dimension: str = "ward"
) -> Breakdown:
    """The counts behind one dimension's cross-tabulations, computed again only when the
    responses change (each dimension on its own: a view reads every response once, not four times)."""
    ward_key = ",".join(str(w.pk) for w in wards)
    key = f"survey-breakdown-2:{get_language()}:{version or results_version(survey)}:{dimension}:{ward_key}"
    found: Breakdown | None = cache.get(key)
    if found is None:
        found = _count(survey, survey.question_list(), wards, dimension)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _shown(n: int) -> int | None:
    return None if n < SUPPRESS_BELOW else n


def crosstabs(survey: SurveyPage, counts: Breakdown, dimension: str) -> list[CrossTab]:
    """Each choice question by the groups of one dimension: a group of fewer than 5 people who
    answered shows nothing, and within a group counts of 1 to 4 are suppressed as in summaries.

    A ranking is broken down by who put each option first. A ward question is not broken down by
    ward: the table would only restate where people live."""
    title = dict((k, t) for k, t, _c in DIMENSIONS)[dimension]
    groups = counts.groups[dimension]
    tabs = []
    for q in survey.question_list():
        if not (q.is_choice or q.kind == "ranking") or (q.kind == "ward" and dimension == "ward"):
            continue
        answered = [_shown(counts.answered[dimension].get(g, {}).get(q.id, 0)) for g, _label in groups]
        columns = []
        for (group, _label), people in zip(groups, answered, strict=True):
            raw = counts.chosen[dimension].get(group, {}).get(q.id, {})
            if people is None:
                columns.append({option_id: None for option_id, _o in q.options})
            else:
                columns.append(suppress({option_id: raw.get(option_id, 0) for option_id, _o in q.options}))
        rows = []
        for option_id, label in q.options:
            cells = []
            for people, shown in zip(answered, columns, strict=True):
                n = shown[option_id]
                cells.append(Cell(n, None if n is None or not people else round(100 * n / people)))
            rows.append(CrossRow(label, cells))
        tab = CrossTab(q, dimension, title, [label for _g, label in groups], answered, rows)
        tab.chart = charts.share_chart(
            f"survey-{survey.pk}-{dimension}-q{q.number}",
            _("Question %(number)s by %(dimension)s") % {"number": q.number, "dimension": title.lower()},
            [
                (str(label), [row.cells[i].count for row in rows], answered[i])
                for i, (_g, label) in enumerate(groups)
                if answered[i] is not None or counts.answered[dimension].get(groups[i][0], {}).get(q.id)
            ],
            [label for _o, label in q.options],
        )
        tabs.append(tab)
    return tabs


def for_group(survey: SurveyPage, counts: Breakdown, dimension: str, group: object) -> SurveyResults:
    """The results as one group's members gave them (a councillor's ward), suppressed the same way."""
    people = counts.responses[dimension].get(group, 0)
    found = []
    for q in survey.question_list():
        n = counts.answered[dimension].get(group, {}).get(q.id, 0)
        raw = counts.chosen[dimension].get(group, {}).get(q.id, {})
        shown = suppress({o: raw.get(o, 0) for o, _l in q.options}) if n >= SUPPRESS_BELOW else {}
        sums = counts.positions.get(dimension, {}).get(group, {}).get(q.id, {})
        ranked = q.kind == "ranking" and n >= SUPPRESS_BELOW  # everyone who ranks numbers every option
        options = [
            OptionResult(
                label=label,
                count=shown.get(option_id),
                percent=None if shown.get(option_id) is None or not n else round(100 * shown[option_id] / n),
                average=round(sums.get(option_id, 0) / n, 1) if ranked else None,
            )
            for option_id, label in q.options
        ]
        item = QuestionResult(question=q, answered=n, options=options)
        if (q.is_choice or q.kind == "ranking") and n >= SUPPRESS_BELOW:
            title = (
                _("%(question)s: ranked first") % {"question": q.label} if q.kind == "ranking" else q.label
            )
            item.chart = charts.bar_chart(
                f"survey-{survey.pk}-q{q.number}", title, item.chart_rows, _("people")
            )
        found.append(item)
    return SurveyResults(responses=people, questions=found)
