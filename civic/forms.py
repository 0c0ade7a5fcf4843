"""Account forms: sign-up asks for a public display name, never shows the real one."""

from django import forms

from . import names, services
from .converters import parse_id


class IdModelChoiceField(forms.ModelChoiceField):
    """A choice by database id that refuses ids no database can hold before it queries."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_id(value if isinstance(value, int) else str(value).strip()) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several choices by database id, refusing ids no database can hold before it queries."""

    def _check_values(self, value):
        for pk in value:
            if parse_id(pk if isinstance(pk, int) else str(pk).strip()) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


DISPLAY_NAME_HELP = (
    "Shown next to your comments. Choose any name: it does not need to be your real name. "
    "Your email address is never shown to anyone."
)


def clean_display_name(value: str, user=None) -> str:
    """The rule lives in civic.names: every place a name is set shares it."""
    return names.clean_display_name(value, user=user)


class AccessibleFormMixin:
    """Links each input to its hint and errors (aria-describedby) and marks invalid inputs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def add_error(self, field, error):
        super().add_error(field, error)
        self.describe_fields()

    def describe_fields(self):
        errors = self._errors or {}
        for name, field in self.fields.items():
            if getattr(field.widget, "input_type", None) == "radio":
                continue  # radios are described on their fieldset
            bound_id = self[name].auto_id
            ids = []
            if field.help_text:
                ids.append(f"{bound_id}-hint")
            if name in errors:
                ids.append(f"{bound_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class SignupForm(forms.Form):
    """Extra fields allauth adds to its sign-up form."""

    display_name = forms.CharField(max_length=50, label="Display name", help_text=DISPLAY_NAME_HELP)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        services.update_display_name(user, self.cleaned_data["display_name"])


class ProfileForm(AccessibleFormMixin, forms.Form):
    display_name = forms.CharField(max_length=50, label="Display name", help_text=DISPLAY_NAME_HELP)

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"], user=self.user)
