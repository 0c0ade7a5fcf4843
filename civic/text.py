"""Cleaning of text people type: Civic stores plain text and escapes it on output."""

import html
import re

import nh3

# Control characters, and everything else XML 1.0 forbids (lone surrogates, U+FFFE, U+FFFF): text we
# store can always be written to the Open311 XML feed, a CSV or a PostgreSQL text column.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def plain_text(value: str) -> str:
    """Strip every HTML tag (and script contents) and control characters, keep the words."""
    if not value:
        return ""
    value = CONTROL_CHARS.sub("", value)  # before nh3, which cannot encode lone surrogates
    cleaned = nh3.clean(value, tags=set(), clean_content_tags={"script", "style"})
    # nh3 escapes what it keeps; we store plain text and let templates escape once.
    cleaned = html.unescape(cleaned)
    cleaned = CONTROL_CHARS.sub("", cleaned).replace("\r\n", "\n")
    return cleaned.strip()
