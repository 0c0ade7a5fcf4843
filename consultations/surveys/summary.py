"""Surveys in the councillor summary: each public survey's results and a cross-tabulation."""

from dataclasses import dataclass, field

from civic.models import Area
from civic.pages import public_pages
from civic.types import Label

from ..summaries.figures import SUPPRESS_BELOW
from .crosstabs import DIMENSION_KEYS, DIMENSIONS, CrossTab, breakdown, crosstabs, for_group
from .models import SurveyPage
from .services import SurveyResults, results, results_version


@dataclass
class SurveySummary:
    survey: SurveyPage
    results: SurveyResults
    crosstabs: list[CrossTab] = field(default_factory=list)
    ward_suppressed: bool = False  # fewer than 5 people from the chosen ward answered
    version: str = ""  # results_version: the rendered section is cached on it


def dimension_choices() -> list[tuple[str, Label]]:
    return [(key, title) for key, title, _c in DIMENSIONS]


def clean_dimension(value: str | None) -> str:
    """The breakdown asked for, or by ward (a tampered value shows the default, nothing else)."""
    return value if value in DIMENSION_KEYS else "ward"


def survey_summaries(
    consultation, wards: list[Area], ward: Area | None = None, dimension: str = "ward"
) -> list[SurveySummary]:
    """Results of the consultation's public surveys: for everyone with a breakdown by one
    dimension, or as the people of one ward answered (councillors' ward view)."""
    found: list[SurveySummary] = []
    children = SurveyPage.objects.child_of(consultation).live()
    if not children.exists():  # most consultations: one query, not the three public_pages costs
        return found
    for survey in public_pages(children).order_by("path"):
        version = results_version(survey)
        counts = breakdown(survey, wards, version, "ward" if ward is not None else clean_dimension(dimension))
        if ward is None:
            tabs = crosstabs(survey, counts, clean_dimension(dimension))
            found.append(SurveySummary(survey, results(survey, version), tabs, version=version))
        else:
            ward_results = for_group(survey, counts, "ward", ward.pk)
            suppressed = ward_results.responses < SUPPRESS_BELOW
            found.append(SurveySummary(survey, ward_results, ward_suppressed=suppressed, version=version))
    return found
