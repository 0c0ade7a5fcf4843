import json

from tests.consultations.factories import make_consultation, make_proposal
from tests.mapping.test_views import external_urls


def test_proposals_map_and_its_table_list_located_proposals(client, council, consultation):
    make_proposal(
        consultation,
        title="New crossing",
        latitude="52.900000",
        longitude="-1.540000",
        location_name="Mill Rd",
    )
    make_proposal(consultation, title="Everywhere at once")  # no location: not on the map
    html = client.get("/maps/proposals/").content.decode()
    assert "CivicMap.loadPins(" in html and external_urls(html) == []
    assert "New crossing" in html and "Mill Rd" in html and "Everywhere at once" not in html
    data = json.loads(client.get("/maps/proposals.geojson").content)
    [feature] = data["features"]
    assert feature["geometry"]["coordinates"] == [-1.54, 52.9]
    assert feature["properties"]["title"] == "New crossing" and feature["properties"]["url"]


def test_consultation_area_map_shows_only_its_proposals(client, council, consultation, index):
    other = make_consultation(index, "open")
    make_proposal(consultation, title="Ours", latitude="52.9", longitude="-1.54")
    make_proposal(other, title="Theirs", latitude="52.9", longitude="-1.52")
    html = client.get(f"/maps/consultations/{consultation.pk}/").content.decode()
    assert "Ours" in html and "Theirs" not in html
    assert f"/maps/proposals.geojson?consultation={consultation.pk}" in html
    pins = json.loads(client.get(f"/maps/proposals.geojson?consultation={consultation.pk}").content)
    assert [f["properties"]["title"] for f in pins["features"]] == ["Ours"]


def test_draft_consultation_map_is_not_found(client, council, index):
    draft = make_consultation(index, "open", live=False)
    assert client.get(f"/maps/consultations/{draft.pk}/").status_code == 404
    assert client.get(f"/maps/proposals.geojson?consultation={draft.pk}").status_code == 404
    assert client.get("/maps/proposals.geojson?consultation=abc").status_code == 404
