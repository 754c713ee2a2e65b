"""`watch`: a check at start, and another after every save (in place or by replacing the file)."""

from __future__ import annotations

import os
import queue
import threading
import time
from pathlib import Path

import pytest

from calccourse.content.loader import load_lesson
from calccourse.grading.model import Report
from calccourse.learner.watch import watch

pytestmark = pytest.mark.slow

WAIT_SECONDS = 60

CORRECT = """\
def f(x):
    return x**3 - 2*x**2 + 1


def df(x):
    return 3*x**2 - 4*x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
"""
WRONG_DF = CORRECT.replace("return 3*x**2 - 4*x", "return 3*x**2 + 4*x")


class Watcher:
    """Runs `watch` in a thread and hands over its reports one at a time."""

    def __init__(self, path: Path, lesson_number: int = 1) -> None:
        self.reports: queue.Queue[Report] = queue.Queue()
        self.missing: queue.Queue[Path] = queue.Queue()
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(load_lesson(lesson_number), path), daemon=True)
        self.thread.start()

    def _run(self, lesson, path: Path) -> None:
        try:
            watch(lesson, path, timeout=20, on_report=self.reports.put, stop_event=self.stop,
                  on_missing=self.missing.put, debounce_ms=300)
        except BaseException as error:  # surfaced by the test, not lost in the thread
            self.error = error

    def next_report(self) -> Report:
        try:
            return self.reports.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            raise AssertionError(f"no report within {WAIT_SECONDS} s (watch error: {self.error!r})") from None

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=WAIT_SECONDS)
        assert not self.thread.is_alive(), "watch did not stop when asked"
        assert self.error is None


@pytest.fixture
def answer(tmp_path) -> Path:
    path = tmp_path / "lesson1.py"
    path.write_text(WRONG_DF)
    return path


@pytest.fixture
def watcher(answer):
    running = Watcher(answer)
    yield running
    running.close()


def _failing_functions(report: Report) -> set[str]:
    return {test.function for test in report.tests if test.status.value != "pass"}


def test_watch_grades_at_start_and_again_after_a_save_in_place(answer, watcher):
    first = watcher.next_report()
    assert first.lesson == 1 and _failing_functions(first) == {"df"}

    answer.write_text(CORRECT)

    assert watcher.next_report().status.value == "pass"


def test_watch_regrades_when_the_editor_saves_by_replacing_the_file(answer, watcher):
    watcher.next_report()

    temporary = answer.with_name(".lesson1.py.swp")
    temporary.write_text(CORRECT)
    os.replace(temporary, answer)

    assert watcher.next_report().status.value == "pass"


def test_a_file_that_is_gone_for_a_moment_is_graded_once_it_is_back(answer, watcher):
    watcher.next_report()

    answer.unlink()
    time.sleep(0.3)
    answer.write_text(CORRECT)

    assert watcher.next_report().status.value == "pass"
    assert watcher.missing.empty()


def test_a_file_that_stays_away_is_reported_missing_and_graded_when_it_returns(answer, watcher):
    watcher.next_report()

    answer.unlink()
    assert watcher.missing.get(timeout=WAIT_SECONDS) == answer
    answer.write_text(CORRECT)

    assert watcher.next_report().status.value == "pass"


def test_changes_to_other_files_in_the_folder_do_not_trigger_a_check(answer, watcher):
    watcher.next_report()

    answer.with_name("notes.txt").write_text("hello")
    answer.with_name("lesson2.py").write_text("x = 1\n")

    with pytest.raises(queue.Empty):
        watcher.reports.get(timeout=2.5)


def test_state_from_one_run_does_not_leak_into_the_next(tmp_path):
    path = tmp_path / "lesson1.py"
    leaky = CORRECT + "\nimport builtins\nbuiltins.__dict__.setdefault('runs', 0)\nbuiltins.runs += 1\n" \
        "if builtins.runs > 1:\n    raise RuntimeError('state leaked from an earlier run')\n"
    path.write_text(leaky)
    running = Watcher(path)
    try:
        assert running.next_report().status.value == "pass"
        path.write_text(leaky + "\n# saved again\n")
        assert running.next_report().status.value == "pass"
    finally:
        running.close()
