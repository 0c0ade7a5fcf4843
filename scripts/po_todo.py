"""List catalogue entries still to translate: untranslated or fuzzy, optionally only those from some files.

Usage: python scripts/po_todo.py [locale/cy/LC_MESSAGES/django.po] [--from templates/mapping mapping/]
"""

import sys

import polib


def main(argv: list[str]) -> int:
    paths = [a for a in argv if a.endswith(".po")] or [
        "locale/cy/LC_MESSAGES/django.po",
        "locale/cy/LC_MESSAGES/djangojs.po",
    ]
    prefixes = argv[argv.index("--from") + 1 :] if "--from" in argv else []
    left = 0
    for path in paths:
        for entry in polib.pofile(path):
            if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
                continue
            files = [where for where, _ in entry.occurrences]
            if prefixes and not any(f.startswith(p) for f in files for p in prefixes):
                continue
            left += 1
            state = "fuzzy" if "fuzzy" in entry.flags else "untranslated"
            print(f"{path}: {state}: {entry.msgid!r} ({', '.join(files)})")
    print(f"{left} to translate", file=sys.stderr)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
