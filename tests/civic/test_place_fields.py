from django import forms
from django.http import QueryDict

from civic.models import Address
from civic.place_fields import PlaceLookupField
from tests.civic.factories import AddressFactory


class WhereForm(forms.Form):
    where = PlaceLookupField(label="Where?", fill={"latitude": "id_lat"})


def test_the_field_cleans_to_the_one_place_the_text_names(db):
    AddressFactory(kind=Address.Kind.STREET, name="Elm Road", latitude=52.91)
    form = WhereForm({"where": "elm road"})
    assert form.is_valid()
    assert form.cleaned_data["where"].name == "Elm Road" and form.cleaned_data["where"].latitude == 52.91


def test_the_field_keeps_the_matches_when_the_text_names_several(db):
    AddressFactory(kind=Address.Kind.STREET, name="Elm Road")
    AddressFactory(kind=Address.Kind.STREET, name="Elm Grove")
    form = WhereForm({"where": "elm"})
    assert not form.is_valid()
    assert form.errors["where"] == ["More than one place matches. Choose the one you mean from the list."]
    assert [p.name for p in form.fields["where"].matches] == ["Elm Grove", "Elm Road"]


def test_the_field_says_when_nothing_matches(db):
    form = WhereForm({"where": "Nowhere Lane"})
    assert not form.is_valid() and "could not find" in form.errors["where"][0]


def test_a_choice_after_the_text_box_wins(db):
    AddressFactory(kind=Address.Kind.STREET, name="Elm Road")
    AddressFactory(kind=Address.Kind.STREET, name="Elm Grove")
    form = WhereForm(QueryDict("where=elm&where=Elm+Grove"))
    assert form.is_valid() and form.cleaned_data["where"].name == "Elm Grove"


def test_the_widget_tells_the_script_where_to_ask_and_what_to_fill():
    html = str(WhereForm()["where"])
    assert 'data-place-lookup="/places/suggest/"' in html and 'data-fill-latitude="id_lat"' in html
    assert 'autocomplete="off"' in html
