"""Officer search form: free text, facet filters, date range and sort, validated into a SearchRequest."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civic.text import CONTROL_CHARS

from .documents import type_choices, vocabulary
from .engines.facets import MODERATION_LABELS
from .query import MAX_QUERY_LENGTH, SORTS, QuerySyntaxError, SearchRequest, parse_query

KNOWN_PARAMETERS = {
    "q", "type", "consultation", "organisation", "ward", "stance", "moderation_state",
    "created_from", "created_to", "sort", "page",
}  # fmt: skip
MAX_FILTER_VALUES = 50
DATABASE_ID = re.compile(r"[0-9]{1,18}")  # ASCII only: int() would also take "١٢" or "1_000"


class IdListField(forms.Field):
    """Several whole-number ids (?consultation=3&consultation=7), each one a database could hold."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, invalid_message, **kwargs):
        self.invalid_message = invalid_message
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        values = [str(v).strip() for v in values if str(v).strip()]
        if len(values) > MAX_FILTER_VALUES or not all(DATABASE_ID.fullmatch(v) for v in values):
            raise ValidationError(self.invalid_message, code="invalid")
        return tuple(dict.fromkeys(int(v) for v in values))


class TextListField(forms.Field):
    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        if len(values) > MAX_FILTER_VALUES:
            raise ValidationError(_("Choose %(max)s or fewer.") % {"max": MAX_FILTER_VALUES}, code="too_many")
        return tuple(dict.fromkeys(str(v)[:120] for v in values if str(v).strip()))


class OfficerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        strip=True,
        help_text=_(
            'All words must match. Use "quotes" for a phrase, libr* for words starting with libr, '
            "and -word to leave a word out."
        ),
    )
    type = forms.MultipleChoiceField(label=_("Type"), required=False, choices=[])
    consultation = IdListField(
        label=_("Consultation"), invalid_message=_("Choose consultations from the list.")
    )
    organisation = IdListField(
        label=_("Organisation"), invalid_message=_("Choose organisations from the list.")
    )
    ward = TextListField(label=_("Ward"))
    stance = forms.MultipleChoiceField(
        label=_("Stance"), required=False, choices=lambda: vocabulary("stance")
    )
    moderation_state = forms.MultipleChoiceField(
        label=_("Moderation state"), required=False, choices=list(MODERATION_LABELS.items())
    )
    created_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    created_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=list(SORTS.items()))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = type_choices()
        self.fields["q"].widget.attrs.update({"type": "search", "maxlength": MAX_QUERY_LENGTH * 2})

    def clean_q(self):
        text = self.cleaned_data["q"]
        try:
            self.cleaned_data["parsed"] = parse_query(text)
        except QuerySyntaxError as exc:
            raise ValidationError(str(exc), code="syntax") from exc
        return text

    def clean(self):
        data = super().clean()
        start, end = data.get("created_from"), data.get("created_to")
        if start and end and start > end:
            self.add_error("created_to", gettext("The end date must be the same as or after the start date."))
        return data

    def search_request(self, page: int = 1, *, within_organisations=None) -> SearchRequest:
        data = self.cleaned_data
        return SearchRequest(
            query=data["parsed"],
            types=tuple(data["type"]),
            consultations=data["consultation"],
            organisations=data["organisation"],
            wards=data["ward"],
            stances=tuple(data["stance"]),
            moderation_states=tuple(data["moderation_state"]),
            created_from=data["created_from"],
            created_to=data["created_to"],
            sort=data["sort"] or "relevance",
            page=page,
            within_organisations=within_organisations,
        )


def clean_query_string(raw: str) -> str:
    """Only the search's own parameters, re-encoded: a saved or redirected query carries nothing else."""
    params = QueryDict(raw or "", mutable=True)
    kept = QueryDict(mutable=True)
    for name in sorted(KNOWN_PARAMETERS - {"page"}):
        values = [CONTROL_CHARS.sub("", v) for v in params.getlist(name)]
        values = [v for v in values if v][:MAX_FILTER_VALUES]
        if values:
            kept.setlist(name, values)
    return kept.urlencode()


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name this search"), max_length=80)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def clean_query(self):
        query = clean_query_string(self.cleaned_data["query"])
        if len(query) > 2000:
            raise ValidationError(_("This search is too long to save."), code="too_long")
        return query
