"""Finds English interface words left on a page rendered in Welsh (unmarked or untranslated text)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Words common in Civic's English interface and never part of Welsh text ("map", "problem" and "help" are
# Welsh too, so not listed). Function words catch a whole untranslated sentence; the nouns and verbs catch
# buttons, labels and headings.
ENGLISH_WORDS = frozenset(
    """
    the and with your you for this that have has been will about from there their they what which when
    where who how not are was were our please here more than only also into other
    sign signed search comment comments commented vote votes voted proposal proposals consultation
    consultations closes closed opens open report reports reported submit send save saved
    cancel back next previous continue skip main content menu home account password email name results
    summary download print show hide follow following unfollow answer answers question questions
    survey surveys required optional error errors page pages change delete edit update your yours
    location address street near privacy cookies contact
    """.split()
)
_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder", "aria-description", "value")
_SKIPPED = {"script", "style", "code", "pre", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_WORD = re.compile(r"[A-Za-z0-9]+")  # "Open311" is one name, not the word "open"


class _Text(HTMLParser):
    """Collects visible text and labelling attributes outside parts marked as another language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # True where the element (or an ancestor) is skipped
        self.chunks: list[str] = []

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = (values.get("lang") or "").lower()
        skip = self._skipping() or tag in _SKIPPED or (bool(lang) and not lang.startswith("cy"))
        if not skip:
            # A value is shown only on input buttons (radio, checkbox and hidden values are never read out).
            shown = tag == "input" and (values.get("type") or "") in {"submit", "button", "reset"}
            for name in _ATTRIBUTES:
                if values.get(name) and (name != "value" or shown):
                    self.chunks.append(values[name] or "")
        if tag not in _VOID:
            self.stack.append(skip)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.chunks.append(data)


def english_words(html: str, *, allow: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """English interface words in a Welsh page; elements with lang="en..." are content, not interface."""
    parser = _Text()
    parser.feed(html)
    words = {w.lower() for chunk in parser.chunks for w in _WORD.findall(chunk)}
    return (words & ENGLISH_WORDS) - {w.lower() for w in allow}


def assert_welsh(html: str, *, allow: frozenset[str] | set[str] = frozenset()) -> None:
    """Fail with the English words found, so the missing translation is easy to find."""
    found = english_words(html, allow=allow)
    assert not found, f"English interface words on a Welsh page: {sorted(found)}"
