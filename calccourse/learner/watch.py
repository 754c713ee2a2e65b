"""`calccourse watch`: grade a file now and again after every save, with a warm worker.

The file's folder is watched (not the file itself), filtered to the file's name, so an
editor that saves by writing a new file and renaming it over the old one still
triggers a re-check. Each run is graded in a fresh fork of a warm zygote process (see
:class:`~calccourse.grading.process.WarmPool`): no import cost, and no state carried
from one run to the next.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from calccourse.i18n import Lang

if TYPE_CHECKING:
    from calccourse.content.schema import Lesson
    from calccourse.grading.model import Report

MISSING_GRACE_SECONDS = 1.0  # how long a file may be absent mid-save before it counts as missing
IDLE_WAKE_MS = 200  # how often the watcher wakes when nothing changes (the first wake runs the first check)


def _fingerprint_when_present(path: Path, stop_event: threading.Event | None) -> str | None:
    """A hash of the file's bytes, waiting up to MISSING_GRACE_SECONDS for it to (re)appear."""
    deadline = time.monotonic() + MISSING_GRACE_SECONDS
    while True:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except (FileNotFoundError, IsADirectoryError, PermissionError):
            if time.monotonic() >= deadline or (stop_event is not None and stop_event.is_set()):
                return None
            time.sleep(0.05)


def watch(
    lesson: Lesson,
    path: Path,
    *,
    timeout: float = 10.0,
    lang: Lang = "en",
    on_report: Callable[[Report], None],
    stop_event: threading.Event | None = None,
    on_missing: Callable[[Path], None] | None = None,
    debounce_ms: int = 1600,
) -> None:
    """Grade ``path`` now and after each change until ``stop_event`` is set or Ctrl-C.

    Every report goes to ``on_report``. A save that leaves the content as it was is not
    graded again. If the file is still absent MISSING_GRACE_SECONDS after a change,
    ``on_missing`` is told and watching goes on (it is graded when it comes back).
    A KeyboardInterrupt ends watching and returns normally.
    """
    from watchfiles import watch as watch_changes

    from calccourse.grading.grader import grade, preload_for
    from calccourse.grading.process import WarmPool

    target = path.absolute()
    last_graded: str | None = None

    def wanted(_change: object, changed: str) -> bool:
        return Path(changed).name == target.name

    pool = WarmPool(preload_for(lesson))
    try:
        # The watcher is running before the first check, so a save made during it is not lost:
        # its first (empty, on timeout) batch triggers the first check.
        for changes in watch_changes(target.parent, watch_filter=wanted, debounce=debounce_ms,
                                     stop_event=stop_event, rust_timeout=IDLE_WAKE_MS, yield_on_timeout=True,
                                     recursive=False, raise_interrupt=True):
            if not changes and last_graded is not None:
                continue
            fingerprint = _fingerprint_when_present(target, stop_event)
            if fingerprint == last_graded:
                continue
            report = None
            if fingerprint is not None:
                try:
                    report = grade(lesson, target, timeout=timeout, lang=lang, session_factory=pool.session)
                except FileNotFoundError:  # replaced again between the check above and the read
                    report = None
            if report is None:
                last_graded = ""  # graded as soon as it is back, whatever its content
                if on_missing is not None:
                    on_missing(target)
            else:
                last_graded = fingerprint
                on_report(report)
    except KeyboardInterrupt:
        pass
    finally:
        pool.close()
