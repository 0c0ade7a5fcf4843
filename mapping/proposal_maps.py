"""Maps of consultations and proposals that have a location, each with a table alternative."""

import json

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from civic import pagecache
from civic.bilingual import default_locale_id
from civic.converters import parse_id
from civic.pages import is_public, public_pages
from consultations.models import ConsultationPage, ProposalPage

from . import exports, maps


def located_proposals(consultation=None):
    """Public proposals with coordinates: live, unrestricted, and under live pages only (a draft
    proposal, or one under a draft or private consultation, is on no map)."""
    located = ProposalPage.objects.filter(
        latitude__isnull=False, longitude__isnull=False, locale_id=default_locale_id()
    )  # each proposal once: its translations share its place
    proposals = public_pages(located)
    if consultation is not None:
        proposals = proposals.child_of(consultation)
    return proposals.order_by("title").only(
        "id", "title", "url_path", "path", "depth", "latitude", "longitude", "location_name"
    )


def _consultation_from(request):
    raw = request.GET.get("consultation", "")
    if not raw:
        return None
    consultation_id = parse_id(raw)
    if consultation_id is None:
        raise Http404("No such consultation")
    return public_consultation_or_404(consultation_id)


def public_consultation_or_404(page_id: int) -> ConsultationPage:
    """Maps are public pages: a draft, private or password-protected consultation is unknown here,
    to its editors too (they preview it in the admin)."""
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    if not is_public(consultation):
        raise Http404("No such consultation")
    return consultation


@require_GET
def proposal_pins(request):
    """GeoJSON of located proposals (optionally one consultation's)."""
    pagecache.cacheable(request)  # proposals change by publishing (the site-wide scope)
    proposals = located_proposals(_consultation_from(request))
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(p.longitude), float(p.latitude)]},
            "properties": {"id": p.pk, "title": p.title, "url": p.url, "summary": p.location_name},
        }
        for p in proposals
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode()
    return exports.geojson_response(body)


def _page(request, consultation, template):
    pagecache.cacheable(request)  # proposals change by publishing (the site-wide scope)
    pins_url = reverse("mapping:proposal_pins") + (f"?consultation={consultation.pk}" if consultation else "")
    return TemplateResponse(
        request,
        template,
        {
            "consultation": consultation,
            "proposals": list(located_proposals(consultation)),
            "map": maps.proposals_map(pins_url),
            "map_assets": maps.asset_urls(),
        },
    )


@require_GET
def proposals_map(request):
    """Every located proposal in an open or past consultation."""
    return _page(request, _consultation_from(request), "mapping/proposals_map.html")


@require_GET
def consultation_map(request, page_id: int):
    """A consultation's area: the wards, and where its proposals would change things."""
    return _page(request, public_consultation_or_404(page_id), "mapping/proposals_map.html")
