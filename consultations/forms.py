"""Forms residents fill in; each works without JavaScript and reports errors beside fields."""

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.forms import AccessibleFormMixin
from civic.models import Organisation

from .models import ModerationReason, Stance, State, Topic, Vote


class CommentForm(AccessibleFormMixin, forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Plain text. Do not include personal details such as your address or phone number."
        ),
        error_messages={"required": gettext_lazy("Enter your comment.")},
    )
    stance = forms.ChoiceField(
        label=gettext_lazy("Your view"),
        choices=Stance.choices,
        initial=Stance.NEUTRAL,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": gettext_lazy("Choose support, oppose, neutral or question.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    paragraph = forms.CharField(required=False, widget=forms.HiddenInput, max_length=36)
    client_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("client_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        limit = settings.COMMENT_MAX_LENGTH
        self.fields["body"].max_length = None  # the service measures the cleaned text
        self.fields["body"].help_text = " ".join(
            [str(self.fields["body"].help_text), _("Up to %(limit)s characters.") % {"limit": f"{limit:,}"}]
        )
        self.fields["body"].widget.attrs["maxlength"] = limit
        self.describe_fields()


class VoteForm(AccessibleFormMixin, forms.Form):
    choice = forms.ChoiceField(
        label=gettext_lazy("Your vote"),
        choices=Vote.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose support or oppose."),
            "invalid_choice": gettext_lazy("Choose support or oppose."),
        },
    )


class ConsultationFilterForm(AccessibleFormMixin, forms.Form):
    """Filters on the consultation list; unknown values are reported, not fatal."""

    state = forms.ChoiceField(
        label=gettext_lazy("State"), required=False, choices=[("", gettext_lazy("Any")), *State.choices]
    )
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=gettext_lazy("Any topic"),
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        required=False,
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        empty_label=gettext_lazy("Any organisation"),
    )


class FlagForm(AccessibleFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Why should a moderator look at this comment?"),
        choices=ModerationReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose a reason.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Anything else the moderator should know (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OfficialResponseForm(AccessibleFormMixin, forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Response"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Enter the response.")},
    )
    pinned = forms.BooleanField(
        label=gettext_lazy("Pin this response to the top of the comments"), required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
