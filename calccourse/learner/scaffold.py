"""`calccourse init`: copy the starter files into a folder the learner owns, never overwriting edits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from calccourse.content.paths import exercises_dir

_STARTER = re.compile(r"^lesson(\d+)\.py$")


@dataclass(frozen=True)
class InitResult:
    """What `init` did with each starter, file by file (paths inside ``folder``)."""

    folder: Path
    created: tuple[Path, ...]  # copied now
    unchanged: tuple[Path, ...]  # already there and identical to the starter
    kept: tuple[Path, ...]  # already there and edited by the learner: left alone

    @property
    def first_file(self) -> Path | None:
        """The first starter in lesson order, to suggest as the next step."""
        files = sorted((*self.created, *self.unchanged, *self.kept), key=_lesson_number)
        return files[0] if files else None


def _lesson_number(path: Path) -> int:
    match = _STARTER.match(path.name)
    return int(match.group(1)) if match else 0


def starter_files() -> list[Path]:
    """Every starter (``lessonN.py``) shipped with calccourse, in lesson order."""
    return sorted((p for p in exercises_dir().iterdir() if _STARTER.match(p.name)), key=_lesson_number)


def init_exercises(dest: Path) -> InitResult:
    """Copy every starter into ``dest`` (created if needed); an existing file is never overwritten."""
    dest.mkdir(parents=True, exist_ok=True)
    created, unchanged, kept = [], [], []
    for starter in starter_files():
        content = starter.read_bytes()
        target = dest / starter.name
        try:
            with target.open("xb") as out:  # "x": fails if the file exists, so nothing is ever replaced
                out.write(content)
            created.append(target)
        except FileExistsError:
            (unchanged if target.is_file() and target.read_bytes() == content else kept).append(target)
    return InitResult(folder=dest, created=tuple(created), unchanged=tuple(unchanged), kept=tuple(kept))
