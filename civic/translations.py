"""Compiled translation catalogues (.mo) built from the committed .po files, without GNU gettext."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polib
from django.conf import settings


def catalogues() -> Iterator[Path]:
    """Every .po file under the project's locale paths, so a new language needs no code."""
    for root in settings.LOCALE_PATHS:
        yield from sorted(Path(root).glob("*/LC_MESSAGES/*.po"))


def compile_catalogues(*, force: bool = False) -> list[Path]:
    """Write each .mo that is missing or older than its .po; return the ones written."""
    written = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        partial = mo_path.with_suffix(".mo.partial")
        polib.pofile(str(po_path)).save_as_mofile(str(partial))
        partial.replace(mo_path)  # atomic: a server reading the catalogue never sees half a file
        written.append(po_path)
    return written
