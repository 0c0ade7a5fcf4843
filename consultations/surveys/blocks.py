"""Question blocks officers build a survey from in Wagtail; each block's id is the question's stable id."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ConditionBlock(blocks.StructBlock):
    """Ask this question only of people who gave one answer to an earlier choice question."""

    question = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text=_(
            "The wording of an earlier single choice, multiple choice, agreement or ward question. "
            "Leave empty to ask everyone."
        ),
    )
    answer = blocks.CharBlock(
        required=False, max_length=200, help_text=_("The answer to it that shows this question, as worded.")
    )

    class Meta:
        label = _("Show only if")
        collapsed = True


class SectionBlock(blocks.StructBlock):
    """A heading that starts a group of questions; the questions after it belong to it."""

    title = blocks.CharBlock(max_length=150)
    intro = blocks.TextBlock(
        required=False, max_length=1000, help_text=_("Optional words under the heading.")
    )

    class Meta:
        icon = "title"
        label = _("Section")


class QuestionBlock(blocks.StructBlock):
    """What every question has: its wording, a hint, and whether an answer is needed."""

    question = blocks.CharBlock(max_length=300, help_text=_("The question as residents read it."))
    help_text = blocks.CharBlock(
        required=False, max_length=500, help_text=_("Optional hint under the question.")
    )
    required = blocks.BooleanBlock(required=False, default=True, help_text=_("Residents must answer this."))
    show_only_if = ConditionBlock()


def _options() -> blocks.ListBlock:
    return blocks.ListBlock(blocks.CharBlock(max_length=200, label="Option"), min_num=2, max_num=30)


class SingleChoiceBlock(QuestionBlock):
    options = _options()

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(QuestionBlock):
    options = _options()

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


class AgreementBlock(QuestionBlock):
    class Meta:
        icon = "list-ul"
        label = _("Agreement scale")
        help_text = _("Residents choose from strongly agree to strongly disagree.")


class FreeTextBlock(QuestionBlock):
    max_length = blocks.IntegerBlock(
        default=1000, min_value=10, max_value=5000, help_text=_("Most characters.")
    )

    class Meta:
        icon = "pilcrow"
        label = _("Free text")


class NumberBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(required=False, help_text=_("Smallest whole number allowed (optional)."))
    max_value = blocks.IntegerBlock(required=False, help_text=_("Largest whole number allowed (optional)."))

    class Meta:
        icon = "order"
        label = _("Number")


class DateBlock(QuestionBlock):
    class Meta:
        icon = "date"
        label = _("Date")


class RankingBlock(QuestionBlock):
    options = blocks.ListBlock(blocks.CharBlock(max_length=200, label="Option"), min_num=2, max_num=10)

    class Meta:
        icon = "list-ol"
        label = _("Ranking")
        help_text = _("Residents put every option in order, 1 for the most important.")


class WardBlock(QuestionBlock):
    ask = blocks.ChoiceBlock(
        choices=[
            ("ward", _("Choose their ward from a list")),
            ("postcode", _("Type a postcode (or ward name)")),
        ],
        default="ward",
        help_text=_("A postcode is checked against the council's postcodes; only its ward is kept."),
    )

    class Meta:
        icon = "site"
        label = _("Ward or postcode")


class QuestionsBlock(blocks.StreamBlock):
    section = SectionBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    agreement = AgreementBlock()
    free_text = FreeTextBlock()
    number = NumberBlock()
    date = DateBlock()
    ranking = RankingBlock()
    ward = WardBlock()

    class Meta:
        max_num = 60
