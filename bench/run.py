"""Run the benchmarks in bench/ (every bench_*.py, or those named) and end with one report table.

bench/run.py                     every benchmark
bench/run.py bench_live writes   a subset (the bench_ prefix and .py are optional)
"""

import importlib
import pathlib
import sys
import traceback

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def names(argv: list[str]) -> list[str]:
    """Module names for the arguments; every benchmark when there are none."""
    known = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if not argv:
        return known
    wanted = []
    for arg in argv:
        stem = pathlib.Path(arg).stem
        name = stem if stem.startswith("bench_") else f"bench_{stem}"
        if name not in known:
            raise SystemExit(f"no benchmark {arg!r}; known: {', '.join(known)}")
        wanted.append(name)
    return wanted


def main(argv: list[str]) -> int:
    from bench import common

    for name in names(argv):
        common.BENCH = name
        try:
            module = importlib.import_module(f"bench.{name}")
            print(f"\n=== {name}: {(module.__doc__ or '').strip()}", flush=True)
            module.main()
        except Exception as error:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            common.LINES.append(
                common.Line(name, f"did not finish: {type(error).__name__}", float("nan"), target=0)
            )
        if not any(line.bench == name for line in common.LINES):
            common.LINES.append(common.Line(name, "reported no figure", float("nan"), target=0))
    return 0 if common.print_table() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
