"""Conversation forms: plain HTML, usable without JavaScript, errors beside their fields."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy

from civic.forms import AccessibleFormMixin


class StatementForm(AccessibleFormMixin, forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your statement"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "One idea, in a sentence others can agree or disagree with. No personal details."
        ),
        error_messages={"required": gettext_lazy("Enter your statement.")},
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.CONVERSATION_STATEMENT_MAX_LENGTH
        self.fields["text"].help_text += f" Up to {limit} characters."
        self.fields["text"].widget.attrs["maxlength"] = limit
        self.describe_fields()
