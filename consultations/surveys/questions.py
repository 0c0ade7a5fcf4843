"""Questions as plain data, and the server-side check of a resident's answers against them.

Answers are stored keyed by question id (the StreamField block id) and option id (the list item
id), so rewording a question or an option never detaches the answers already given."""

import datetime
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from civic.text import plain_text

CHOICE_KINDS = ("single_choice", "multiple_choice", "agreement", "ward")
# The scale's labels in English name its options in wording fingerprints and officers' "show only
# if" conditions; residents read them in their language (AGREEMENT).
AGREEMENT_SOURCE = {
    "strongly_agree": "Strongly agree",
    "agree": "Agree",
    "neither": "Neither agree nor disagree",
    "disagree": "Disagree",
    "strongly_disagree": "Strongly disagree",
}
AGREEMENT = (
    ("strongly_agree", gettext_lazy("Strongly agree")),
    ("agree", pgettext_lazy("agreement scale", "Agree")),
    ("neither", gettext_lazy("Neither agree nor disagree")),
    ("disagree", pgettext_lazy("agreement scale", "Disagree")),
    ("strongly_disagree", gettext_lazy("Strongly disagree")),
)
NUMBER_LIMIT = 10**12  # beyond any count a resident is asked for; keeps JSON and CSV sane


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    label: str
    help_text: str = ""
    required: bool = True
    options: tuple[tuple[str, str], ...] = ()
    max_length: int = 1000
    min_value: int | None = None
    max_value: int | None = None
    number: int = 0  # its position, from 1, for "Question 3" in errors and exports
    section: str = ""  # the title of the section it is in
    section_intro: str = ""
    # (question id, option id): asked only of people who chose that option of that earlier question
    condition: tuple[str, str] | None = None
    condition_text: str = ""  # the condition as people read it: answered “Yes” to “Do you drive?”
    condition_problem: str = ""  # why the officer's condition names no earlier question or answer
    ask: str = ""  # ward questions: "ward" (from a list) or "postcode" (typed, checked, only its ward kept)

    @property
    def source_labels(self) -> list[str]:
        """The options' labels as the survey defines them (the agreement scale's in English)."""
        if self.kind == "agreement":
            return [AGREEMENT_SOURCE.get(option_id, str(label)) for option_id, label in self.options]
        return [str(label) for _, label in self.options]

    @property
    def wording(self) -> str:
        """A short fingerprint of the wording people read: the question and its options' labels."""
        text = json.dumps([self.label, self.source_labels], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    @property
    def field_name(self) -> str:
        return f"q-{self.id}"

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def option_labels(self) -> dict[str, str]:
        return dict(self.options)

    def display(self, answer: Any) -> str:
        """An answer as a person reads it (check-your-answers, CSV)."""
        if answer is None or answer == "" or answer == []:
            return ""
        labels = {option_id: str(label) for option_id, label in self.options}
        if self.kind == "multiple_choice":
            return "; ".join(labels[a] for a in answer if a in labels) if isinstance(answer, list) else ""
        if self.kind == "ranking":
            return "; ".join(f"{i}. {labels[a]}" for i, a in enumerate(answer, 1) if a in labels)
        if self.kind in ("single_choice", "agreement", "ward"):
            return labels.get(answer, "") if isinstance(answer, str) else ""
        if self.kind == "date":
            try:
                return date_format(datetime.date.fromisoformat(answer), "j F Y")
            except (TypeError, ValueError):
                return ""
        return str(answer)


def ward_options() -> tuple[tuple[str, str], ...]:
    """The council's wards as answer options: (the area's id, its name)."""
    from civic.models import Area

    wards = Area.objects.wards().order_by("name").values_list("pk", "name")
    return tuple((str(pk), name) for pk, name in wards)


def questions_from_stream(stream: Iterable[Any]) -> list[Question]:
    """The survey's StreamField as Question records (blocks without an id yet are skipped).

    Ward questions take the council's wards as their options (one query, only when there is one)."""
    found: list[Question] = []
    wards: tuple[tuple[str, str], ...] | None = None
    section = ("", "")
    for child in stream:
        if not child.id:
            continue
        value = child.value
        kind = child.block_type
        if kind == "section":
            section = (str(value["title"]), str(value.get("intro") or ""))
            continue
        options: tuple[tuple[str, str], ...] = ()
        if kind in ("single_choice", "multiple_choice", "ranking"):
            options = tuple((item.id, str(item.value)) for item in value["options"].bound_blocks)
        elif kind == "agreement":
            options = AGREEMENT  # type: ignore[assignment]  # lazy labels: read in the reader's language
        elif kind == "ward":
            wards = ward_options() if wards is None else wards
            options = wards
        found.append(
            Question(
                id=str(child.id),
                kind=kind,
                label=value["question"],
                help_text=value.get("help_text") or "",
                required=bool(value.get("required")),
                options=options,
                max_length=value.get("max_length") or 1000,
                min_value=value.get("min_value"),
                max_value=value.get("max_value"),
                number=len(found) + 1,
                section=section[0],
                section_intro=section[1],
                ask=value.get("ask") or "",
                **_condition(value.get("show_only_if"), found),
            )
        )
    return found


def _condition(value: Any, earlier: list[Question]) -> dict[str, Any]:
    """The question and option an officer's "show only if" names, matched by wording."""
    wording, answer = (_fold(str((value or {}).get(k) or "")) for k in ("question", "answer"))
    if not wording and not answer:
        return {}
    target = next((q for q in earlier if q.is_choice and _fold(q.label) == wording), None)
    if target is None:
        return {
            "condition_problem": _("“%(question)s” is not an earlier choice question.")
            % {"question": value.get("question")}
        }
    named = zip(target.options, target.source_labels, strict=True)
    option = next((o for (o, label), source in named if answer in (_fold(str(label)), _fold(source))), None)
    if option is None:
        return {
            "condition_problem": _("“%(answer)s” is not an answer to “%(question)s”.")
            % {"answer": value.get("answer"), "question": target.label}
        }
    return {
        "condition": (target.id, option),
        "condition_text": _("answered “%(answer)s” to “%(question)s”")
        % {"answer": target.option_labels[option], "question": target.label},
    }


def is_shown(q: Question, answers: Mapping[str, Any], shown: set[str]) -> bool:
    """Asked of this person: no condition, or its question was asked and given the answer named."""
    if q.condition is None:
        return True
    target, option = q.condition
    value = answers.get(target)
    chosen = value if isinstance(value, list) else [value]
    return target in shown and option in chosen


def shown_questions(questions: list[Question], answers: Mapping[str, Any]) -> list[Question]:
    """The questions this person is asked, given their answers so far (conditions look back only)."""
    shown: set[str] = set()
    found = []
    for q in questions:
        if is_shown(q, answers, shown):
            shown.add(q.id)
            found.append(q)
    return found


def _text(raw: object) -> str:
    return plain_text(raw if isinstance(raw, str) else "").strip()


def _number(question: Question, raw: str) -> int:
    cleaned = raw.strip().replace(",", "")
    if not (cleaned.isascii() and cleaned.lstrip("-").isdigit()) or len(cleaned) > 14:
        raise ValueError(
            _("Enter a whole number for “%(question)s”, like 12.") % {"question": question.label}
        )
    value = int(cleaned)
    low = question.min_value if question.min_value is not None else -NUMBER_LIMIT
    high = question.max_value if question.max_value is not None else NUMBER_LIMIT
    if not low <= value <= high:
        raise ValueError(
            _("“%(question)s” must be between %(low)s and %(high)s.")
            % {"question": question.label, "low": f"{low:,}", "high": f"{high:,}"}
        )
    return value


def _date(question: Question, parts: tuple[str, str, str]) -> str:
    day, month, year = (p.strip() for p in parts)
    if not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in (day, month, year)) or len(year) != 4:
        raise ValueError(
            _("“%(question)s” must be a real date, like 27 3 2024.") % {"question": question.label}
        )
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise ValueError(
            _("“%(question)s” must be a real date, like 27 3 2024.") % {"question": question.label}
        ) from None


def raw_from_post(questions: list[Question], data: Mapping[str, Any]) -> dict[str, Any]:
    """What a form sent for each question, unchecked (a QueryDict or a plain dict of lists)."""

    def get_list(name: str) -> list[str]:
        if hasattr(data, "getlist"):
            return [str(v) for v in data.getlist(name)]
        value = data.get(name)
        if value is None:
            return []
        return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]

    raw: dict[str, Any] = {}
    for q in questions:
        name = q.field_name
        if q.kind == "multiple_choice":
            raw[q.id] = get_list(name)
        elif q.kind == "date":
            raw[q.id] = tuple((get_list(f"{name}-{part}") or [""])[0] for part in ("day", "month", "year"))
        elif q.kind == "ranking":  # one box per known option: a tampered option id is never read
            raw[q.id] = {o: (get_list(f"{name}-{o}") or [""])[0] for o, _ in q.options}
        else:
            raw[q.id] = (get_list(name) or [""])[0]
    return raw


def clean_answers(
    questions: list[Question], raw: Mapping[str, Any], *, partial: bool = False
) -> tuple[dict[str, Any], dict[str, str]]:
    """Checked answers keyed by question id, and errors keyed by question id (empty when all is well).

    Unknown question or option ids are refused, never stored: a tampered form saves nothing. So is
    an answer to a question whose condition is not met. `partial` (saving to come back later)
    lets required questions wait."""
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    shown: set[str] = set()
    for q in questions:
        value = raw.get(q.id)
        if not is_shown(q, answers, shown):
            if not _empty(value):  # never stored: it was not asked of this person
                errors[q.id] = _(
                    "Leave “%(question)s” unanswered: it is only for people who %(condition)s."
                ) % {
                    "question": q.label,
                    "condition": q.condition_text,
                }
            continue
        shown.add(q.id)
        try:
            answer = _clean_one(q, value)
        except ValueError as exc:
            errors[q.id] = str(exc)
            continue
        if answer in (None, "", []):
            if q.required and not partial:
                errors[q.id] = _missing(q)
            continue
        answers[q.id] = answer
    return answers, errors


def clean_one(q: Question, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """One question's answer from a form, for a page that asks only it (whether it is asked at all
    is the caller's check, against the answers so far)."""
    return clean_answers([replace(q, condition=None)], raw_from_post([q], data))


def _empty(value: Any) -> bool:
    """Nothing was given: no text, no choice, an empty date or ranking."""
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return not any(str(v).strip() for v in value)
    return value is None or not str(value).strip()


def _missing(q: Question) -> str:
    if q.kind == "multiple_choice":
        return _("Select at least one answer for “%(question)s”.") % {"question": q.label}
    if q.is_choice:
        return _("Select an answer for “%(question)s”.") % {"question": q.label}
    return _("Answer “%(question)s”.") % {"question": q.label}


def _clean_one(q: Question, value: Any) -> Any:
    if q.kind == "multiple_choice":
        chosen = [v for v in (value or []) if v]
        if not isinstance(value, list | tuple) or len(set(chosen)) != len(chosen):
            raise ValueError(_("Select each answer to “%(question)s” once.") % {"question": q.label})
        known = q.option_labels
        if any(v not in known for v in chosen):
            raise ValueError(_("Choose answers to “%(question)s” from the list.") % {"question": q.label})
        order = [option_id for option_id, _ in q.options]
        return sorted(chosen, key=order.index)
    if q.kind == "ranking":
        return _ranking(q, value)
    if q.kind == "ward":
        return _ward(q, value)
    if q.kind == "date":
        parts = tuple(value) if isinstance(value, list | tuple) and len(value) == 3 else ("", "", "")
        if not any(str(p).strip() for p in parts):
            return None
        return _date(q, tuple(str(p) for p in parts))  # type: ignore[arg-type]
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    if q.is_choice:
        if value == "":
            return None
        if value not in q.option_labels:
            raise ValueError(_("Choose an answer to “%(question)s” from the list.") % {"question": q.label})
        return value
    if q.kind == "number":
        return _number(q, value) if value.strip() else None
    text = _text(value)
    if len(text) > q.max_length:
        raise ValueError(
            _("Your answer to “%(question)s” must be %(most)s characters or fewer (it is %(length)s).")
            % {"question": q.label, "most": f"{q.max_length:,}", "length": f"{len(text):,}"}
        )
    return text


def _ranking(q: Question, value: Any) -> list[str] | None:
    """Every option numbered, each number from 1 to the number of options once: the option ids in order."""
    ranks = value if isinstance(value, Mapping) else {}
    given = {option_id: str(ranks.get(option_id) or "").strip() for option_id, _ in q.options}
    if not any(given.values()):
        return None
    n = len(q.options)
    numbers = [int(v) if v.isascii() and v.isdigit() and len(v) <= 3 else 0 for v in given.values()]
    if any(not 1 <= k <= n for k in numbers) or len(set(numbers)) != n or set(ranks) - set(given):
        raise ValueError(
            _("Give each option in “%(question)s” a different number from 1 to %(n)s.")
            % {"question": q.label, "n": n}
        )
    return sorted(given, key=lambda option_id: int(given[option_id]))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _ward(q: Question, value: Any) -> str | None:
    """A ward's id, from the list, a ward's name typed, or a postcode in the council's area (not kept)."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return None
    if text in q.option_labels:
        return text
    if q.ask != "postcode":
        raise ValueError(_("Choose a ward for “%(question)s” from the list.") % {"question": q.label})
    if len(text) > 100:
        raise ValueError(
            _("Enter a postcode, like NB1 2AB, or a ward's name for “%(question)s”.") % {"question": q.label}
        )
    folded = _fold(text)
    for option_id, name in q.options:
        if folded in (_fold(name), _fold(f"{name} ward")):
            return option_id
    from civic import address_keys, addresses

    if not address_keys.is_postcode(text):
        raise ValueError(
            _("Enter a full postcode, like NB1 2AB, or a ward's name for “%(question)s”.")
            % {"question": q.label}
        )
    place = addresses.find_postcode(text)
    ward = str(place.ward_id) if place is not None and place.ward_id is not None else ""
    if ward not in q.option_labels:
        raise ValueError(
            _(
                "We could not find %(postcode)s in the council's area. Check the postcode for "
                "“%(question)s”, or enter your ward's name."
            )
            % {"postcode": text.upper(), "question": q.label}
        )
    return ward


def recheck_stored(
    questions: list[Question], answers: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Stored answers checked again against today's questions (they may have changed since)."""
    raw: dict[str, Any] = {}
    for q in questions:
        value = answers.get(q.id)
        if q.kind == "date" and isinstance(value, str):
            try:
                d = datetime.date.fromisoformat(value)
                value = (str(d.day), str(d.month), str(d.year))
            except ValueError:
                value = ("x", "x", "x")
        elif q.kind == "number" and isinstance(value, int):
            value = str(value)
        elif q.kind == "ranking" and isinstance(value, list):
            value = {option_id: str(i) for i, option_id in enumerate(value, 1)}
        raw[q.id] = value
    return clean_answers(questions, raw)


@dataclass
class FieldState:
    """A question as the form shows it: its answer so far and its error."""

    question: Question
    value: Any = None
    error: str = ""
    date_parts: tuple[str, str, str] = ("", "", "")
    chosen: list[str] = field(default_factory=list)
    ranks: list[tuple[str, str, str]] = field(default_factory=list)  # ranking: (option id, label, number)

    @property
    def rank_choices(self) -> range:
        return range(1, len(self.question.options) + 1)
