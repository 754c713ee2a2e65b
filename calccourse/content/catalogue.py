"""The course's table of contents, kept in a small JSON cache so `list` stays fast.

The cache is written only after every lesson file has been fully validated, and is
keyed by each file's path, size and modification time and by calccourse's version: any
change to a lesson sends `list` through the full loader (and its error messages) again.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from calccourse import __version__
from calccourse.content.paths import lesson_files


@dataclass(frozen=True)
class CatalogueEntry:
    """What `list` shows of one lesson, in both languages."""

    number: int
    title: dict[str, str]
    teaches: dict[str, str]
    task: dict[str, str]
    preload: list[str]  # what a learner's child process should import first (see grading.grader)


def _cache_path() -> Path:
    home = os.environ.get("CALCCOURSE_HOME")
    if home:
        return Path(home) / "cache" / "catalogue.json"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("calccourse", appauthor=False)) / "catalogue.json"


def _fingerprint(files: dict[int, Path]) -> list[list]:
    stamps: list[list] = [["calccourse", __version__]]
    for number, path in files.items():
        stat = path.stat()
        stamps.append([number, str(path), stat.st_size, stat.st_mtime_ns])
    return stamps


def _read_cache(path: Path, fingerprint: list[list]) -> list[CatalogueEntry] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["fingerprint"] != fingerprint:
            return None
        return [CatalogueEntry(**entry) for entry in data["entries"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cache(path: Path, fingerprint: list[list], entries: list[CatalogueEntry]) -> None:
    """Best effort: a cache that cannot be written only costs speed."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as tmp:
            json.dump({"fingerprint": fingerprint, "entries": [asdict(entry) for entry in entries]}, tmp,
                      ensure_ascii=False)
        os.replace(tmp.name, path)
    except OSError:
        pass


def catalogue() -> list[CatalogueEntry]:
    """Every lesson's title, summary and task, validated (raises LessonError if one is broken)."""
    files = lesson_files()
    fingerprint = _fingerprint(files)
    cache = _cache_path()
    entries = _read_cache(cache, fingerprint)
    if entries is None:
        from calccourse.content.loader import load_all_lessons
        from calccourse.grading.grader import preload_for

        entries = [
            CatalogueEntry(
                number=lesson.number,
                title=lesson.title.model_dump(),
                teaches=lesson.teaches.model_dump(),
                task=lesson.task.summary.model_dump(),
                preload=list(preload_for(lesson)),
            )
            for lesson in load_all_lessons()
        ]
        _write_cache(cache, fingerprint, entries)
    return entries
