"""The layers hold: core <- search <- features <- project wiring, imports inside functions included."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "layers.py"


def load_layers():
    spec = importlib.util.spec_from_file_location("layers", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_import_points_up_or_sideways():
    assert load_layers().violations() == []


def test_the_check_sees_upward_and_sideways_imports():
    layers = load_layers()
    found = [
        ("search", "consultations", "search/documents.py:1", True),  # up, hidden in a function
        ("consultations", "mapping", "consultations/views.py:2", False),  # sideways, not allowed
        ("mapping", "consultations", "mapping/proposal_maps.py:3", False),  # sideways, allowed
        ("consultations", "civic", "consultations/models.py:4", False),  # down
    ]
    assert layers.violations(found) == [
        "search/documents.py:1: search imports consultations",
        "consultations/views.py:2: consultations imports mapping",
    ]
