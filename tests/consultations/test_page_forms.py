"""Where a proposal is: a street or landmark typed in the editor (the non-map route) sets the coordinates."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from civic.models import GazetteerEntry
from consultations.models import ProposalPage
from consultations.page_forms import find_place


@pytest.fixture
def places(db):
    rows = [
        ("Elm Road", "street", 52.9012341, -1.5123456),
        ("Elm Road Library", "landmark", 52.905, -1.51),
        ("Market Square", "landmark", 52.9, -1.5),
    ]
    return [
        GazetteerEntry.objects.create(name=name, kind=kind, latitude=lat, longitude=lon)
        for name, kind, lat, lon in rows
    ]


def _form(proposal, user, **fields):
    form_class = ProposalPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": proposal.title,
            "slug": proposal.slug,
            "problem": rich_text("<p>Something does not work.</p>"),
            "proposed_change": streamfield([("paragraph", rich_text("<p>Change it.</p>"))]),
            "who_it_affects": rich_text(""),
            "location_name": "",
            "place": "",
            "latitude": "",
            "longitude": "",
            "comments": inline_formset([]),
            **fields,
        }
    )
    return form_class(data, instance=proposal, parent_page=proposal.get_parent(), for_user=user)


def test_find_place_prefers_the_exact_name_then_the_only_match(places):
    assert find_place("elm road").name == "Elm Road"
    assert find_place("market").name == "Market Square"


@pytest.mark.parametrize(
    ("typed", "message"),
    [("Nowhere Lane", "No street or landmark matches"), ("Road", "Several places match: Elm Road")],
)
def test_find_place_explains_no_or_several_matches(places, typed, message):
    with pytest.raises(ValidationError, match=message):
        find_place(typed)


def test_typing_a_street_places_the_proposal_there(places, proposal, officer):
    form = _form(proposal, officer, place="Elm Road")
    assert form.is_valid(), form.errors
    page = form.save(commit=False)
    assert (page.latitude, page.longitude) == (Decimal("52.901234"), Decimal("-1.512346"))
    assert page.location_name == "Elm Road"


def test_a_typed_place_keeps_the_officers_own_location_name(places, proposal, officer):
    form = _form(proposal, officer, place="Market Square", location_name="By the fountain")
    assert form.is_valid(), form.errors
    assert form.save(commit=False).location_name == "By the fountain"


def test_an_unknown_place_is_an_error_on_the_field(places, proposal, officer):
    form = _form(proposal, officer, place="Nowhere Lane")
    assert not form.is_valid()
    assert "No street or landmark matches" in str(form.errors["place"])


def test_coordinates_from_the_map_still_work_without_a_place(places, proposal, officer):
    form = _form(proposal, officer, latitude="52.91", longitude="-1.52")
    assert form.is_valid(), form.errors
    page = form.save(commit=False)
    assert (page.latitude, page.longitude) == (Decimal("52.91"), Decimal("-1.52"))
