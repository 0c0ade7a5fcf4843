import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSER_TEST = "tests/browser/test_accessibility.py::test_signed_in_pages_have_no_wcag_violations"


def point_at_screenshots(artifacts: Path) -> str:
    environ = {**os.environ, "BROWSER_ARTIFACTS": str(artifacts)}
    result = subprocess.run(
        [str(ROOT / ".ci" / "browser-failures")], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_no_screenshot_pointer_without_a_failed_browser_test(tmp_path):
    (tmp_path / "server.log").write_text("started\n")  # the browser tests ran, and passed
    assert point_at_screenshots(tmp_path) == ""
    assert point_at_screenshots(tmp_path / "never-created") == ""


def test_a_failed_browser_test_is_listed_and_pointed_at(tmp_path):
    (tmp_path / "failed.txt").write_text("tests/browser/test_old.py::test_stale (call)\n")
    environ = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CIVIC_BROWSER_TESTS"}
    }
    # In CI a browser test without Chromium fails (elsewhere it is skipped): a real browser failure.
    environ.update(CI="true", CHROMIUM_PATH=str(tmp_path / "no-chromium"), BROWSER_ARTIFACTS=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", BROWSER_TEST],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stdout[-3000:]
    assert (tmp_path / "failed.txt").read_text() == f"{BROWSER_TEST} (setup)\n"  # the stale list is gone
    pointer = point_at_screenshots(tmp_path)
    assert f"screenshots and server log: {tmp_path}" in pointer
    assert BROWSER_TEST in pointer
