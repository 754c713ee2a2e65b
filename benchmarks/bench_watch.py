"""Watch mode's re-check speed against a cold `calccourse check`, as a ratio measured in one run.

    python benchmarks/bench_watch.py [--repeat 5]

cold:   `python -m calccourse check 1 <correct answer>` as a fresh process (median of N).
warm:   a re-check in one long-lived process with a warm pool, as `watch` does after a save
        (`grade(..., session_factory=pool.session)`, median of N after one warm-up run).
save:   the same seen from outside: from writing the file to `watch`'s report arriving
        (includes the file watcher's debounce), median of N.
Target: warm / cold ≤ 0.2.
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ANSWER = """\
import numpy as np


def f(x):
    return x**3 - 2*x**2 + 1


def df(x):
    return 3*x**2 - 4*x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
"""
TARGET = 0.2


def cold_check(path: Path, repeat: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "calccourse", "check", "1", str(path)], cwd=path.parent, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_recheck(path: Path, repeat: int) -> float:
    from calccourse.content.loader import load_lesson
    from calccourse.grading.grader import grade, preload_for
    from calccourse.grading.process import WarmPool

    lesson = load_lesson(1)
    with WarmPool(preload_for(lesson)) as pool:
        assert grade(lesson, path, session_factory=pool.session).status.value == "pass", "the answer must pass"
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            grade(lesson, path, session_factory=pool.session)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def save_to_report(path: Path, repeat: int) -> float:
    from calccourse.content.loader import load_lesson
    from calccourse.learner.watch import watch

    reports: queue.Queue = queue.Queue()
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(load_lesson(1), path),
                              kwargs={"on_report": reports.put, "stop_event": stop}, daemon=True)
    thread.start()
    reports.get(timeout=120)  # the first check, made at start
    times = []
    for run in range(repeat):
        start = time.perf_counter()
        path.write_text(ANSWER + f"\n# save {run}\n")
        reports.get(timeout=120)
        times.append(time.perf_counter() - start)
    stop.set()
    thread.join(timeout=30)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    home = tempfile.mkdtemp(prefix="calccourse-bench-")
    os.environ["CALCCOURSE_HOME"] = home
    env = {**os.environ, "NO_COLOR": "1"}
    path = Path(tempfile.mkdtemp(prefix="calccourse-bench-answer-")) / "lesson1.py"
    path.write_text(ANSWER)

    cold = cold_check(path, options.repeat, env)
    warm = warm_recheck(path, options.repeat)
    save = save_to_report(path, options.repeat)
    ratio = warm / cold
    for name, seconds in (("cold `calccourse check 1 <correct>` (new process)", cold),
                          ("warm re-check (watch mode, warm pool)", warm),
                          ("save → report in `watch` (incl. file watcher)", save)):
        print(f"{name:52} median {seconds:7.3f} s")
    print(f"ratio warm / cold = {ratio:.3f}  (target ≤ {TARGET}) {'ok' if ratio <= TARGET else 'SLOW'}")


if __name__ == "__main__":
    main()
