"""Optional equality details: asked with explicit consent, counted only in groups of 5 or more."""

from typing import Any

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.models import Area

from .addresses import Address
from .forms import AccessibleFormMixin, IdModelChoiceField
from .models import AgeBand, Disability, Ethnicity, ParticipantProfile, User
from .place_fields import PlaceLookupField, PlaceLookupInput

PREFER_NOT = ("", gettext_lazy("Prefer not to say"))
CONSENT_HELP = gettext_lazy(
    "We use these details only to count who takes part, in groups of 5 or more people, "
    "so councils can see who they are not hearing from. "
    "Nobody, including councillors, sees them next to your name or comments."
)


class ParticipantProfileForm(AccessibleFormMixin, forms.Form):
    consent = forms.BooleanField(
        required=False,
        label=gettext_lazy("I agree to share these details for counting who takes part"),
        help_text=CONSENT_HELP,
    )
    age_band = forms.ChoiceField(
        label=gettext_lazy("Age"), choices=[PREFER_NOT, *AgeBand.choices], required=False
    )
    postcode = PlaceLookupField(
        label=gettext_lazy("Your postcode (optional)"),
        kinds=[Address.Kind.POSTCODE],
        required=False,
        max_length=10,
        help_text=gettext_lazy(
            "We use it only to find your ward, and do not keep it. Or choose your ward below."
        ),
        widget=PlaceLookupInput(attrs={"autocomplete": "postal-code"}, kinds=[Address.Kind.POSTCODE]),
        error_messages={
            "unknown": gettext_lazy(
                "We could not find that postcode in the council's area. Check it, or choose a ward."
            ),
            "ambiguous": gettext_lazy(
                "We could not find that postcode. Choose it from the list, or check it."
            ),
        },
    )
    ward = IdModelChoiceField(
        label=gettext_lazy("Ward you live in"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=PREFER_NOT[1],
    )
    disability = forms.ChoiceField(
        label=gettext_lazy("Disability"), choices=[PREFER_NOT, *Disability.choices], required=False
    )
    ethnicity = forms.ChoiceField(
        label=gettext_lazy("Ethnic group"), choices=[PREFER_NOT, *Ethnicity.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ward = self.fields["ward"]
        assert isinstance(ward, forms.ModelChoiceField)
        ward.queryset = Area.objects.filter(kind=Area.Kind.WARD).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        place = data.pop("postcode", None)
        if place is not None:
            ward = (
                Area.objects.filter(pk=place.ward_id, kind=Area.Kind.WARD).first() if place.ward_id else None
            )
            if ward is None:
                self.add_error(
                    "postcode", _("That postcode is not in one of the council's wards. Choose your ward.")
                )
            else:
                data["ward"] = ward
        shared = any(data.get(name) for name in ("age_band", "ward", "disability", "ethnicity"))
        if shared and not data.get("consent"):
            self.add_error(
                "consent", _("Tick the box to agree, or choose “Prefer not to say” for every question.")
            )
        return data


def profile_of(user: User) -> ParticipantProfile | None:
    return ParticipantProfile.objects.filter(user=user).select_related("ward").first()


def initial_for(user: User) -> dict[str, Any]:
    profile = profile_of(user)
    if profile is None or not profile.has_consented:
        return {}
    return {
        "consent": True,
        "age_band": profile.age_band,
        "ward": profile.ward_id,
        "disability": profile.disability,
        "ethnicity": profile.ethnicity,
    }


@transaction.atomic
def save_participant_profile(user: User, data: dict[str, Any]) -> ParticipantProfile | None:
    """Store what the person agreed to share; withdrawing consent deletes every detail."""
    if not data.get("consent"):
        ParticipantProfile.objects.filter(user=user).delete()
        return None
    profile, _created = ParticipantProfile.objects.get_or_create(user=user)
    profile.consented_at = profile.consented_at or timezone.now()
    profile.age_band = data.get("age_band") or ""
    profile.ward = data.get("ward")
    profile.disability = data.get("disability") or ""
    profile.ethnicity = data.get("ethnicity") or ""
    profile.save()
    return profile
