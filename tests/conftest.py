"""Shared fixtures: every test gets its own progress folder and plain, 80-column output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Timing varies on a loaded CI machine (child processes, SymPy): judge results, not speed.
settings.register_profile("calccourse", deadline=None)
settings.load_profile("calccourse")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("calccourse-home")
    monkeypatch.setenv("CALCCOURSE_HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return home


@pytest.fixture
def run_cli(tmp_path):
    """Run `python -m calccourse ARGS` as a learner would, in a scratch folder."""

    def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "calccourse", *args],
            capture_output=True, text=True, cwd=cwd or tmp_path, timeout=timeout,
            env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL,
        )

    return run


@pytest.fixture(scope="session")
def grade_answer():
    """grade_answer(lesson, file name) -> Report: each answer file graded once, in a warm pool."""
    from answer_files import ANSWERS, WARM_PRELOAD

    from calccourse.content.loader import load_lesson
    from calccourse.grading.grader import grade
    from calccourse.grading.process import WarmPool

    pool = WarmPool(WARM_PRELOAD)
    reports = {}

    def graded(lesson: int, name: str, lang: str = "en"):
        key = (lesson, name, lang)
        if key not in reports:
            reports[key] = grade(load_lesson(lesson), ANSWERS / f"lesson{lesson}" / name, lang=lang,
                                 session_factory=pool.session)
        return reports[key]

    yield graded
    pool.close()
