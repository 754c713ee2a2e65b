"""Where the course's data (lesson YAML, starter exercises) lives.

An installed wheel carries the data inside the package (``calccourse/_data``);
a source checkout keeps it at the repository's top level. An instructor can point
``CALCCOURSE_LESSONS_DIR`` at a folder of their own lessons.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from calccourse.content.errors import UnknownLesson

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _data_dir(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"calccourse's {name}/ folder is missing from this installation")


def lessons_dir() -> Path:
    """The folder holding one ``lessonN.yaml`` per lesson."""
    override = os.environ.get("CALCCOURSE_LESSONS_DIR")
    return Path(override) if override else _data_dir("lessons")


def exercises_dir() -> Path:
    """The folder holding the starter file of every exercise."""
    return _data_dir("exercises")


_LESSON_FILE = re.compile(r"^lesson(\d+)\.yaml$")


def lesson_files() -> dict[int, Path]:
    """Every ``lessonN.yaml`` in the lessons folder, by number."""
    files = {}
    for path in lessons_dir().glob("lesson*.yaml"):
        match = _LESSON_FILE.match(path.name)
        if match:
            files[int(match.group(1))] = path
    return dict(sorted(files.items()))


def parse_lesson_number(text: str) -> int:
    """The lesson number in ``text``, or :class:`UnknownLesson`."""
    files = lesson_files()
    if text.strip().isdigit() and int(text) in files:
        return int(text)
    raise UnknownLesson(text, list(files))
