"""A form field for "where?": a postcode, street or landmark typed as text, cleaned to the place it names.

Reusable by any form (the report journey, the profile, surveys later). Without JavaScript the
person types and submits; if the text matches several places the form shows them as radio choices
(templates/includes/_place_field.html). With JavaScript, static/js/place-lookup.js turns the text
box into an accessible combobox fed by the suggestions endpoint."""

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy

from . import places
from .addresses import Place


class PlaceLookupInput(forms.TextInput):
    """A text box with the suggestions URL (and where to copy the chosen point) for the script."""

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        kinds: list[str] | None = None,
        fill: dict[str, str] | None = None,
    ) -> None:
        defaults = {"autocomplete": "off", "spellcheck": "false", "data-place-lookup": ""}
        super().__init__({**defaults, **(attrs or {})})
        self.kinds = kinds or []
        self.fill = fill or {}

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        query = "".join(f"{'&' if i else '?'}kind={kind}" for i, kind in enumerate(self.kinds))
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-place-lookup"] = reverse("place_suggestions") + query
        for target, element_id in self.fill.items():  # latitude, longitude, place: ids to fill on choice
            widget_attrs[f"data-fill-{target}"] = element_id
        return context

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        """The radio chosen from the matches (after the text box in the page) wins over the typed text."""
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        chosen = [v for v in values if isinstance(v, str) and v.strip()]
        return chosen[-1] if chosen else (values[-1] if values else None)


class PlaceLookupField(forms.CharField):
    """Text naming one place; cleans to a civic.addresses.Place, keeping the matches when it names several."""

    default_error_messages = {
        "unknown": gettext_lazy(
            "We could not find that place. Check the spelling, or try a postcode or a street name."
        ),
        "ambiguous": gettext_lazy("More than one place matches. Choose the one you mean from the list."),
    }

    def __init__(
        self, *, kinds: list[str] | None = None, fill: dict[str, str] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("widget", PlaceLookupInput(kinds=kinds, fill=fill))
        super().__init__(**kwargs)
        self.kinds = kinds
        self.matches: list[Place] = []

    def clean(self, value: Any) -> Place | None:  # a Place, not the text
        text = super().clean(value)
        self.matches = []
        if not text:
            return None
        place, self.matches = places.resolve_place(text, kinds=self.kinds)
        if place is None:
            code = "ambiguous" if self.matches else "unknown"
            raise forms.ValidationError(self.error_messages[code], code=code)
        return place
