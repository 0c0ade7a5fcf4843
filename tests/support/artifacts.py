"""Where browser journeys leave screenshots, failures and measurements (read by .ci/browser-failures)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", ROOT / "test-artifacts" / "browser"))
FAILURES = ARTIFACTS / "failed.txt"
MEASUREMENTS = ARTIFACTS / "measurements.txt"


def is_xdist_worker(config) -> bool:
    """A pytest-xdist worker: its controller clears the lists at the start and prints them at the end."""
    return hasattr(config, "workerinput")


def record_measurement(line: str) -> None:
    """A figure for the end of the run, kept in a file because an xdist worker's output is not shown."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with MEASUREMENTS.open("a") as out:
        out.write(line + "\n")


def clear() -> None:
    """Lists from an earlier run would point at old screenshots."""
    FAILURES.unlink(missing_ok=True)
    MEASUREMENTS.unlink(missing_ok=True)
