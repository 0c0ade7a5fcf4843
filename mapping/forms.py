"""Forms for the report journey and officers; each works without JavaScript and links its errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic import places
from civic.forms import AccessibleFormMixin
from civic.models import Area, Organisation
from civic.place_fields import PlaceLookupInput

from . import photos
from .models import IssueCategory, Status

AGE_CHOICES = [
    ("", _("Any age")),
    ("7", _("Older than 7 days")),
    ("30", _("Older than 30 days")),
    ("90", _("Older than 90 days")),
]


class LocationForm(AccessibleFormMixin, forms.Form):
    """Step 1 by coordinates (the map fills these in; keyboard users type them)."""

    latitude = forms.CharField(
        label=_("Latitude"),
        help_text=_("Decimal degrees north, for example 52.9105."),
        error_messages={"required": _("Enter a latitude, or search for a street or landmark.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    longitude = forms.CharField(
        label=_("Longitude"),
        help_text=_("Decimal degrees east; west of Greenwich is negative, for example -1.5150."),
        error_messages={"required": _("Enter a longitude.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    place = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        where = ("latitude", "longitude")  # errors elsewhere (a refused photo) still need the place
        if set(where) & set(self.errors):
            return data
        for name, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
            try:
                places.parse_coordinate(data[name], name=name, low=low, high=high)
            except places.LocationError as exc:
                self.add_error(name, exc.message)
        if set(where) & set(self.errors):
            return data
        try:
            data["located"] = places.locate(data["latitude"], data["longitude"])
        except places.LocationError as exc:
            self.add_error(exc.field, exc.message)
        return data


class PlaceSearchForm(AccessibleFormMixin, forms.Form):
    """Step 1 without the map: find a postcode, street or landmark, then pick it from the matches."""

    q = forms.CharField(
        label=_("Postcode, street or landmark"),
        max_length=100,
        help_text=_("For example: NB1 2AB, Elm Road, or Northbrook Library."),
        error_messages={"required": _("Enter a postcode, street or landmark to search for.")},
        # With JavaScript, choosing a suggestion fills the coordinates below and moves the map's pin.
        widget=PlaceLookupInput(
            fill={"latitude": "id_latitude", "longitude": "id_longitude", "place": "id_place"}
        ),
    )


def category_field(**kwargs):
    return forms.ModelChoiceField(
        label=_("What kind of problem is it?"),
        queryset=IssueCategory.objects.filter(active=True).select_related("organisation"),
        to_field_name="slug",
        empty_label=_("Choose a category"),
        error_messages={
            "required": _("Choose what kind of problem it is."),
            "invalid_choice": _("Choose a category from the list."),
        },
        **kwargs,
    )


class ReportDetailsForm(LocationForm):
    """Step 2: what the problem is (location carried along in hidden fields)."""

    category = category_field()
    title = forms.CharField(
        label=_("Summary"),
        max_length=120,
        help_text=_("A few words, for example: Deep pothole outside number 12."),
        error_messages={"required": _("Enter a short summary of the problem.")},
    )
    description = forms.CharField(
        label=_("Details"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What is wrong and exactly where. Do not include personal details. Up to 2,000 characters."
        ),
        error_messages={"required": _("Describe the problem.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("latitude", "longitude"):
            self.fields[name].widget = forms.HiddenInput()
        self.describe_fields()


class ReportConfirmForm(ReportDetailsForm):
    """Step 3: check the answers and optionally add a photo, then send."""

    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_(
            "A JPEG, PNG or WebP image up to %(size)s MB. We remove location and camera details from it."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].help_text = str(ReportConfirmForm.base_fields["photo"].help_text) % {
            "size": photos.max_bytes() // (1024 * 1024)
        }
        for name in ("category", "title", "description"):
            self.fields[name].widget = forms.HiddenInput()
        self.describe_fields()

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if upload:
            try:
                photos.check_upload(upload)  # size and header: no pixel decoded on a form error
            except photos.PhotoError as exc:
                raise forms.ValidationError(str(exc)) from None
        return upload


class AnonymousReportConfirmForm(ReportConfirmForm):
    """Step 3 without an account: a name and an email address to confirm the report from."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("Only the council sees it; it is never shown on the report."),
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_(
            "We send a link to publish your report, and updates when it changes. Never shown publicly."
        ),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the correct format, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()


class ReportFilterForm(AccessibleFormMixin, forms.Form):
    """The same filters for the map, the list, the GeoJSON and the exports."""

    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=IssueCategory.objects.all(),
        to_field_name="slug",
        empty_label=_("Any category"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Status.choices]
    )
    ward = forms.ModelChoiceField(
        label=_("Ward"),
        required=False,
        queryset=Area.objects.wards().only("id", "name", "slug", "kind"),
        to_field_name="slug",
        empty_label=_("Any ward"),
    )
    age = forms.ChoiceField(label=_("Age"), required=False, choices=AGE_CHOICES)

    def filter(self, reports):
        """Apply valid filters; an invalid form filters nothing (its errors are shown)."""
        if not self.is_bound or not self.is_valid():
            return reports
        data = self.cleaned_data
        if data["category"]:
            reports = reports.filter(category=data["category"])
        if data["status"]:
            reports = reports.filter(status=data["status"])
        if data["ward"]:
            reports = reports.filter(ward=data["ward"])
        if data["age"]:
            reports = reports.older_than(int(data["age"]))
        return reports


class StatusForm(AccessibleFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[c for c in Status.choices if c[0] != Status.DUPLICATE],
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )
    note = forms.CharField(
        label=_("Public note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the report and emailed to the reporter and followers."),
    )


class MergeForm(AccessibleFormMixin, forms.Form):
    into = forms.IntegerField(
        label=_("Duplicate of report number"),
        min_value=1,
        max_value=10**18 - 1,  # a database id; larger numbers are no report, not a server error
        help_text=_("The number of the report this one repeats, for example 1042."),
        error_messages={
            "required": _("Enter the number of the original report."),
            "invalid": _("Enter a number."),
        },
    )
    note = forms.CharField(label=_("Public note"), required=False, max_length=2000)


class ReassignForm(AccessibleFormMixin, forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=IssueCategory.objects.filter(active=True),
        to_field_name="slug",
        empty_label=_("Keep the category"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Responsible organisation"),
        required=False,
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        empty_label=_("Keep the organisation"),
    )
    note = forms.CharField(label=_("Public note"), required=False, max_length=2000)
