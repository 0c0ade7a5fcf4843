"""Forms residents fill in; each works without JavaScript and reports errors beside fields."""

import uuid

from django import forms
from django.conf import settings

from civic import languages
from civic.forms import AccessibleFormMixin
from civic.models import Organisation

from .models import ModerationReason, Stance, State, Topic, Vote


class CommentForm(AccessibleFormMixin, forms.Form):
    body = forms.CharField(
        label="Your comment",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Plain text. Do not include personal details such as your address or phone number.",
        error_messages={"required": "Enter your comment."},
    )
    stance = forms.ChoiceField(
        label="Your view",
        choices=Stance.choices,
        initial=Stance.NEUTRAL,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose support, oppose, neutral or question."},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    paragraph = forms.CharField(required=False, widget=forms.HiddenInput, max_length=36)
    client_token = forms.UUIDField(widget=forms.HiddenInput)
    language = languages.LanguageField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("client_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        limit = settings.COMMENT_MAX_LENGTH
        self.fields["body"].max_length = None  # the service measures the cleaned text
        self.fields["body"].help_text += f" Up to {limit:,} characters."
        self.fields["body"].widget.attrs["maxlength"] = limit
        self.describe_fields()


class VoteForm(AccessibleFormMixin, forms.Form):
    choice = forms.ChoiceField(
        label="Your vote",
        choices=Vote.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose support or oppose.",
            "invalid_choice": "Choose support or oppose.",
        },
    )


class ConsultationFilterForm(AccessibleFormMixin, forms.Form):
    """Filters on the consultation list; unknown values are reported, not fatal."""

    state = forms.ChoiceField(label="State", required=False, choices=[("", "Any"), *State.choices])
    topic = forms.ModelChoiceField(
        label="Topic",
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label="Any topic",
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        empty_label="Any organisation",
    )


class FlagForm(AccessibleFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label="Why should a moderator look at this comment?",
        choices=ModerationReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a reason."},
    )
    note = forms.CharField(
        label="Anything else the moderator should know (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OfficialResponseForm(AccessibleFormMixin, forms.Form):
    body = forms.CharField(
        label="Response",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the response."},
    )
    pinned = forms.BooleanField(label="Pin this response to the top of the comments", required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
