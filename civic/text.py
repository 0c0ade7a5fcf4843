"""Cleaning of text people type: Civic stores plain text and escapes it on output."""

import html
import re

import nh3

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value: str) -> str:
    """Strip every HTML tag (and script contents) and control characters, keep the words."""
    if not value:
        return ""
    cleaned = nh3.clean(value, tags=set(), clean_content_tags={"script", "style"})
    # nh3 escapes what it keeps; we store plain text and let templates escape once.
    cleaned = html.unescape(cleaned)
    cleaned = CONTROL_CHARS.sub("", cleaned).replace("\r\n", "\n")
    return cleaned.strip()
