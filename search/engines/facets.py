"""Facet names, the document field each counts, and the labels officers see."""

from django.utils.translation import gettext_lazy as _

from civic.models import Organisation

from .. import documents
from ..query import FacetValue, SearchRequest

FACET_FIELDS = {
    "type": "type",
    "consultation": "consultation_id",
    "organisation": "organisation_ids",
    "ward": "ward",
    "stance": "stance",
    "moderation_state": "moderation_state",
}
FACET_TITLES = {
    "type": _("Type"),
    "consultation": _("Consultation"),
    "organisation": _("Organisation"),
    "ward": _("Ward"),
    "stance": _("Stance"),
    "moderation_state": _("Moderation state"),
}
MODERATION_LABELS = {"published": _("Published"), "pending": _("Awaiting moderation")}


def selected_values(request: SearchRequest) -> dict[str, set[str]]:
    return {
        "type": set(request.types),
        "consultation": {str(v) for v in request.consultations},
        "organisation": {str(v) for v in request.organisations},
        "ward": set(request.wards),
        "stance": set(request.stances),
        "moderation_state": set(request.moderation_states),
    }


def label_facets(
    raw: dict[str, list[tuple[str, int]]], request: SearchRequest
) -> dict[str, list[FacetValue]]:
    """Attach labels (two queries at most: consultation titles, organisation names)."""
    selected = selected_values(request)
    raw = {name: list(raw.get(name, [])) for name in FACET_FIELDS}
    for name, values in selected.items():  # keep ticked values visible (count 0) so they can be unticked
        present = {value for value, _ in raw[name]}
        raw[name] += [(value, 0) for value in sorted(values - present)]
    labels: dict[str, dict[str, str]] = {
        "type": dict(documents.type_choices()),
        "stance": dict(documents.vocabulary("stance")),
        "moderation_state": MODERATION_LABELS,
    }
    walls = None if request.within_organisations is None else list(request.within_organisations)
    labels["consultation"] = documents.titles(
        "consultation",
        [int(v) for v, _ in raw["consultation"]],
        walls,  # a ticked id from beyond the walls shows no title
        {int(v) for v, count in raw["consultation"] if count},
    )
    organisation_ids = [int(v) for v, _ in raw.get("organisation", [])]
    if organisation_ids:
        labels["organisation"] = {
            str(pk): name
            for pk, name in Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "name")
        }
    facets = {}
    for name in FACET_FIELDS:
        values = [
            FacetValue(value, str(labels.get(name, {}).get(value, value)), count, value in selected[name])
            for value, count in raw.get(name, [])
        ]
        facets[name] = sorted(values, key=lambda f: (-f.count, f.label))
    return facets
