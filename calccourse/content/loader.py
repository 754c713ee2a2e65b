"""Read lesson YAML, validate it, and report problems as file:line: field: message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from calccourse.content.errors import LessonError, UnknownLesson
from calccourse.content.paths import lesson_files
from calccourse.content.schema import Lesson

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


@dataclass(frozen=True)
class _Node:
    """A YAML node's value together with the line it starts on."""

    line: int
    children: dict[Any, _Node] | list[_Node] | None


def _index(node: yaml.Node, line: int | None = None) -> _Node:
    """Index ``node``; a mapping's value is placed on its key's line."""
    line = line or node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _Node(line, {key.value: _index(value, key.start_mark.line + 1) for key, value in node.value})
    if isinstance(node, yaml.SequenceNode):
        return _Node(line, [_index(item) for item in node.value])
    return _Node(line, None)


def _locate(root: _Node, location: tuple[int | str, ...]) -> tuple[int, str]:
    """The line and dotted field name of ``location`` in the file.

    Parts of a pydantic location that are not in the file (a union's tag) are skipped;
    a missing field is named at the line of its parent.
    """
    node, parts = root, []
    for index, part in enumerate(location):
        children = node.children
        if isinstance(children, dict) and part in children:
            node = children[part]
        elif isinstance(children, list) and isinstance(part, int) and part < len(children):
            node = children[part]
        elif index < len(location) - 1:
            continue
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return node.line, "".join(parts).lstrip(".") or "(top level)"


def load_lesson_file(path: Path) -> Lesson:
    """Parse and validate one lesson file, raising :class:`LessonError` if it is unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LessonError(path, f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise LessonError(path, "is not UTF-8 text") from None
    try:
        loader = _YAML_LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise LessonError(path, f"invalid YAML: {problem}", line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise LessonError(path, "a lesson file must be a mapping of fields", line=1)
    root = _index(node)
    try:
        return Lesson.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        more = error.error_count() - 1
        message = first["msg"] + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")
        line, field = _locate(root, location)
        raise LessonError(path, message, line=line, field=field) from None


def load_lesson(number: int) -> Lesson:
    """Lesson ``number``, validated; its ``number`` field must match its file name."""
    files = lesson_files()
    if number not in files:
        raise UnknownLesson(str(number), list(files))
    lesson = load_lesson_file(files[number])
    if lesson.number != number:
        raise LessonError(files[number], f"says it is lesson {lesson.number}", line=1, field="number")
    return lesson


def load_all_lessons() -> list[Lesson]:
    """Every lesson, in order."""
    return [load_lesson(number) for number in lesson_files()]
