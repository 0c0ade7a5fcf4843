"""Page editing forms in the Wagtail admin: who may claim and share a consultation, and where a
proposal is (a street or landmark from the gazetteer, or the point chosen on the map)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from civic import roles
from civic.models import GazetteerEntry
from civic.places import search_gazetteer


class ConsultationPageForm(WagtailAdminPageForm):
    """The lead organisation must be the officer's own; only the lead's officers change the partners.

    Partners may be any organisation (working with the NHS or the police is the point), but a
    partner's officer cannot add further partners to someone else's consultation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or roles.is_admin(user):
            return
        stored_lead = self.instance.lead_organisation_id if self.instance.pk else None
        lead = self.fields.get("lead_organisation")
        if lead is not None:
            lead.queryset = lead.queryset.filter(pk__in={user.organisation_id, stored_lead} - {None})
            if not self.instance.pk and user.organisation_id:
                lead.initial = user.organisation_id
        partners = self.fields.get("partner_organisations")
        if partners is not None and stored_lead is not None and stored_lead != user.organisation_id:
            partners.disabled = True
            partners.help_text = _("Only officers of the lead organisation can change the partners.")

    def clean_lead_organisation(self):
        lead = self.cleaned_data.get("lead_organisation")
        user = self.for_user
        if lead is None or user is None or roles.is_admin(user):
            return lead
        stored_lead = self.instance.lead_organisation_id if self.instance.pk else None
        if lead.pk not in {user.organisation_id, stored_lead}:
            raise ValidationError(_("Choose your own organisation as the lead."))
        return lead


def find_place(name: str) -> GazetteerEntry:
    """The one street or landmark a typed name means; a ValidationError says what to do otherwise."""
    matches = list(search_gazetteer(name, limit=6))
    exact = [entry for entry in matches if entry.name.casefold() == name.strip().casefold()]
    if len(exact) == 1 or len(matches) == 1:
        return exact[0] if exact else matches[0]
    if not matches:
        raise ValidationError(
            _("No street or landmark matches “%(name)s”. Try another name, or choose the point on the map.")
            % {"name": name}
        )
    names = ", ".join(entry.name for entry in matches[:5])
    raise ValidationError(_("Several places match: %(names)s. Type the full name of one.") % {"names": names})


class ProposalPageForm(WagtailAdminPageForm):
    """A proposal's location comes from the map (which fills in the coordinates) or, without the
    map, from a street or landmark typed here; typed coordinates still work."""

    place = forms.CharField(
        required=False,
        max_length=150,
        label=gettext_lazy("Street or landmark"),
        help_text=gettext_lazy(
            "Type a street or landmark in the borough to place the proposal there, or click the map."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        name = (cleaned.get("place") or "").strip()
        if not name:
            return cleaned
        try:
            entry = find_place(name)
        except ValidationError as exc:
            self.add_error("place", exc)
            return cleaned
        cleaned["latitude"] = Decimal(str(round(entry.latitude, 6)))
        cleaned["longitude"] = Decimal(str(round(entry.longitude, 6)))
        if not cleaned.get("location_name"):
            cleaned["location_name"] = entry.name
        cleaned["place"] = ""
        return cleaned
