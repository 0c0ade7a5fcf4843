"""Run every benchmark in bench/ (files named bench_*.py) and print their figures."""

import importlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main(argv):
    names = argv or sorted(p.stem for p in HERE.glob("bench_*.py"))
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"\n=== {name}: {module.__doc__.strip()}", flush=True)
        module.main()


if __name__ == "__main__":
    main(sys.argv[1:])
