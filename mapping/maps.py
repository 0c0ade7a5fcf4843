"""Maps built with folium and embedded in Civic's templates, with every asset served locally.

folium writes a Leaflet map as a <div> and a script. We keep those two parts, drop folium's
header (CDN links and inline <style>), load Leaflet and markercluster from our static files and
run the script under the page's CSP nonce. Pins never go inline: civic-maps.js fetches them
from a GeoJSON endpoint, so a page with 10,000 reports stays small.
"""

from dataclasses import dataclass

import folium
from branca.element import MacroElement
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop
from jinja2 import Template

from civic.models import Area

# Fallback view when no areas are loaded: the fictional Northbrook.
DEFAULT_BOUNDS = [[52.88, -1.56], [52.92, -1.47]]

# The default tile server's credit (settings.MAP_TILE_ATTRIBUTION), in the catalogue so it is translated.
OSM_ATTRIBUTION = gettext_noop("&copy; OpenStreetMap contributors")


def tile_attribution() -> str:
    """The tile server's credit in the reader's language: translated when the catalogue has it (the
    default's is), otherwise as the council wrote it in settings."""
    return gettext(settings.MAP_TILE_ATTRIBUTION)


def control_words() -> dict:
    """Leaflet's words that Civic sets (zoom buttons' titles, its credit's title) in the reader's language."""
    return {
        "zoomInTitle": gettext("Zoom in"),
        "zoomOutTitle": gettext("Zoom out"),
        "leafletTitle": gettext("A JavaScript library for interactive maps"),
    }


def asset_urls() -> dict:
    """Local copies of Leaflet and markercluster (from xstatic packages) and our own files."""
    return {
        "css": [
            static("mapping/vendor/leaflet/leaflet.css"),
            static("mapping/vendor/markercluster/MarkerCluster.css"),
            static("mapping/vendor/markercluster/MarkerCluster.Default.css"),
            static("mapping/css/maps.css"),
        ],
        "js": [
            static("mapping/vendor/leaflet/leaflet.js"),
            static("mapping/vendor/markercluster/leaflet.markercluster-src.js"),
            static("mapping/js/civic-maps.js"),
        ],
    }


class LocalMap(folium.Map):
    """A folium map that asks for no CDN assets: the page template loads them locally."""

    default_js: list = []
    default_css: list = []


def location_editor_words() -> dict:
    """The admin location editor's sentences and Leaflet's words, in the officer's language."""
    return {
        **messages(),
        **control_words(),
        "help": gettext(
            "Click the map to place a pin, then drag it to the exact spot. "
            "The latitude and longitude fill in by themselves."
        ),
        "mapLabel": gettext("Map: click to choose the location"),
        "pinTitle": gettext("Location"),
    }


class Controls(MacroElement):
    """Leaflet's zoom buttons and credit with titles in the reader's language (Leaflet's are English)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "CivicMap.controls({{ this._parent.get_name() }}, {{ this.words|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self):
        super().__init__()
        self._name = "Controls"
        self.words = control_words()


class PinLayer(MacroElement):
    """Pins loaded from a GeoJSON URL by civic-maps.js, clustered when asked."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "CivicMap.loadPins({{ this._parent.get_name() }}, {{ this.url|tojson }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, url: str, **options):
        super().__init__()
        self._name = "PinLayer"
        self.url = url
        self.options = options


class LocationPicker(MacroElement):
    """Click or drag a pin to fill in the latitude and longitude inputs of the form."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "CivicMap.pickLocation({{ this._parent.get_name() }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, **options):
        super().__init__()
        self._name = "LocationPicker"
        self.options = options


class FitBounds(MacroElement):
    """Fit the view without animation, so a later fit (to loaded pins) is not dropped mid-animation."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.fitBounds({{ this.bounds|tojson }}, {animate: false});"
        "{% endmacro %}"
    )

    def __init__(self, bounds):
        super().__init__()
        self._name = "FitBounds"
        self.bounds = bounds


@dataclass(frozen=True)
class RenderedMap:
    html: SafeString
    script: SafeString
    name: str


def area_bounds(areas) -> list:
    """[[south, west], [north, east]] around the areas (the demo's Northbrook when none are loaded)."""
    return _bounds(areas)


def _bounds(areas) -> list:
    boxes = [(a.min_lat, a.min_lon, a.max_lat, a.max_lon) for a in areas if a.min_lat is not None]
    if not boxes:
        return DEFAULT_BOUNDS
    return [
        [min(b[0] for b in boxes), min(b[1] for b in boxes)],
        [max(b[2] for b in boxes), max(b[3] for b in boxes)],
    ]


def base_map(areas=None) -> folium.Map:
    """A map of the council's wards on the configured tile server."""
    if areas is None:
        areas = list(Area.objects.filter(kind__in=[Area.Kind.COUNCIL, Area.Kind.WARD]))
    bounds = _bounds(areas)
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    fmap = LocalMap(
        location=centre,
        zoom_start=14,
        tiles=settings.MAP_TILE_URL,
        attr=tile_attribution(),
        control_scale=True,
        zoom_control=False,  # added by Controls, with its titles in the reader's language
    )
    Controls().add_to(fmap)
    wards = [a for a in areas if a.kind == Area.Kind.WARD and a.geometry]
    if wards:
        folium.GeoJson(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "geometry": w.geometry, "properties": {"name": w.name}} for w in wards
                ],
            },
            name=gettext("Wards"),
            style_function=lambda _feature: {"color": "#1d4f91", "weight": 2, "fillOpacity": 0.03},
            tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        ).add_to(fmap)
    FitBounds(bounds).add_to(fmap)
    return fmap


def render(fmap: folium.Map) -> RenderedMap:
    """The map's <div> and script, without folium's header."""
    figure = fmap.get_root()
    figure.render()
    html = figure.html.render().strip()
    script = figure.script.render().strip()
    return RenderedMap(mark_safe(html), mark_safe(script), fmap.get_name())  # noqa: S308 - folium output


def report_link_template() -> str:
    """A report page's address with an {id} slot for the map script, taken from the URL routes."""
    return reverse("mapping:report_detail", args=[0]).replace("/0/", "/{id}/")


def messages() -> dict:
    """What civic-maps.js announces, in the reader's language ({name} slots are filled in there)."""
    return {
        "pinsFailed": gettext("The map could not load its pins. Use the list instead."),
        "pinsShown": gettext("{count} shown on the map."),
        "pinPlaced": gettext("Pin placed at latitude {lat}, longitude {lon}."),
        "pinTitle": gettext("Location of the problem"),
    }


def issues_map(pins_url: str, categories: dict, statuses: dict) -> RenderedMap:
    fmap = base_map()
    link = report_link_template()
    statuses = {value: str(label) for value, label in statuses.items()}  # lazy labels, in JSON
    PinLayer(
        pins_url, cluster=True, categories=categories, statuses=statuses, link=link, messages=messages()
    ).add_to(fmap)
    return render(fmap)


def picker_map(lat_input: str, lon_input: str) -> RenderedMap:
    fmap = base_map()
    LocationPicker(
        latInput=lat_input, lonInput=lon_input, statusId="map-pin-status", messages=messages()
    ).add_to(fmap)
    return render(fmap)


def proposals_map(pins_url: str, areas=None) -> RenderedMap:
    fmap = base_map(areas)
    # Zoom to the proposals so their pins stand apart (WCAG 2.5.8 target spacing).
    PinLayer(pins_url, cluster=False, kind="proposal", fit=True, messages=messages()).add_to(fmap)
    return render(fmap)
