"""Turn a Jupyter notebook into one Python source the checker can run, keeping cell/line positions.

Only code cells are kept, in order. IPython-only lines are not Python, so they are
blanked (their line stays, empty, so every other line keeps its number):
line magics (``%matplotlib inline``), shell escapes (``!pip install x``), assignments
from them (``files = !ls``), help requests (``len?``) and cell magics (an indented one
becomes ``pass``, so the block around it stays valid). A cell magic whose
body is Python (``%%time``, ``%%capture`` …) loses only its first line; any other
(``%%bash``, ``%%writefile`` …) blanks its whole cell.

Cells are numbered 1, 2, 3 … among the CODE cells, in notebook order (the execution
count ``In [7]`` changes each time a cell is run, so it would point at the wrong cell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from calccourse.i18n import Lang

LineMap = list[tuple[int, int]]  # source line i+1 -> (code cell number, line in that cell), both 1-based

PYTHON_BODY_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})

_ASSIGNED_FROM_SHELL_OR_MAGIC = re.compile(r"^[A-Za-z_][\w.,\s]*=\s*[!%]")
_HELP_REQUEST = re.compile(r"^(\?\??[\w.]*|[\w.]+\?\??)$")
_CELL_MAGIC = re.compile(r"^%%(\w+)")


class NotebookError(Exception):
    """The notebook cannot be read (not JSON, not a notebook, or malformed)."""


class NotebookSource(NamedTuple):
    """The notebook's code as one Python source, and where each of its lines came from."""

    source: str
    line_map: LineMap


@dataclass
class _ScanState:
    """Where a running scan of Python text is: inside brackets, a string, or a continued line."""

    depth: int = 0
    open_quote: str | None = None  # a triple quote still open at the end of the last line
    continued: bool = False  # the last line ended with a backslash

    @property
    def at_statement_start(self) -> bool:
        return self.depth == 0 and self.open_quote is None and not self.continued


def _scan_line(line: str, state: _ScanState) -> None:
    """Advance ``state`` over one line of Python (brackets, strings, comments, backslashes)."""
    i, n = 0, len(line)
    state.continued = False
    while i < n:
        if state.open_quote is not None:
            end = _string_end(line, i, state.open_quote)
            if end is None:
                return
            state.open_quote, i = None, end
            continue
        char = line[i]
        if char == "#":
            return
        if char in "\"'":
            quote = line[i:i + 3] if line[i:i + 3] in ('"""', "'''") else char
            end = _string_end(line, i + len(quote), quote)
            if end is None:
                # a triple-quoted string goes on; a single-quoted one only after a backslash
                continues = len(quote) == 3 or line.rstrip("\n").endswith("\\")
                state.open_quote = quote if continues else None
                return
            i = end
            continue
        if char in "([{":
            state.depth += 1
        elif char in ")]}":
            state.depth = max(0, state.depth - 1)
        elif char == "\\" and line[i + 1:].strip() == "":
            state.continued = True
        i += 1


def _string_end(line: str, start: int, quote: str) -> int | None:
    """The index just past ``quote`` closing a string that resumes at ``start``; None if still open."""
    i = start
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line.startswith(quote, i):
            return i + len(quote)
        i += 1
    return None


def _is_ipython_line(stripped: str) -> bool:
    return (
        stripped.startswith(("%", "!"))
        or bool(_ASSIGNED_FROM_SHELL_OR_MAGIC.match(stripped))
        or bool(_HELP_REQUEST.match(stripped))
    )


def cell_to_python(cell_source: str) -> list[str]:
    """The cell's lines with every IPython-only line blanked (same number of lines)."""
    lines = cell_source.splitlines()
    first = next((line.strip() for line in lines if line.strip()), "")
    cell_magic = _CELL_MAGIC.match(first)
    if cell_magic and cell_magic.group(1) not in PYTHON_BODY_CELL_MAGICS:
        return [""] * len(lines)
    kept: list[str] = []
    state = _ScanState()
    for line in lines:
        stripped = line.strip()
        if state.at_statement_start and stripped and _is_ipython_line(stripped):
            indent = line[: len(line) - len(line.lstrip())]
            kept.append(f"{indent}pass" if indent else "")  # `pass` keeps an enclosing block valid
            continue
        kept.append(line)
        _scan_line(line, state)
    return kept


def _read(path: Path):
    import nbformat

    try:
        notebook = nbformat.read(str(path), as_version=4)
    except OSError as error:
        raise NotebookError(f"cannot read {path.name}: {error.strerror or error}") from None
    except Exception as error:  # nbformat raises many kinds (NotJSONError, ValueError, KeyError …)
        raise NotebookError(f"{path.name} is not a readable Jupyter notebook ({type(error).__name__}: {error})") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list) or not all(isinstance(cell, dict) for cell in cells):
        raise NotebookError(f"{path.name} is not a Jupyter notebook: it has no list of cells")
    return cells


def notebook_to_source(path: Path) -> NotebookSource:
    """The code cells of the notebook at ``path`` as one Python source, with its line map."""
    lines: list[str] = []
    line_map: LineMap = []
    code_cells = [cell for cell in _read(path) if cell.get("cell_type") == "code"]
    for number, cell in enumerate(code_cells, start=1):
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(part, str) for part in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise NotebookError(f"{path.name}: code cell {number} has no readable source")
        for line_in_cell, line in enumerate(cell_to_python(source), start=1):
            lines.append(line)
            line_map.append((number, line_in_cell))
    return NotebookSource(source="\n".join(lines) + ("\n" if lines else ""), line_map=line_map)


def describe_location(line_map: LineMap, line: int, lang: Lang = "en") -> str:
    """Where source line ``line`` (1-based) is in the notebook, e.g. "code cell 3, line 2"."""
    if 1 <= line <= len(line_map):
        cell, line_in_cell = line_map[line - 1]
        return f"第 {cell} 个代码单元格，第 {line_in_cell} 行" if lang == "zh" else f"code cell {cell}, line {line_in_cell}"
    return f"第 {line} 行" if lang == "zh" else f"line {line}"
