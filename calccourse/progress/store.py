"""The learner's progress: every graded attempt, kept in one JSON file per user.

The file lives in the user data directory (platformdirs, "calccourse"), or in
``$CALCCOURSE_HOME`` when that is set. Every change happens under a file lock and is
written to a temporary file that then replaces the old one, so two ``check`` runs at
once lose no record and a crash never leaves half a file. A file that cannot be read
is moved aside (``progress.json.corrupt-<time>``) and a fresh one is started: the
learner gets a warning, never a traceback.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from filelock import FileLock

    from calccourse.grading.model import Report

LessonStatus = Literal["done", "attempted", "not started"]

FILE_NAME = "progress.json"
FORMAT_VERSION = 1
LOCK_TIMEOUT_SECONDS = 10.0
ATTEMPTS_KEPT_PER_LESSON = 500  # older attempts are dropped, so watch mode cannot grow the file without bound


class ProgressUnavailable(Exception):
    """The progress folder cannot be created or used at all."""


@dataclass(frozen=True)
class ProgressWarning:
    """Something the learner should know about their progress file; ``str()`` says it."""

    message: str
    moved_to: Path | None = None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CheckRecord:
    """One check of one attempt."""

    name: str
    function: str
    passed: bool
    diagnosis: str | None


@dataclass(frozen=True)
class Attempt:
    """One graded submission for one lesson."""

    lesson: int
    time: datetime
    submission: str
    status: str  # the report's status: "pass", "fail" or "error"
    checks: tuple[CheckRecord, ...]

    @property
    def passed_all(self) -> bool:
        return self.status == "pass" and all(check.passed for check in self.checks)

    @property
    def passed_count(self) -> int:
        return sum(check.passed for check in self.checks)


@dataclass(frozen=True)
class LessonProgress:
    """What `calccourse progress` shows of one lesson."""

    number: int
    title: Mapping[str, str]
    status: LessonStatus
    attempts: int
    tasks_passed: int | None  # in the last attempt; None if never attempted
    tasks_total: int | None
    last_attempt: datetime | None
    failing: tuple[CheckRecord, ...]  # the checks the last attempt did not pass


@dataclass(frozen=True)
class ProgressSummary:
    """Every lesson's progress, and the lesson to work on next (None when all are done)."""

    lessons: tuple[LessonProgress, ...]
    next_lesson: int | None

    @property
    def done_count(self) -> int:
        return sum(lesson.status == "done" for lesson in self.lessons)


class LessonLike(Protocol):
    """What ``summary`` needs of a lesson (a catalogue entry fits)."""

    @property
    def number(self) -> int: ...

    @property
    def title(self) -> Mapping[str, str]: ...


def default_home() -> Path:
    """``$CALCCOURSE_HOME`` if set, else the per-user data folder for calccourse."""
    override = os.environ.get("CALCCOURSE_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("calccourse", appauthor=False))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def attempt_from_report(report: Report, when: datetime | None = None) -> Attempt:
    """The record kept of ``report``; a load problem counts as every check failing with it."""
    checks = tuple(
        CheckRecord(
            name=test.name,
            function=test.function,
            passed=test.status.value == "pass" and report.load_problem is None,
            diagnosis=test.diagnosis.value if test.diagnosis else None,
        )
        for test in report.tests
    )
    return Attempt(
        lesson=report.lesson,
        time=when or _now(),
        submission=report.submission,
        status=report.status.value,
        checks=checks,
    )


def _attempt_to_json(attempt: Attempt) -> dict:
    return {
        "lesson": attempt.lesson,
        "time": attempt.time.isoformat(),
        "submission": attempt.submission,
        "status": attempt.status,
        "checks": [
            {"name": c.name, "function": c.function, "passed": c.passed, "diagnosis": c.diagnosis}
            for c in attempt.checks
        ],
    }


def _attempt_from_json(data: object) -> Attempt:
    """Parse one stored attempt; raises ValueError/TypeError/KeyError if it is malformed."""
    if not isinstance(data, dict):
        raise TypeError("an attempt is not an object")
    lesson, status, submission = data["lesson"], data["status"], data["submission"]
    if not isinstance(lesson, int) or not isinstance(status, str) or not isinstance(submission, str):
        raise TypeError("an attempt has a field of the wrong type")
    checks = []
    for check in data["checks"]:
        name, function, passed, diagnosis = check["name"], check["function"], check["passed"], check["diagnosis"]
        if not (isinstance(name, str) and isinstance(function, str) and isinstance(passed, bool)
                and (diagnosis is None or isinstance(diagnosis, str))):
            raise TypeError("a check record has a field of the wrong type")
        checks.append(CheckRecord(name=name, function=function, passed=passed, diagnosis=diagnosis))
    time = datetime.fromisoformat(data["time"])
    return Attempt(lesson=lesson, time=time, submission=submission, status=status, checks=tuple(checks))


def _parse(text: str) -> list[Attempt]:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise ValueError("not a calccourse progress file of a known version")
    return [_attempt_from_json(item) for item in data["attempts"]]


class _Unusable(Exception):
    """The progress file exists but cannot be read or parsed (the message says why)."""


class ProgressStore:
    """Reads and updates the learner's progress file (``<home>/progress.json``)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / FILE_NAME
        self.warnings: list[ProgressWarning] = []  # everything said so far, for the CLI to print
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProgressUnavailable(
                f"cannot use the progress folder {home}: {error.strerror or error}; progress will not be saved"
            ) from None

    @classmethod
    def default(cls) -> ProgressStore:
        """The store in ``$CALCCOURSE_HOME`` or the user data folder."""
        return cls(default_home())

    # -- reading --------------------------------------------------------------------

    def attempts(self, lesson: int | None = None) -> list[Attempt]:
        """Every recorded attempt (of ``lesson`` only, if given), oldest first."""
        return [a for a in self._read_all() if lesson is None or a.lesson == lesson]

    def lesson_status(self, lesson: int) -> LessonStatus:
        """"done" if the last attempt passed every check, "attempted" if any, else "not started"."""
        return _status(self.attempts(lesson))

    def statuses(self, lessons: Sequence[int]) -> dict[int, LessonStatus]:
        """:meth:`lesson_status` of every lesson in ``lessons``, from one read of the file."""
        attempts = self.attempts()
        return {lesson: _status([a for a in attempts if a.lesson == lesson]) for lesson in lessons}

    def summary(self, lessons: Sequence[LessonLike]) -> ProgressSummary:
        """Per lesson: status, tasks passed in the last attempt, when; and what to do next."""
        by_lesson: dict[int, list[Attempt]] = {}
        for attempt in self.attempts():
            by_lesson.setdefault(attempt.lesson, []).append(attempt)
        rows = []
        for lesson in lessons:
            history = by_lesson.get(lesson.number, [])
            last = history[-1] if history else None
            rows.append(LessonProgress(
                number=lesson.number,
                title=lesson.title,
                status=_status(history),
                attempts=len(history),
                tasks_passed=last.passed_count if last else None,
                tasks_total=len(last.checks) if last else None,
                last_attempt=last.time if last else None,
                failing=tuple(check for check in last.checks if not check.passed) if last else (),
            ))
        next_lesson = next((row.number for row in rows if row.status != "done"), None)
        return ProgressSummary(lessons=tuple(rows), next_lesson=next_lesson)

    # -- writing --------------------------------------------------------------------

    def record(self, report: Report) -> list[ProgressWarning]:
        """Append ``report`` as an attempt; returns the warnings this raised (often none)."""
        return self.add(attempt_from_report(report))

    def add(self, attempt: Attempt) -> list[ProgressWarning]:
        """Append one attempt (dropping that lesson's oldest beyond ATTEMPTS_KEPT_PER_LESSON);
        returns the warnings this raised."""
        return self._update(lambda attempts: _keep_latest([*attempts, attempt], attempt.lesson))

    def reset(self, lesson: int | None = None) -> list[ProgressWarning]:
        """Forget every attempt (of ``lesson`` only, if given); returns the warnings this raised."""
        return self._update(lambda attempts: [a for a in attempts if lesson is not None and a.lesson != lesson])

    # -- the file ---------------------------------------------------------------------

    def _lock(self) -> FileLock:
        from filelock import FileLock

        return FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)

    def _update(self, change: Callable[[list[Attempt]], list[Attempt]]) -> list[ProgressWarning]:
        """Read, change and write the file while holding the lock."""
        from filelock import Timeout

        before = len(self.warnings)
        lock = self._lock()
        try:
            with lock:
                self._write(change(self._read(may_move_aside=True)))
        except Timeout:
            self._warn(f"another calccourse held {self.path} for over {LOCK_TIMEOUT_SECONDS:.0f} s; "
                       "this change was not saved")
        except OSError as error:
            self._warn(f"cannot lock {self.path}: {error.strerror or error}; this change was not saved")
        return self.warnings[before:]

    def _read_all(self) -> list[Attempt]:
        """The attempts. The file is only ever replaced whole, so it is read without the
        lock; only a damaged file is read again under the lock, to be moved aside."""
        try:
            return self._parse_file()
        except _Unusable:
            pass
        from filelock import Timeout

        try:
            with self._lock():
                return self._read(may_move_aside=True)
        except (Timeout, OSError):
            return self._read(may_move_aside=False)

    def _parse_file(self) -> list[Attempt]:
        """The attempts in the file ([] if there is none); :class:`_Unusable` if it is damaged."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as error:
            raise _Unusable(f"cannot read it ({error})") from None
        try:
            return _parse(text)
        except (ValueError, TypeError, KeyError) as error:
            raise _Unusable(f"it is damaged ({type(error).__name__}: {error})") from None

    def _read(self, *, may_move_aside: bool) -> list[Attempt]:
        try:
            return self._parse_file()
        except _Unusable as problem:
            return self._set_aside(str(problem), may_move_aside)

    def _set_aside(self, why: str, may_move_aside: bool) -> list[Attempt]:
        if not may_move_aside:
            self._warn(f"your progress file {self.path} is unusable: {why}")
            return []
        stamp = _now().strftime("%Y%m%dT%H%M%S.%fZ")
        target = self.path.with_name(f"{FILE_NAME}.corrupt-{stamp}")
        try:
            os.replace(self.path, target)
        except OSError as error:
            self._warn(f"your progress file {self.path} is unusable: {why}, and it could not be moved aside "
                       f"({error.strerror or error}); progress is not being saved")
            return []
        self._warn(f"your progress file was unusable: {why}. It was moved to {target} and a fresh one started.",
                   moved_to=target)
        return []

    def _write(self, attempts: list[Attempt]) -> None:
        """Replace the file in one step: write a temporary file beside it, then rename it over."""
        data = {"version": FORMAT_VERSION, "attempts": [_attempt_to_json(a) for a in attempts]}
        try:
            handle, temporary = tempfile.mkstemp(dir=self.home, prefix=".progress-", suffix=".tmp")
        except OSError as error:
            self._warn(f"cannot save your progress in {self.home}: {error.strerror or error}")
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            self._warn(f"cannot save your progress to {self.path}: {error.strerror or error}")
            Path(temporary).unlink(missing_ok=True)

    def _warn(self, message: str, moved_to: Path | None = None) -> None:
        self.warnings.append(ProgressWarning(message, moved_to))


def _status(history: list[Attempt]) -> LessonStatus:
    if not history:
        return "not started"
    return "done" if history[-1].passed_all else "attempted"


def _keep_latest(attempts: list[Attempt], lesson: int) -> list[Attempt]:
    """``attempts`` without ``lesson``'s oldest ones beyond ATTEMPTS_KEPT_PER_LESSON."""
    excess = sum(a.lesson == lesson for a in attempts) - ATTEMPTS_KEPT_PER_LESSON
    kept = []
    for attempt in attempts:
        if excess > 0 and attempt.lesson == lesson:
            excess -= 1
            continue
        kept.append(attempt)
    return kept
