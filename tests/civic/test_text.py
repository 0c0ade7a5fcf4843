"""Text people type is stored as plain text that XML, CSV and PostgreSQL all accept."""

import pytest

from civic.text import plain_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<b>bold</b> words", "bold words"),
        ("<script>alert(1)</script>kept", "kept"),
        ("a\x00b", "ab"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("vertical\x0btab", "verticaltab"),
        ("non\ufffecharacters\uffff", "noncharacters"),
        ("lone\ud800surrogate", "lonesurrogate"),
        ("escaped &#xFFFE;&#x0B; entity", "escaped  entity"),
        ("windows\r\nline", "windows\nline"),
    ],
)
def test_plain_text_keeps_words_and_drops_what_xml_forbids(raw, clean):
    assert plain_text(raw) == clean
