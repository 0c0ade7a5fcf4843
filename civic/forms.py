"""Account forms: a public display name (never the real one), notification choices (sign-up: civic.signup)."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import names
from .converters import parse_id
from .models import Frequency, NotificationKind, User

if TYPE_CHECKING:
    _FormBase = forms.Form  # what the mixin is mixed into
else:
    _FormBase = object


class IdModelChoiceField(forms.ModelChoiceField[Model]):
    """A choice by database id that refuses ids no database can hold before it queries."""

    def to_python(self, value: Any) -> Model | None:
        if value in self.empty_values:
            return None
        if parse_id(value if isinstance(value, int) else str(value).strip()) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField[Model]):
    """Several choices by database id, refusing ids no database can hold before it queries."""

    def _check_values(self, value: Iterable[Any]) -> QuerySet[Model]:
        for pk in value:
            if parse_id(pk if isinstance(pk, int) else str(pk).strip()) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        checked: QuerySet[Model] = super()._check_values(value)  # type: ignore[misc]  # private, not in the stubs
        return checked


DISPLAY_NAME_HELP = gettext_lazy(
    "Shown next to your comments. Choose any name: it does not need to be your real name. "
    "Your email address is never shown to anyone."
)


def clean_display_name(value: str, user: User | None = None) -> str:
    """The rule lives in civic.names: every place a name is set shares it."""
    return names.clean_display_name(value, user=user)


class AccessibleFormMixin(_FormBase):
    """Links each input to its hint and errors (aria-describedby) and marks invalid inputs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def full_clean(self) -> None:
        super().full_clean()
        self.describe_fields()

    def add_error(self, field: Any, error: Any) -> None:  # Django's own signature is a set of overloads
        super().add_error(field, error)
        self.describe_fields()

    def describe_fields(self) -> None:
        errors = getattr(self, "_errors", None) or {}  # self.errors would validate the form
        for name, field in self.fields.items():
            if getattr(field.widget, "input_type", None) == "radio":
                continue  # radios are described on their fieldset
            bound_id = self[name].auto_id
            ids: list[str] = []
            if field.help_text:
                ids.append(f"{bound_id}-hint")
            if name in errors:
                ids.append(f"{bound_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class ProfileForm(AccessibleFormMixin, forms.Form):
    display_name = forms.CharField(
        max_length=50, label=gettext_lazy("Display name"), help_text=DISPLAY_NAME_HELP
    )

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_display_name(self) -> str:
        return clean_display_name(self.cleaned_data["display_name"], user=self.user)


class CloseAccountForm(AccessibleFormMixin, forms.Form):
    """Re-entering the password is the confirmation step: a left-open session cannot close an account."""

    password = forms.CharField(
        label=gettext_lazy("Your current password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Enter your current password.")},
    )


AUTO_FOLLOW = "auto_follow"


class NotificationSettingsForm(AccessibleFormMixin, forms.Form):
    """One radio group per kind of notification: how often (if ever) to be emailed about it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how often to hear about %(kind)s.")
                    % {"kind": str(kind.label).lower()}
                },
            )
        self.fields[AUTO_FOLLOW] = forms.ChoiceField(
            label=_("Follow what you comment on or report"),
            help_text=_(
                "Following tells you when a consultation or proposal opens, closes and publishes "
                "results, and when a problem you reported changes."
            ),
            choices=[
                ("on", _("Yes, follow them when I comment or report a problem")),
                ("off", _("No, I will follow them myself")),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose whether commenting follows the page.")},
        )
