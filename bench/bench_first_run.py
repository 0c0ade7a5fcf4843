"""A newcomer's `make run`: seconds from a fresh clone until /healthz answers (target 60 s),
then a second `make run` in the same clone (target 10 s).

The clone is of the committed HEAD, into a temporary folder, with no virtual environment, no
database and no compiled files: everything is installed, migrated, seeded and indexed as on a
newcomer's machine. What is cached is the machine's uv package cache (UV_CACHE_DIR, default
~/.cache/uv: wheels already downloaded by an earlier install); BENCH_COLD_CACHE=1 gives uv an
empty cache so every package is downloaded again. BENCH_NO_UV=1 hides uv from PATH, so the
Makefile installs it with pip first (a newcomer without uv). The servers are stopped and the
clone removed at the end, whatever happens.
"""

import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIRST_TARGET = 60.0
LATER_TARGET = 10.0
GIVE_UP = 600.0  # seconds: a run that has not answered by then has failed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - the clone's own server
            return response.status == 200
    except OSError:
        return False


def environment(cache: str | None) -> dict[str, str]:
    """The caller's environment less what would point the clone at other databases or settings."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("VIRTUAL_ENV", None)
    if cache:
        env["UV_CACHE_DIR"] = cache
    if os.environ.get("BENCH_NO_UV"):
        folders = env.get("PATH", "").split(os.pathsep)
        env["PATH"] = os.pathsep.join(f for f in folders if not os.access(os.path.join(f, "uv"), os.X_OK))
    return env


def timed_run(clone: pathlib.Path, port: int, env: dict[str, str], log: pathlib.Path) -> float:
    """Start `make run`, return the seconds until /healthz answers 200, then stop it gracefully."""
    url = f"http://127.0.0.1:{port}/healthz"
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - make with fixed arguments, in our own clone
            ["make", "--no-print-directory", "run", "HOST=127.0.0.1", f"PORT={port}"],  # noqa: S607
            cwd=clone,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            while not answers(url):
                if process.poll() is not None:
                    raise RuntimeError(f"make run exited with {process.returncode}: see {log}")
                if time.perf_counter() - start > GIVE_UP:
                    raise RuntimeError(f"no answer from {url} after {GIVE_UP:.0f} s: see {log}")
                time.sleep(0.1)
            seconds = time.perf_counter() - start
            home = f"http://127.0.0.1:{port}/"
            if not answers(home):
                raise RuntimeError(f"/healthz answered but the home page did not: see {log}")
            return seconds
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the whole group (make and the server); SIGKILL if it has not gone in 30 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def progress_lines(log: pathlib.Path) -> list[str]:
    """The lines a newcomer reads while waiting (install, then prepare_demo's timed steps)."""
    wanted = ("Using ", "uv ", "Installing", "[", "Ready", "Demo data", "Serving")
    return [line.rstrip() for line in log.read_text().splitlines() if line.lstrip().startswith(wanted)]


def main():
    from bench.common import report

    work = pathlib.Path(tempfile.mkdtemp(prefix="civic-first-run-"))
    cache = str(work / "uv-cache") if os.environ.get("BENCH_COLD_CACHE") else None
    clone = work / "civic"
    try:
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)  # noqa: S603, S607
        commit = subprocess.run(  # noqa: S603
            ["git", "-C", str(clone), "rev-parse", "--short", "HEAD"],  # noqa: S607
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        env = environment(cache)
        uv = shutil.which("uv", path=env["PATH"])
        cached = (
            "an empty uv cache (every package downloaded)"
            if cache
            else (f"the machine's uv cache ({os.environ.get('UV_CACHE_DIR', '~/.cache/uv')})")
        )
        print(f"fresh clone of {commit} in {clone}; uv: {uv or 'not on PATH (installed with pip)'}")
        print(f"cached: {cached}; nothing else (no venv, database, bytecode or static files)", flush=True)
        port = free_port()
        first = timed_run(clone, port, env, work / "first.log")
        for line in progress_lines(work / "first.log"):
            print(f"    {line}")
        report("first make run, until /healthz", first, "s", target=FIRST_TARGET)
        second = timed_run(clone, port, env, work / "second.log")
        for line in progress_lines(work / "second.log"):
            print(f"    {line}")
        report("second make run, until /healthz", second, "s", target=LATER_TARGET)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
