import json
import math

import pytest

from bench import common, run


@pytest.fixture
def lines(monkeypatch):
    monkeypatch.setattr(common, "LINES", [])
    monkeypatch.setattr(common, "BENCH", "bench_example")
    return common.LINES


def test_a_time_passes_at_or_under_its_target_and_fails_over_it(lines):
    assert common.report("page p95", 150, "ms", target=150) is True
    assert common.report("page p95", 150.1, "ms", target=150) is False
    assert [line.passed for line in lines] == [True, False]


def test_a_rate_passes_at_or_over_its_minimum(lines):
    assert common.report("comments", 60, "/s", target=60, at_least=True) is True
    assert common.report("comments", 59.9, "/s", target=60, at_least=True) is False


def test_a_figure_without_target_is_shown_without_verdict(lines):
    assert common.report("import", 2.5, "s") is True
    assert lines[0].passed is None


def test_a_missing_figure_fails(lines):
    assert common.report("comments", float("nan"), "/s", target=60, at_least=True) is False


def test_the_table_shows_value_floor_ratio_target_and_verdict(lines, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_REPORT_JSON", str(tmp_path / "report.json"))
    common.report("page p95", 12.5, "ms", target=150, floor=2.5, floor_of="/healthz p95")
    common.report("events lost", 1, target=0)
    capsys.readouterr()

    assert common.print_table() is False

    table = capsys.readouterr().out
    row = next(line for line in table.splitlines() if line.startswith("bench_example") and "page p95" in line)
    for cell in ("12.5 ms", "2.50 ms (/healthz p95)", "5.0x", "<= 150 ms", "PASS"):
        assert cell in row
    assert "1 FAIL, 1 PASS" in table
    saved = json.loads((tmp_path / "report.json").read_text())
    assert [entry["passed"] for entry in saved] == [True, False]


def test_run_accepts_short_names_and_refuses_unknown_ones():
    assert run.names(["live", "bench_api.py"]) == ["bench_live", "bench_api"]
    assert "bench_live" in run.names([])
    with pytest.raises(SystemExit, match="no benchmark 'nonesuch'"):
        run.names(["nonesuch"])


def test_a_benchmark_that_crashes_is_a_failed_line_and_the_others_still_run(monkeypatch, capsys):
    import types

    monkeypatch.setattr(common, "LINES", [])
    monkeypatch.setattr(run, "names", lambda argv: ["bench_broken", "bench_fine"])

    def broken():
        raise KeyError("boom")

    def fine():
        common.report("figure", 1.0, "ms", target=2)

    modules = {
        "bench.bench_broken": types.SimpleNamespace(__doc__="Broken.", main=broken),
        "bench.bench_fine": types.SimpleNamespace(__doc__="Fine.", main=fine),
    }
    monkeypatch.setattr(run.importlib, "import_module", modules.__getitem__)

    assert run.main([]) == 1

    assert [(line.bench, line.passed) for line in common.LINES] == [
        ("bench_broken", False),
        ("bench_fine", True),
    ]
    assert math.isnan(common.LINES[0].value)
