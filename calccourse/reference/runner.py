"""Run a lesson's worked computations in order and capture what they print."""

from __future__ import annotations

import contextlib
import io
import os
import traceback
from dataclasses import dataclass
from typing import Any

from calccourse.content.schema import Lesson, OutputLimit


@dataclass(frozen=True)
class BlockOutput:
    """What one worked block printed (summarised), or the error that stopped it."""

    text: str
    omitted_lines: int = 0
    error: str | None = None


@dataclass(frozen=True)
class WorkedRun:
    outputs: list[BlockOutput]
    namespace: dict[str, Any]


def summarise(text: str, limit: OutputLimit) -> tuple[str, int]:
    """Keep the first ``head`` and last ``tail`` lines of a long output."""
    lines = text.rstrip("\n").splitlines()
    if len(lines) <= limit.head + limit.tail:
        return "\n".join(lines), 0
    omitted = len(lines) - limit.head - limit.tail
    kept = lines[: limit.head] + [f"… {omitted} lines omitted …"] + lines[-limit.tail :]
    return "\n".join(kept), omitted


def run_worked(lesson: Lesson) -> WorkedRun:
    """Execute every worked block of ``lesson`` in one shared namespace.

    Blocks run in order so a later block may use an earlier one's results. Figures
    are never shown: Matplotlib, if a block uses it, is forced to the Agg backend.
    """
    os.environ["MPLBACKEND"] = "Agg"
    namespace: dict[str, Any] = {"__name__": f"calccourse_lesson{lesson.number}"}
    outputs = []
    for index, block in enumerate(lesson.worked, start=1):
        buffer = io.StringIO()
        error = None
        code = compile(block.source, f"<lesson {lesson.number}, worked example {index}>", "exec")
        try:
            with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
                exec(code, namespace)
        except Exception as exc:  # the lesson's own code failed: show it, keep going
            error = "".join(traceback.format_exception_only(exc)).strip()
        text, omitted = summarise(buffer.getvalue(), block.output)
        outputs.append(BlockOutput(text=text, omitted_lines=omitted, error=error))
    return WorkedRun(outputs=outputs, namespace=namespace)
