"""The translation catalogues are complete and current: every entry in every catalogue under
LOCALE_PATHS is translated and not fuzzy, plural entries have every form the language needs (six in
Welsh), and every string marked in the source is in the committed catalogue (`make messages` was run)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# What makemessages reads: templates, the app packages, JavaScript, and the catalogues themselves.
SOURCE = [
    "manage.py",
    "templates",
    "civic",
    "consultations",
    "mapping",
    "search",
    "api",
    "project",
    "static/js",
]
IGNORE = ["*/vendor/*", "*/vendor_locale/*", "*/migrations/*", "*/__pycache__/*"]


def catalogues() -> list[Path]:
    return sorted(p for base in settings.LOCALE_PATHS for p in Path(base).glob("*/LC_MESSAGES/*.po"))


def plural_count(po: polib.POFile) -> int:
    found = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(found.group(1)) if found else 2


def key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def test_there_are_catalogues_for_every_interface_language_but_english():
    languages = {p.parts[-3] for p in catalogues()}
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            assert code.replace("-", "_") in languages or code in languages, f"no catalogue for {code}"


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_entry_is_translated_and_not_fuzzy(path):
    po = polib.pofile(str(path))
    left = [
        f"{'fuzzy' if 'fuzzy' in e.flags else 'untranslated'}: {e.msgid!r} ({', '.join(f for f, _ in e.occurrences)})"  # noqa: E501
        for e in po
        if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)
    ]
    assert not left, f"{path.relative_to(ROOT)} has {len(left)} entries to translate:\n" + "\n".join(left)


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_plural_entries_have_every_form(path):
    po = polib.pofile(str(path))
    forms = plural_count(po)
    if path.parts[-3] == "cy":
        assert forms == 6, "Welsh has six plural forms (n==0, 1, 2, 3, 6, other)"
    short = [
        f"{e.msgid!r}: has forms {sorted(i for i, s in e.msgstr_plural.items() if s)} of 0..{forms - 1}"
        for e in po
        if e.msgid_plural and not e.obsolete and any(not e.msgstr_plural.get(i) for i in range(forms))
    ]
    assert not short, f"{path.relative_to(ROOT)}: plural entries missing forms:\n" + "\n".join(short)


def _makemessages(tree: Path, domain: str) -> subprocess.Popen:
    command = [sys.executable, "manage.py", "makemessages", "--all", "-d", domain, "--no-obsolete"]
    command += [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "project.settings.test", "PYTHONPATH": str(tree)}
    return subprocess.Popen(command, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_committed_catalogues_hold_every_marked_string(tmp_path):
    """makemessages on a copy of the source: any msgid it finds that the committed catalogue lacks
    means someone marked a string and did not run `make messages`."""
    tree = tmp_path / "src"
    for name in SOURCE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, tree / name, ignore=shutil.ignore_patterns("__pycache__", "vendor", "*.mo")
            )
        elif source.exists():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)
    shutil.copytree(ROOT / "locale", tree / "locale", ignore=shutil.ignore_patterns("*.mo"))
    runs = [_makemessages(tree, domain) for domain in ("django", "djangojs")]  # side by side: half the time
    for run in runs:
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, output.decode(errors="replace")
    missing = []
    for fresh_path in sorted((tree / "locale").glob("*/LC_MESSAGES/*.po")):
        committed_path = ROOT / fresh_path.relative_to(tree)
        committed = {key(e) for e in polib.pofile(str(committed_path))} if committed_path.exists() else set()
        for entry in polib.pofile(str(fresh_path)):
            if key(entry) not in committed:
                where = ", ".join(f for f, _ in entry.occurrences)
                missing.append(f"{committed_path.relative_to(ROOT)}: {entry.msgid!r} ({where})")
    assert not missing, (
        "Marked strings missing from the catalogues: run `make messages`, then translate:\n"
        + "\n".join(missing)
    )
