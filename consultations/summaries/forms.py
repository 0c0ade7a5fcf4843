"""Forms officers use to edit themes and publish responses; the ward filter councillors use."""

from django import forms
from django.utils.translation import gettext_lazy

from civic import languages
from civic.forms import AccessibleFormMixin, IdModelChoiceField

from .models import Theme


class WardFilterForm(forms.Form):
    ward = forms.ChoiceField(label="Show contributions from", required=False)

    def __init__(self, *args, wards=(), my_ward=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("all", "All wards")]
        for ward in wards:
            suffix = " (my ward)" if my_ward is not None and ward.pk == my_ward.pk else ""
            choices.append((ward.slug, f"{ward.name}{suffix}"))
        self.fields["ward"].choices = choices


class LanguageFilterForm(forms.Form):
    """Comments written in one language only (?language=cy); an unknown code shows every language."""

    language = forms.ChoiceField(label=gettext_lazy("Language of the comments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", gettext_lazy("All languages")), *languages.choices()]


class RenameThemeForm(AccessibleFormMixin, forms.Form):
    label = forms.CharField(
        max_length=200, label="Theme name", help_text="A short name residents would recognise."
    )


class MergeThemeForm(AccessibleFormMixin, forms.Form):
    target = IdModelChoiceField(
        queryset=Theme.objects.none(),
        label="Merge this theme into",
        help_text="Every comment in this theme moves to the theme you choose; this theme is removed.",
        empty_label="Choose a theme",
    )

    def __init__(self, *args, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Theme.objects.filter(consultation_id=theme.consultation_id)


class ResponseForm(AccessibleFormMixin, forms.Form):
    you_said = forms.CharField(
        label="You said",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="What residents told us, in plain words.",
    )
    we_did = forms.CharField(
        label="We did",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="What the council has decided or changed because of it.",
    )
