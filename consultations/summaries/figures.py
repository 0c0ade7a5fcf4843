"""The numbers behind a summary: participation, themes and representation, in a bounded set of queries."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Case, Count, Expression, F, Q, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.models import AgeBand, Area, Disability, Ethnicity, ParticipantProfile
from civic.pages import public_pages
from civic.types import Label

from .. import paragraphs
from ..conversations.display import conversation_summaries
from ..models import Comment, ProposalPage, Stance, SurveyAnswerTheme, Vote
from . import charts
from .models import Dimension, FeedbackResponse, PopulationBaseline, Theme, ThemeMembership, ThemeRun
from .services import public_proposal_ids, summarised_comments

SUPPRESS_BELOW = 5  # groups of 1 to 4 people are never shown: they could identify someone
WEEKLY_AFTER_DAYS = 60
UNDER_RATIO = 0.8
OVER_RATIO = 1.25


def suppress(counts: dict) -> dict:
    """Hide counts of 1 to 4; if only one is hidden, hide the next smallest so totals can't reveal it."""
    hidden = {key for key, n in counts.items() if 0 < n < SUPPRESS_BELOW}
    if len(hidden) == 1:
        rest = sorted((n, str(key), key) for key, n in counts.items() if n >= SUPPRESS_BELOW)
        if rest:
            hidden.add(rest[0][2])
    return {key: (None if key in hidden else n) for key, n in counts.items()}


def consented_ward():
    """A comment's ward: its author's ward, only when the author agreed to share it."""
    return Case(
        When(
            author__participant_profile__consented_at__isnull=False,
            then=F("author__participant_profile__ward_id"),
        ),
        default=None,
    )


def ward_filter(ward, prefix="author") -> Q:
    return Q(
        **{
            f"{prefix}__participant_profile__ward": ward,
            f"{prefix}__participant_profile__consented_at__isnull": False,
        }
    )


@dataclass
class ThemeView:
    theme: Theme
    size: int = 0
    stance: dict = field(default_factory=dict)
    quotes: list = field(default_factory=list)
    answers: int = 0  # free-text survey answers in the theme (counted in size)
    answer_quotes: list = field(default_factory=list)

    @property
    def comments(self) -> int:
        return self.size - self.answers

    @property
    def stance_rows(self):
        return [(label, self.stance.get(value, 0)) for value, label in Stance.choices]


def participation_over_time(comments) -> list[tuple[str, str, int]]:
    rows = (
        comments.annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values_list("day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    daily = dict(rows)
    if not daily:
        return []
    first, last = min(daily), max(daily)
    if (last - first).days > WEEKLY_AFTER_DAYS:
        weekly: Counter = Counter()
        for day, n in daily.items():
            weekly[day - timedelta(days=day.weekday())] += n
        start = first - timedelta(days=first.weekday())
        points, day = [], start
        while day <= last:
            long = _("week of %(date)s") % {"date": date_format(day, "j F Y")}
            points.append((date_format(day, "d M"), long, weekly.get(day, 0)))
            day += timedelta(days=7)
        return points
    points, day = [], first
    while day <= last:
        points.append((date_format(day, "d M"), date_format(day, "j F Y"), daily.get(day, 0)))
        day += timedelta(days=1)
    return points


def _counts_by(comments, field_name: str, choices) -> list[tuple[str, int]]:
    counts = dict(comments.values_list(field_name).annotate(n=Count("id")).order_by())
    return [(label, counts.get(value, 0)) for value, label in choices]


def by_ward(comments, wards: list[Area]) -> list[tuple[str, int | None]]:
    rows = (
        comments.annotate(ward_id=consented_ward())
        .values_list("ward_id")
        .annotate(n=Count("id"), people=Count("author_id", distinct=True))
        .order_by()
    )
    people, counts = {}, {}
    for ward_id, n, p in rows:
        people[ward_id], counts[ward_id] = p, n
    visible = suppress({k: v for k, v in people.items() if k is not None})
    names = {w.pk: w.name for w in wards}
    out = [
        (names.get(ward_id, _("Unknown ward")), None if visible[ward_id] is None else counts[ward_id])
        for ward_id in sorted((k for k in counts if k is not None), key=lambda k: names.get(k, ""))
    ]
    if None in counts:
        out.append((_("Ward not shared"), counts[None]))
    return out


def votes_per_proposal(consultation, proposals, ward=None) -> list[tuple[str, int, int]]:
    votes = Vote.objects.filter(proposal__in=[p.pk for p in proposals])
    if ward is not None:
        votes = votes.filter(ward_filter(ward, "user"))
    counts: defaultdict[int, dict[str, int]] = defaultdict(dict)
    for pid, choice, n in votes.values_list("proposal_id", "choice").annotate(n=Count("id")).order_by():
        counts[pid][choice] = n
    return [(p.title, counts[p.pk].get("support", 0), counts[p.pk].get("oppose", 0)) for p in proposals]


def theme_views(consultation, ward=None, *, with_answers=True, language=None) -> list[ThemeView]:
    themes = list(Theme.objects.filter(consultation=consultation).select_related("signed_off_by"))
    views = {t.pk: ThemeView(t) for t in themes}
    # A comment hidden or removed after the themes were prepared no longer counts or is quoted.
    # So does one on a draft or restricted proposal.
    members = ThemeMembership.objects.filter(
        theme__consultation=consultation, comment__in=summarised_comments(consultation).values("pk")
    )
    if ward is not None:
        members = members.filter(ward_filter(ward, "comment__author"))
    if language:
        members = members.filter(comment__language=language)
    for theme_id, stance, n in (
        members.values_list("theme_id", "comment__stance").annotate(n=Count("id")).order_by()
    ):
        views[theme_id].stance[stance] = n
        views[theme_id].size += n
    quotes = (
        members.filter(quote_rank__isnull=False)
        .select_related("comment__author", "comment__proposal")
        .order_by("theme_id", "quote_rank")
    )
    for membership in quotes:
        views[membership.theme_id].quotes.append(membership.comment)
    if with_answers:
        _answer_views(consultation, views, ward, language)
    # An empty "other" says nothing; in one ward or language, themes nobody there spoke about are left out.
    narrowed = ward is not None or bool(language)
    shown = [v for v in views.values() if v.size or (not narrowed and not v.theme.is_other)]
    return sorted(shown, key=lambda v: (v.theme.is_other, v.theme.position, v.theme.pk))


def _answer_views(consultation, views: dict[int, ThemeView], ward, language=None) -> None:
    """Free-text survey answers in each theme: how many (still counted), and the quoted ones."""
    answers = SurveyAnswerTheme.objects.filter(
        theme__consultation=consultation,
        response__submitted_at__isnull=False,
        response__awaiting_confirmation=False,
    )
    if ward is not None:
        answers = answers.filter(ward_filter(ward, "response__user"))
    if language:
        answers = answers.filter(response__language=language)
    for theme_id, n in answers.values_list("theme_id").annotate(n=Count("id")).order_by():
        views[theme_id].answers = n
        views[theme_id].size += n
    for answer in (
        answers.filter(quote_rank__isnull=False)
        .select_related("response__survey")
        .order_by("theme_id", "quote_rank")
    ):
        views[answer.theme_id].answer_quotes.append(answer)


DIMENSIONS = [
    (Dimension.AGE_BAND, gettext_lazy("Age"), AgeBand.choices),
    (Dimension.WARD, gettext_lazy("Ward"), None),
    (Dimension.DISABILITY, gettext_lazy("Disability"), Disability.choices),
    (Dimension.ETHNICITY, gettext_lazy("Ethnic group"), Ethnicity.choices),
]


REPRESENTATION_STATUS = {
    "hidden": gettext_lazy("Not shown: fewer than 5 people"),
    "no_baseline": gettext_lazy("No baseline"),
    "under": gettext_lazy("Under-represented"),
    "over": gettext_lazy("Over-represented"),
    "in_line": gettext_lazy("In line with population"),
}


@dataclass
class RepresentationRow:
    label: Label
    participants: int | None
    participant_share: float | None
    population_share: float | None

    @property
    def standing(self) -> str:
        """hidden, no_baseline, under, over or in_line: what the status says, in no language."""
        if self.participants is None:
            return "hidden"
        if not self.population_share:
            return "no_baseline"
        ratio = (self.participant_share or 0) / self.population_share
        if ratio < UNDER_RATIO:
            return "under"
        if ratio > OVER_RATIO:
            return "over"
        return "in_line"

    @property
    def status(self) -> str:
        return str(REPRESENTATION_STATUS[self.standing])

    @property
    def under(self) -> bool:
        return self.standing == "under"


@dataclass
class RepresentationTable:
    dimension: str
    title: Label
    answered: int | None
    rows: list[RepresentationRow]

    @property
    def suppressed(self) -> bool:
        return self.answered is None


def representation(consultation, proposals, wards: list[Area]) -> list[RepresentationTable]:
    """Who took part (residents who consented to share) against the council's population."""
    comment_authors = summarised_comments(consultation).values("author_id")
    voters = Vote.objects.filter(proposal__in=[p.pk for p in proposals]).values("user_id")
    profiles = list(
        ParticipantProfile.objects.filter(consented_at__isnull=False)
        .filter(Q(user_id__in=comment_authors) | Q(user_id__in=voters))
        .values_list("age_band", "ward__slug", "disability", "ethnicity")
    )
    baseline: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for dimension, category, population in PopulationBaseline.objects.values_list(
        "dimension", "category", "population"
    ):
        baseline[dimension][category] = population
    tables = []
    for index, (dimension, title, choices) in enumerate(DIMENSIONS):
        if choices is None:
            choices = [(w.slug, w.name) for w in wards]  # type: ignore[misc]  # names, where others are lazy labels
        counts = Counter(row[index] for row in profiles if row[index])
        answered = sum(counts.get(value, 0) for value, _ in choices)
        shown = suppress({value: counts.get(value, 0) for value, _ in choices})
        population_total = sum(baseline[dimension].get(value, 0) for value, _ in choices)
        rows = []
        for value, label in choices:
            n = shown[value]
            pop = baseline[dimension].get(value)
            rows.append(
                RepresentationRow(
                    label=label,
                    participants=n,
                    participant_share=round(100 * n / answered, 1) if n is not None and answered else None,
                    population_share=round(100 * pop / population_total, 1)
                    if pop and population_total
                    else None,
                )
            )
        if answered < SUPPRESS_BELOW:
            tables.append(RepresentationTable(dimension, title, None, []))
        else:
            tables.append(RepresentationTable(dimension, title, answered, rows))
    return tables


def build_summary(
    consultation, ward=None, *, include_representation=True, survey_breakdown="ward", language=None
) -> dict:
    """Everything the summary page, the printable report and the PDF show; with a language, the
    comments (and themed survey answers) written in that language only."""
    from ..surveys.summary import (
        clean_dimension,
        dimension_choices,
        survey_summaries,
    )  # surveys import figures

    comments = summarised_comments(consultation)
    wards = list(Area.objects.filter(kind=Area.Kind.WARD).order_by("name"))
    if ward is not None:
        comments = comments.filter(ward_filter(ward))
    if language:
        comments = comments.filter(language=language)
    # People: accounts, plus each erased account once (its comments share one former_author).
    people = Count("author_id", distinct=True) + Count("former_author", distinct=True)
    totals = comments.aggregate(comments=Count("id"), people=people)
    ward_suppressed = ward is not None and 0 < totals["people"] < SUPPRESS_BELOW
    proposals = list(
        ProposalPage.objects.filter(pk__in=public_proposal_ids(consultation))
        .order_by("path")
        .only("id", "title", "url_path", "proposed_change")  # paragraphs for the heat strip
    )
    run = ThemeRun.objects.filter(consultation=consultation).first()
    context = {
        "consultation": consultation,
        "ward": ward,
        "language": language or "",
        "wards": wards,
        "ward_suppressed": ward_suppressed,
        "totals": totals,
        "run": run,
        "proposals": proposals,
        "responses": list(FeedbackResponse.objects.shown_with(consultation, [p.pk for p in proposals])),
        "suppress_below": SUPPRESS_BELOW,
    }
    # Survey answers have their own people and their own suppression: shown whatever the comments.
    context["surveys"] = survey_summaries(consultation, wards, ward, survey_breakdown)
    context["survey_breakdown"] = clean_dimension(survey_breakdown)
    context["survey_dimensions"] = dimension_choices()
    if ward_suppressed:
        context.update(charts=[], themes=[], unthemed=0, representation=[], paragraph_summary=[])
        return context
    stance_colours = {label: charts.COLOURS[value] for value, label in Stance.choices}
    unit = _("comments")
    context["charts"] = [
        charts.column_chart("chart-time", _("Comments over time"), participation_over_time(comments), unit),
        charts.bar_chart(
            "chart-channel",
            _("Comments by channel"),
            _counts_by(comments, "channel", Comment.Channel.choices),
            unit,
        ),
        charts.bar_chart("chart-ward", _("Comments by ward"), by_ward(comments, wards), unit),
        charts.bar_chart(
            "chart-stance",
            _("Comments by stance"),
            _counts_by(comments, "stance", Stance.choices),
            unit,
            stance_colours,
        ),
        charts.stacked_chart(
            "chart-votes", _("Votes per proposal"), votes_per_proposal(consultation, proposals, ward)
        ),
    ]
    context["charts"][2].note = _(
        "From residents who chose to share their ward. Wards with fewer than 5 people are not shown."
    )
    themes = theme_views(consultation, ward, with_answers=bool(context["surveys"]), language=language)
    context["themes"] = themes
    context["unthemed"] = comments.filter(theme_membership__isnull=True).count() if run else 0
    context["representation"] = (
        representation(consultation, proposals, wards) if include_representation and ward is None else []
    )
    context["conversations"] = conversation_summaries(consultation)
    context["paragraph_summary"] = paragraphs.summary(proposals, comments)
    return context


def people_counts(consultation_ids: list[int], ward=None) -> dict[int, dict[str, int]]:
    """People who commented on each consultation (as its summary counts them), and of those how
    many shared the given ward: one grouped query for a whole list of summaries."""
    # As build_summary counts them: accounts, plus each erased account once.
    annotations: dict[str, Expression] = {
        "people": Count("author_id", distinct=True) + Count("former_author", distinct=True)
    }
    if ward is not None:
        annotations["ward_people"] = Count("author_id", distinct=True, filter=ward_filter(ward))
    public_proposals = public_pages(ProposalPage.objects.all()).values("pk")
    names = list(annotations)
    rows = (
        Comment.objects.visible()
        .filter(consultation_id__in=consultation_ids)
        .filter(Q(proposal__isnull=True) | Q(proposal_id__in=public_proposals))
        .values("consultation_id")
        .annotate(**annotations)
        .order_by()
        .values_list("consultation_id", *names)
    )
    return {pk: dict(zip(names, counts, strict=True)) for pk, *counts in rows}


def ward_has_enough_people(consultation, ward) -> bool:
    """Whether a ward's figures can be shown: at least SUPPRESS_BELOW people who shared it."""
    from_ward = summarised_comments(consultation).filter(ward_filter(ward))
    return from_ward.aggregate(n=Count("author_id", distinct=True))["n"] >= SUPPRESS_BELOW
