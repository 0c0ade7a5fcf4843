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


def _titles(client, query=""):
    pins = json.loads(client.get(f"/maps/proposals.geojson{query}").content)
    return sorted(f["properties"]["title"] for f in pins["features"])


def test_maps_show_only_public_proposals(client, council, consultation, index):
    from wagtail.models import PageViewRestriction

    make_proposal(consultation, title="Public", latitude="52.9", longitude="-1.54")
    draft = make_proposal(consultation, title="Draft proposal", latitude="52.9", longitude="-1.54")
    draft.unpublish()
    private = make_consultation(index, "open")
    make_proposal(private, title="Behind a password", latitude="52.9", longitude="-1.54")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    assert _titles(client) == ["Public"]
    html = client.get("/maps/proposals/").content.decode()
    assert "Public" in html and "Draft proposal" not in html and "Behind a password" not in html
    assert client.get(f"/maps/consultations/{private.pk}/").status_code == 404
    assert client.get(f"/maps/proposals.geojson?consultation={private.pk}").status_code == 404


def test_a_live_consultation_under_an_unpublished_page_is_on_no_map(client, council, home, organisation):
    from consultations.models import ConsultationIndexPage

    hidden_index = ConsultationIndexPage(title="Unpublished section", slug="unpublished-section")
    home.add_child(instance=hidden_index)
    live_below = make_consultation(hidden_index, "open", lead_organisation=organisation)
    make_proposal(live_below, title="Under a draft", latitude="52.9", longitude="-1.54")
    hidden_index.unpublish()
    assert _titles(client) == []
    assert client.get(f"/maps/consultations/{live_below.pk}/").status_code == 404
    assert client.get(f"/maps/proposals.geojson?consultation={live_below.pk}").status_code == 404
    hidden_index.save_revision().publish()
    assert _titles(client) == ["Under a draft"]  # the allowed side: published again, mapped again


def test_consultation_ids_beyond_any_page_are_404(client, council):
    for raw in ("9" * 30, "١٢", "-1"):
        assert client.get(f"/maps/proposals.geojson?consultation={raw}").status_code == 404
    assert client.get(f"/maps/consultations/{'9' * 30}/").status_code == 404


def test_proposals_map_queries_are_bounded(client, council, consultation, django_assert_max_num_queries):
    for n in range(5):
        make_proposal(consultation, title=f"Crossing {n}", latitude="52.9", longitude="-1.54")
    with django_assert_max_num_queries(8):
        client.get("/maps/proposals.geojson")
    with django_assert_max_num_queries(12):
        client.get(f"/maps/consultations/{consultation.pk}/")
