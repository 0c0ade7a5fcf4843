"""Forms officers use to edit themes and publish responses; the ward filter councillors use."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.forms import AccessibleFormMixin, IdModelChoiceField

from .models import Theme


class WardFilterForm(forms.Form):
    ward = forms.ChoiceField(label=gettext_lazy("Show contributions from"), required=False)

    def __init__(self, *args, wards=(), my_ward=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("all", _("All wards"))]
        for ward in wards:
            mine = my_ward is not None and ward.pk == my_ward.pk
            choices.append((ward.slug, _("%(ward)s (my ward)") % {"ward": ward.name} if mine else ward.name))
        self.fields["ward"].choices = choices


class RenameThemeForm(AccessibleFormMixin, forms.Form):
    label = forms.CharField(
        max_length=200,
        label=gettext_lazy("Theme name"),
        help_text=gettext_lazy("A short name residents would recognise."),
    )


class MergeThemeForm(AccessibleFormMixin, forms.Form):
    target = IdModelChoiceField(
        queryset=Theme.objects.none(),
        label=gettext_lazy("Merge this theme into"),
        help_text=gettext_lazy(
            "Every comment in this theme moves to the theme you choose; this theme is removed."
        ),
        empty_label=gettext_lazy("Choose a theme"),
    )

    def __init__(self, *args, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Theme.objects.filter(consultation_id=theme.consultation_id)


class ResponseForm(AccessibleFormMixin, forms.Form):
    you_said = forms.CharField(
        label=gettext_lazy("You said"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("What residents told us, in plain words."),
    )
    we_did = forms.CharField(
        label=gettext_lazy("We did"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=gettext_lazy("What the council has decided or changed because of it."),
    )
