"""Notebooks: code cells become one Python source; IPython-only lines are skipped, not errors."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calccourse.grading.notebook import (
    NotebookError,
    cell_to_python,
    describe_location,
    notebook_to_source,
)


def _notebook(path: Path, *cells: tuple[str, str]) -> Path:
    """Write a notebook whose cells are (kind, source) pairs; kind is "code" or "markdown"."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
        for kind, source in cells
    ]
    nbformat.write(notebook, str(path))
    return path


def test_only_code_cells_are_kept_and_each_line_knows_its_cell(tmp_path):
    path = _notebook(tmp_path / "answer.ipynb",
                     ("markdown", "# Lesson 1\nSome words."),
                     ("code", "import numpy as np"),
                     ("markdown", "More words."),
                     ("code", "def f(x):\n    return x**3 - 2*x**2 + 1"))

    source, line_map = notebook_to_source(path)

    assert source == "import numpy as np\ndef f(x):\n    return x**3 - 2*x**2 + 1\n"
    assert line_map == [(1, 1), (2, 1), (2, 2)]
    namespace: dict = {}
    exec(compile(source, "answer.ipynb", "exec"), namespace)
    assert namespace["f"](2) == 1


def test_a_notebook_with_magics_and_shell_escapes_becomes_valid_python_with_the_same_line_numbers(tmp_path):
    path = _notebook(tmp_path / "magic.ipynb",
                     ("code", "%matplotlib inline\n!pip install numpy\nimport numpy as np"),
                     ("code", "%%time\nfiles = !ls\nlen?\ndef df(x):\n    return 3*x**2 - 4*x"),
                     ("code", "for i in range(2):\n    !echo hi\nx = 1"))

    source, line_map = notebook_to_source(path)

    lines = source.splitlines()
    assert lines[:3] == ["", "", "import numpy as np"]
    assert lines[3:8] == ["", "", "", "def df(x):", "    return 3*x**2 - 4*x"]
    assert lines[9] == "    pass"
    assert len(lines) == len(line_map) == 11
    namespace: dict = {}
    exec(compile(source, "magic.ipynb", "exec"), namespace)
    assert namespace["df"](2.0) == 4.0


def test_a_cell_magic_whose_body_is_not_python_blanks_the_whole_cell():
    assert cell_to_python("%%bash\necho hi\nls -l") == ["", "", ""]
    assert cell_to_python("%%writefile helper.py\nx = 1") == ["", ""]


@pytest.mark.parametrize("python", [
    "x = (1\n% 2)",                     # a continued expression: % is the modulo operator
    's = """\n!not a shell escape\n%not a magic\n"""',
    "y = 1  # a comment that asks?",
    "ok = x != 3",
    "z = x %2",
    "total = 1 + \\\n    2",
    "s = 'a \\\n%d'",                 # a single-quoted string continued by a backslash
])
def test_python_that_merely_looks_like_ipython_is_left_alone(python):
    assert cell_to_python(python) == python.splitlines()


def test_a_line_magic_after_a_closed_string_is_still_skipped():
    assert cell_to_python("s = 'it''s'\n%who") == ["s = 'it''s'", ""]


def test_an_error_position_is_described_by_code_cell_and_line(tmp_path):
    path = _notebook(tmp_path / "broken.ipynb",
                     ("code", "import math"),
                     ("markdown", "text"),
                     ("code", "x = 1\ndef f(x)\n    return x"))
    source, line_map = notebook_to_source(path)
    with pytest.raises(SyntaxError) as caught:
        compile(source, "broken.ipynb", "exec")

    assert describe_location(line_map, caught.value.lineno) == "code cell 2, line 2"
    assert describe_location(line_map, caught.value.lineno, "zh") == "第 2 个代码单元格，第 2 行"
    assert describe_location(line_map, 99) == "line 99"


@pytest.mark.parametrize("content", [b"", b"not json", b"{\"cells\": 3, \"nbformat\": 4, \"nbformat_minor\": 5}",
                                     b"[1, 2]"])
def test_a_malformed_notebook_raises_a_clear_notebook_error(tmp_path, content):
    path = tmp_path / "bad.ipynb"
    path.write_bytes(content)
    with pytest.raises(NotebookError, match="bad.ipynb"):
        notebook_to_source(path)


def test_a_missing_notebook_raises_a_notebook_error(tmp_path):
    with pytest.raises(NotebookError, match="cannot read"):
        notebook_to_source(tmp_path / "nowhere.ipynb")


def test_an_empty_notebook_gives_an_empty_source(tmp_path):
    assert notebook_to_source(_notebook(tmp_path / "empty.ipynb")) == ("", [])


_statements = st.sampled_from([
    ["x = 1"], ["def g(t):", "    return t % 2"], ["y = [1,", "%d" + " % 3]"], ["# note"], ["pass"],
    ["s = '''", "!echo", "'''"], ["print('%d' % 3)"], ["total = 1 + \\", "    2"],
])
_ipython_lines = st.sampled_from(["%matplotlib inline", "!pip install sympy", "out = !ls", "%load_ext foo"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_statements.map(lambda lines: ("python", lines)),
                          _ipython_lines.map(lambda line: ("ipython", [line]))), max_size=12))
def test_magics_between_statements_are_blanked_and_every_python_line_is_kept(pieces):
    lines = [line for _, block in pieces for line in block]
    expected = [("" if kind == "ipython" else line) for kind, block in pieces for line in block]
    assert cell_to_python("\n".join(lines)) == expected


LESSON1_CELLS = (
    ("markdown", "# My answer to lesson 1"),
    ("code", "%matplotlib inline\n!pip install numpy\nimport numpy as np"),
    ("code", "%%time\ndef f(x):\n    return x**3 - 2*x**2 + 1"),
    ("code", "def df(x):\n    return 3*x**2 - 4*x\n\ndef rate_of_change(func, x, dx):\n"
             "    return (func(x + dx) - func(x - dx)) / (2 * dx)"),
)


@pytest.mark.slow
def test_a_notebook_with_magics_and_a_correct_answer_passes_the_check(tmp_path):
    from calccourse.content.loader import load_lesson
    from calccourse.grading.grader import grade

    report = grade(load_lesson(1), _notebook(tmp_path / "answer.ipynb", *LESSON1_CELLS))

    assert report.load_problem is None
    assert report.status.value == "pass", [test.message for test in report.tests]


@pytest.mark.slow
def test_a_syntax_error_in_a_notebook_is_located_by_code_cell_and_line(tmp_path):
    from calccourse.content.loader import load_lesson
    from calccourse.grading.grader import grade

    cells = (*LESSON1_CELLS[:3], ("code", "def df(x)\n    return 3*x**2 - 4*x"))
    report = grade(load_lesson(1), _notebook(tmp_path / "broken.ipynb", *cells))

    assert report.load_problem is not None
    assert report.load_problem.diagnosis.value == "syntax_error"
    assert "code cell 3, line 1" in report.load_problem.message
