"""Errors about lessons, light enough to import anywhere."""

from __future__ import annotations

from pathlib import Path


class LessonError(Exception):
    """A lesson that cannot be used; the message names the file, line and field."""

    def __init__(self, path: Path, message: str, line: int | None = None, field: str | None = None):
        self.path, self.line, self.field, self.problem = path, line, field, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {field}: {message}" if field else f"{where}: {message}")


class UnknownLesson(LookupError):
    """A lesson number the course does not have."""

    def __init__(self, requested: str, available: list[int]):
        self.requested, self.available = requested, available
        span = f"{available[0]}–{available[-1]}" if available else "none"
        super().__init__(f"there is no lesson {requested!s}; the lessons are {span}")
