"""Start-up speed of calccourse's commands, as ratios against baselines measured in the same run.

    python benchmarks/bench_startup.py [--repeat 7]

Each command is run as a fresh process `repeat` times, interleaved with its baseline,
and the medians are compared. It also lists any heavy library that `--help` or `list`
imports (there must be none).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAVY = ("numpy", "sympy", "scipy", "matplotlib", "sklearn")
ANSWER = Path(__file__).resolve().parent.parent / "tests" / "answers" / "lesson1" / "good_vectorised_numpy.py"


def _time(argv: list[str], cwd: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def _median_pair(command: list[str], baseline: list[str], repeat: int, cwd: str, env: dict[str, str]) -> tuple[float, float]:
    ours, base = [], []
    for _ in range(repeat):
        base.append(_time(baseline, cwd, env))
        ours.append(_time(command, cwd, env))
    return statistics.median(ours), statistics.median(base)


def heavy_imports(args: list[str], cwd: str, env: dict[str, str]) -> list[str]:
    """The heavy top-level packages that `python -X importtime -m calccourse ARGS` imports."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "calccourse", *args],
                            cwd=cwd, env=env, capture_output=True, text=True, check=False)
    names = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    return sorted(names & set(HEAVY))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "CALCCOURSE_HOME": tempfile.mkdtemp(prefix="calccourse-bench-")}
    cwd = tempfile.mkdtemp(prefix="calccourse-bench-cwd-")
    cli = [sys.executable, "-m", "calccourse"]
    rows = []
    light = [sys.executable, "-c", "import typer, rich"]
    for args in (["--help"], ["list"]):
        ours, base = _median_pair(cli + args, light, options.repeat, cwd, env)
        rows.append((f"calccourse {' '.join(args)}", ours, "import typer, rich", base, 1.5))
        print(f"heavy imports of `calccourse {' '.join(args)}`: {heavy_imports(args, cwd, env) or 'none'}")
    if ANSWER.exists():
        heavy = [sys.executable, "-c", "import numpy, sympy"]
        ours, base = _median_pair(cli + ["check", "1", str(ANSWER)], heavy, options.repeat, cwd, env)
        rows.append(("calccourse check 1 <correct>", ours, "import numpy, sympy", base, 1.5))
    print(f"\n{'command':32} {'median s':>9}  {'baseline':22} {'median s':>9}  {'ratio':>6}  target")
    for name, ours, base_name, base, target in rows:
        ratio = ours / base
        verdict = "ok" if ratio <= target else "SLOW"
        print(f"{name:32} {ours:9.3f}  {base_name:22} {base:9.3f}  {ratio:6.2f}  ≤{target} {verdict}")


if __name__ == "__main__":
    main()
