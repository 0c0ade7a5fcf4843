"""The search box grammar: words, "phrases", prefixes*, -exclusions, and the messages for mistakes."""

import re

import pytest

from search.query import MAX_QUERY_LENGTH, QuerySyntaxError, marked_html, parse_query


def test_words_phrases_prefixes_and_exclusions():
    parsed = parse_query('Bus "late at night" libr* -parking')
    assert parsed.terms == ("bus",)
    assert parsed.phrases == ("late at night",)
    assert parsed.prefixes == ("libr",)
    assert parsed.excluded == ("parking",)


def test_punctuation_is_not_syntax():
    parsed = parse_query("what? (really) a+b OR c:d")
    assert parsed.terms == ("what", "really", "a", "b", "or", "c", "d")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"open', "Close the quotation marks"),
        ("x" * (MAX_QUERY_LENGTH + 1), "characters or fewer"),
        ("a*", "at least two letters"),
        ("-", "Put * straight after"),
        ("-bins", "Add a word"),
        (" ".join(f"w{i}" for i in range(30)), "20 words"),
    ],
)
def test_mistakes_have_clear_messages(text, message):
    with pytest.raises(QuerySyntaxError, match=re.escape(message)):
        parse_query(text)


def test_highlight_markers_become_marks_after_escaping():
    assert marked_html("<i>\ue000bin\ue001</i>") == "&lt;i&gt;<mark>bin</mark>&lt;/i&gt;"
