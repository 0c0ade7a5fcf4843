"""Facet names, the document field each counts, and the labels officers see."""

from django.db.models import Q

from ..documents import type_choices
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
    "type": "Type",
    "consultation": "Consultation",
    "organisation": "Organisation",
    "ward": "Ward",
    "stance": "Stance",
    "moderation_state": "Moderation state",
}
MODERATION_LABELS = {"published": "Published", "pending": "Awaiting moderation"}


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
    from civic.models import Organisation
    from consultations.models import ConsultationPage, Stance

    selected = selected_values(request)
    raw = {name: list(raw.get(name, [])) for name in FACET_FIELDS}
    for name, values in selected.items():  # keep ticked values visible (count 0) so they can be unticked
        present = {value for value, _ in raw[name]}
        raw[name] += [(value, 0) for value in sorted(values - present)]
    labels: dict[str, dict[str, str]] = {
        "type": dict(type_choices()),
        "stance": dict(Stance.choices),
        "moderation_state": MODERATION_LABELS,
    }
    consultation_ids = [int(v) for v, _ in raw.get("consultation", [])]
    if consultation_ids:
        consultations = ConsultationPage.objects.filter(pk__in=consultation_ids)
        if request.within_organisations is not None:  # a ticked id from beyond the walls shows no title
            walls = list(request.within_organisations)
            found = {int(v) for v, count in raw["consultation"] if count}
            consultations = consultations.filter(
                Q(pk__in=found) | Q(lead_organisation__in=walls) | Q(partner_organisations__in=walls)
            ).distinct()
        labels["consultation"] = {str(pk): title for pk, title in consultations.values_list("pk", "title")}
    organisation_ids = [int(v) for v, _ in raw.get("organisation", [])]
    if organisation_ids:
        labels["organisation"] = {
            str(pk): name
            for pk, name in Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "name")
        }
    facets = {}
    for name in FACET_FIELDS:
        values = [
            FacetValue(value, labels.get(name, {}).get(value, value), count, value in selected[name])
            for value, count in raw.get(name, [])
        ]
        facets[name] = sorted(values, key=lambda f: (-f.count, f.label))
    return facets
