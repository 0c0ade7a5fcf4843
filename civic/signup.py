"""The sign-up form's extra fields: a public display name, and new-consultation alerts (off
unless ticked) by ward and by choices features add (registered from their AppConfig.ready(), so
the core form offers them without importing any feature)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import notifications, services
from .forms import DISPLAY_NAME_HELP, IdModelChoiceField, clean_display_name
from .models import Area, Frequency, NotificationKind, User
from .participant_profile import save_participant_profile


@dataclass(frozen=True)
class AlertOption:
    """One more way to choose new-consultation alerts at sign-up (e.g. topics).

    `field` builds the form field (None when there is nothing to choose); `save` stores the
    cleaned value for the new account, through the same service the account page uses."""

    name: str
    field: Callable[[], forms.Field | None]
    save: Callable[[User, Any], None]


_alert_options: dict[str, AlertOption] = {}


def register_alert_option(option: AlertOption) -> None:
    """Add a feature's alert choice to the sign-up form (once, however often ready() runs)."""
    _alert_options[option.name] = option


def alert_options() -> list[AlertOption]:
    return list(_alert_options.values())


ALERTS = "new_consultation_alerts"
ALERT_WARD = "alert_ward"
WARD_CONSENT = "ward_consent"
WARD_CONSENT_HELP = gettext_lazy(
    "We use your ward to tell you of new consultations there and, in groups of 5 or more people, "
    "to count who takes part. Nobody, including councillors, sees it next to your name or comments. "
    "You can change or delete it on your account page, under “About you”."
)
ALERT_FREQUENCY_AT_SIGNUP = Frequency.WEEKLY  # alerts come as a weekly summary unless changed later


class SignupForm(forms.Form):
    """Extra fields allauth adds to its sign-up form: the public name, and new-consultation alerts
    (off unless ticked) by ward and by the topics features register (civic.signup)."""

    display_name = forms.CharField(
        max_length=50, label=gettext_lazy("Display name"), help_text=DISPLAY_NAME_HELP
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[ALERTS] = forms.BooleanField(
            required=False,
            label=_("Email me about new consultations in my ward or on topics I choose (optional)"),
            help_text=_("A weekly summary. You can change this or stop it at any time on your account page."),
        )
        wards = Area.objects.filter(kind=Area.Kind.WARD).order_by("name")
        if wards.exists():
            self.fields[ALERT_WARD] = IdModelChoiceField(
                label=_("Your ward"),
                queryset=wards,
                required=False,
                empty_label=_("Prefer not to say"),
                error_messages={"invalid_choice": _("Choose your ward from the list.")},
            )
            self.fields[WARD_CONSENT] = forms.BooleanField(
                required=False, label=_("I agree to share my ward"), help_text=WARD_CONSENT_HELP
            )
        for option in alert_options():
            field = option.field()
            if field is not None:
                self.fields[option.name] = field

    def clean_display_name(self) -> str:
        return clean_display_name(self.cleaned_data["display_name"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        ward = data.get(ALERT_WARD)
        if ward and not data.get(WARD_CONSENT):
            self.add_error(
                WARD_CONSENT, _("Tick the box to agree to share your ward, or choose “Prefer not to say”.")
            )
        chosen = bool(ward) or any(data.get(option.name) for option in alert_options())
        if chosen and not data.get(ALERTS):
            self.add_error(
                ALERTS,
                _("Tick the box to hear about new consultations, or leave your ward and topics empty."),
            )
        elif data.get(ALERTS) and not chosen and ALERTS not in self.errors:
            if any(name in self.errors for name in (ALERT_WARD, *[o.name for o in alert_options()])):
                return data  # the choice itself was refused: that error says what to do
            self.add_error(ALERTS, _("Choose your ward or at least one topic, or untick the box."))
        return data

    def signup(self, request: HttpRequest, user: User) -> None:
        """Save the name, then any alerts the person opted in to, as the account page would."""
        data = self.cleaned_data
        with transaction.atomic():
            services.update_display_name(user, data["display_name"])
            if not data.get(ALERTS):
                return
            notifications.set_preference(user, NotificationKind.NEW_CONSULTATION, ALERT_FREQUENCY_AT_SIGNUP)
            if data.get(ALERT_WARD):
                save_participant_profile(user, {"consent": True, "ward": data[ALERT_WARD]})
            for option in alert_options():
                if data.get(option.name):
                    option.save(user, data[option.name])
