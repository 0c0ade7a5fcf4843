"""The consultation editing form in the Wagtail admin: who may claim and share a consultation."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from civic import roles


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
            partners.help_text = "Only officers of the lead organisation can change the partners."

    def clean_lead_organisation(self):
        lead = self.cleaned_data.get("lead_organisation")
        user = self.for_user
        if lead is None or user is None or roles.is_admin(user):
            return lead
        stored_lead = self.instance.lead_organisation_id if self.instance.pk else None
        if lead.pk not in {user.organisation_id, stored_lead}:
            raise ValidationError("Choose your own organisation as the lead.")
        return lead
