#!/usr/bin/env python3
"""Print the app-to-app import table (imports inside functions included) and any upward imports.

Layers, from the ground up: the platform core (civic), the search service (search), the features
(consultations, mapping), and the wiring: the open API (api), over every feature, and the project
(project), which alone may import everything.
Run: python scripts/layers.py [--check]; --check exits 1 when an import points upward or sideways."""

import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"civic": 0, "search": 1, "consultations": 2, "mapping": 2, "api": 3, "project": 3}
# Sideways imports allowed inside one layer: maps of proposals may import consultations, and the
# project's root URLs mount the API (the API, wiring over both features, never imports project).
ALLOWED_SIDEWAYS = {("mapping", "consultations"), ("project", "api")}
SKIP_PARTS = {"migrations", "__pycache__"}


def package_files():
    for package in LAYERS:
        folder = ROOT / package
        if folder.is_dir():
            for path in sorted(folder.rglob("*.py")):
                if not SKIP_PARTS & set(path.relative_to(ROOT).parts):
                    yield package, path


def imported_packages(path: Path, package: str):
    """(target package, line, inside a function?) for every import of another Civic package."""
    tree = ast.parse(path.read_text(), filename=str(path))
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    inner = {id(child) for f in functions for child in ast.walk(f) if child is not f}
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            target = name.split(".")[0]
            if target in LAYERS and target != package:
                yield target, node.lineno, id(node) in inner


def project_imports_inside_functions() -> int:
    """Every import of Civic code (relative ones too) made inside a function, often to hide a cycle."""
    total = 0
    for _package, path in package_files():
        tree = ast.parse(path.read_text(), filename=str(path))
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom):
                    total += bool(node.level or (node.module or "").split(".")[0] in LAYERS)
                elif isinstance(node, ast.Import):
                    total += any(a.name.split(".")[0] in LAYERS for a in node.names)
    return total


def table():
    counts, inside, found = Counter(), Counter(), []
    for package, path in package_files():
        for target, line, in_function in imported_packages(path, package):
            counts[package, target] += 1
            inside[package, target] += in_function
            found.append((package, target, f"{path.relative_to(ROOT)}:{line}", in_function))
    return counts, inside, found


def violations(found=None):
    """Imports that point up a layer, or sideways where not allowed."""
    found = found if found is not None else table()[2]
    bad = []
    for package, target, where, _inside in found:
        up = LAYERS[target] > LAYERS[package]
        sideways = LAYERS[target] == LAYERS[package] and (package, target) not in ALLOWED_SIDEWAYS
        if up or sideways:
            bad.append(f"{where}: {package} imports {target}")
    return bad


def main(argv):
    counts, inside, found = table()
    print(f"{'from \\ to':<15}" + "".join(f"{t:>15}" for t in LAYERS))
    for package in LAYERS:
        row = "".join(
            f"{(f'{counts[package, t]} ({inside[package, t]} in fn)' if counts[package, t] else '-'):>15}"
            for t in LAYERS
        )
        print(f"{package:<15}{row}")
    print(f"imports between packages inside functions: {sum(inside.values())}")
    print(f"project imports inside functions (same package included): {project_imports_inside_functions()}")
    bad = violations(found)
    print(f"imports against the layers: {len(bad)}")
    for line in bad:
        print(f"  {line}")
    return 1 if bad and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
