"""The survey editing form: once people have answered, nothing that holds answers may be removed."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm

from .questions import questions_from_stream


def answered_counts(survey) -> dict[str, dict[str, int]]:
    """For each question id with answers: how many answered it, and how many chose each option id.

    The "" key counts answers to the question itself; submitted and draft answers both count,
    since a draft is submitted against the same ids."""
    counts: dict[str, dict[str, int]] = {}
    for answers, draft in survey.responses.values_list("answers", "draft").iterator(chunk_size=2000):
        for stored in (answers or {}, draft or {}):
            for question_id, value in stored.items():
                per = counts.setdefault(question_id, {})
                per[""] = per.get("", 0) + 1
                for option_id in value if isinstance(value, list) else [value]:
                    if isinstance(option_id, str):
                        per[option_id] = per.get(option_id, 0) + 1
    return counts


def _people(n: int) -> str:
    return ngettext("%(count)s answer", "%(count)s answers", n) % {"count": f"{n:,}"}


def removal_problems(old_questions, new_questions, counts) -> list[str]:
    """Why this change would corrupt results: removed questions or options that hold answers,
    or an answered question turned into another kind."""
    new = {q.id: q for q in new_questions}
    problems = []
    for old in old_questions:
        per = counts.get(old.id)
        if not per:
            continue
        current = new.get(old.id)
        if current is None:
            problems.append(
                _(
                    "“%(question)s” has %(answers)s, so it cannot be removed. "
                    "Mark it optional or reword it instead."
                )
                % {"question": old.label, "answers": _people(per[""])}
            )
            continue
        if current.kind != old.kind:
            problems.append(
                _("“%(question)s” has %(answers)s, so its type cannot change.")
                % {"question": old.label, "answers": _people(per[""])}
            )
            continue
        kept = current.option_labels
        for option_id, label in old.options:
            if per.get(option_id) and option_id not in kept:
                problems.append(
                    ngettext(
                        "The option “%(option)s” of “%(question)s” was chosen %(count)s time, "
                        "so it cannot be removed. Reword it instead.",
                        "The option “%(option)s” of “%(question)s” was chosen %(count)s times, "
                        "so it cannot be removed. Reword it instead.",
                        per[option_id],
                    )
                    % {"option": label, "question": old.label, "count": f"{per[option_id]:,}"}
                )
    return problems


def condition_problems(questions) -> list[str]:
    """Each "show only if" that names no earlier choice question, or no answer to it."""
    return [
        _(
            "Question %(number)s (“%(question)s”) is shown only if… %(problem)s Use the exact wording, "
            "or leave “Show only if” empty."
        )
        % {"number": q.number, "question": q.label, "problem": q.condition_problem}
        for q in questions
        if q.condition_problem
    ]


class SurveyPageForm(WagtailAdminPageForm):
    """Removing a question or an option with answers is refused (saving and publishing alike),
    so results never lose what residents said; rewording is allowed. A condition must name an
    earlier choice question and one of its answers."""

    def clean(self):
        cleaned = super().clean()
        stream = cleaned.get("questions")
        if stream is None or "questions" in self.errors:
            return cleaned
        conditions = condition_problems(questions_from_stream(stream))
        if conditions:
            self.add_error("questions", ValidationError(conditions))
            return cleaned
        if not self.instance.pk:
            return cleaned
        counts = answered_counts(self.instance)
        if not counts:
            return cleaned
        stored = type(self.instance).objects.filter(pk=self.instance.pk).values_list("questions", flat=True)
        old_stream = self.instance._meta.get_field("questions").to_python(stored.first() or [])
        problems = removal_problems(questions_from_stream(old_stream), questions_from_stream(stream), counts)
        if problems:
            self.add_error("questions", ValidationError(problems))
        return cleaned
