"""`check --plot`: a PNG of the learner's functions against the reference, missing ones noted."""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.image
import nbformat
import numpy as np
import pytest

from calccourse.content.loader import load_lesson
from calccourse.grading.sandbox import LearnerSession
from calccourse.plotting import answer_plots
from calccourse.plotting.answer_plots import answer_plot_for, plot_answer, plot_session

pytestmark = pytest.mark.slow

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

ANSWERS = {
    1: """
        import numpy as np
        def f(x): return x**3 - 2*x**2 + 1
        def df(x): return 3*x**2 - 4*x
        def rate_of_change(func, x, dx): return (func(x + dx) - func(x - dx)) / (2 * dx)
    """,
    2: """
        import numpy as np
        def f(x): return 3*x**2 - 4*x
        def antiderivative(x): return x**3 - 2*x**2 + 7
        def cumulative_area(func, start, stop, dx):
            xs = np.arange(start, stop, dx)
            return xs, np.cumsum(func(xs) * dx)
    """,
    3: """
        import math
        def f(x, y): return x**2 + y**2
        def gradient(x, y): return (2*x, 2*y)
        def numeric_gradient(func, x, y, h=1e-6):
            return ((func(x + h, y) - func(x - h, y)) / (2*h), (func(x, y + h) - func(x, y - h)) / (2*h))
    """,
    6: """
        import numpy as np
        def dlog(x): return 1 / x
        def critical_points(func, lo, hi):
            xs = np.linspace(lo, hi, 30001)
            d = np.gradient(func(xs), xs)
            return [float(xs[i]) for i in range(len(xs) - 1) if d[i] == 0 or d[i] * d[i + 1] < 0]
        def classify_critical_point(func, x0, h=1e-4):
            second = func(x0 + h) - 2 * func(x0) + func(x0 - h)
            return "minimum" if second > 0 else "maximum" if second < 0 else "neither"
    """,
    7: """
        def max_margin_line(points, labels): return (2/3, 2/3, -1.0)
        def support_vectors(points, labels): return [2, 3, 4]
    """,
}


def _write(folder: Path, lesson: int, source: str) -> Path:
    path = folder / f"lesson{lesson}.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def _assert_png(path: Path) -> np.ndarray:
    assert path.read_bytes()[:8] == PNG_SIGNATURE
    image = matplotlib.image.imread(path)
    assert image.ndim == 3 and image.shape[0] > 200 and image.shape[1] > 300
    return image


@pytest.mark.parametrize("lesson", sorted(ANSWERS))
def test_a_correct_answer_is_plotted_as_a_readable_png(tmp_path, lesson):
    path = _write(tmp_path, lesson, ANSWERS[lesson])
    written = plot_answer(load_lesson(lesson), path, tmp_path / "plots", timeout=20)
    assert written == [tmp_path / "plots" / f"lesson{lesson}-answer.png"]
    _assert_png(written[0])


def test_lessons_without_an_answer_plot_write_nothing(tmp_path):
    path = _write(tmp_path, 4, "def jacobian(*args): return 0\n")
    assert plot_answer(load_lesson(4), path, tmp_path / "plots") == []
    assert not (tmp_path / "plots").exists()


def test_the_plotted_lessons_are_1_2_3_6_and_7():
    assert [n for n in range(1, 8) if answer_plot_for(load_lesson(n))] == [1, 2, 3, 6, 7]


def _legend_texts(monkeypatch) -> list[str]:
    """Capture every legend entry drawn by the next plot."""
    captured: list[str] = []
    finish = answer_plots._finish

    def spy(axes, title):
        finish(axes, title)
        captured.extend(text.get_text() for text in axes.get_legend().get_texts())

    monkeypatch.setattr(answer_plots, "_finish", spy)
    return captured


def test_a_missing_or_broken_function_is_left_out_with_a_note_in_the_legend(tmp_path, monkeypatch):
    path = _write(tmp_path, 1, """
        def f(x): return x**3 - 2*x**2 + 1
        def rate_of_change(func, x, dx): raise NotImplementedError
    """)
    legend = _legend_texts(monkeypatch)
    with LearnerSession(path, preload=("numpy", "sympy")) as session:
        assert session.wait_loaded() is None
        (png,) = plot_session(load_lesson(1), session, tmp_path)

    _assert_png(png)
    assert any(text.startswith("df: not drawn (missing_function") for text in legend)
    assert any(text.startswith("rate_of_change: not drawn (not_implemented") for text in legend)
    assert not any(text.startswith("your") for text in legend)


def test_a_wrong_answer_is_drawn_with_its_largest_difference_in_the_legend(tmp_path, monkeypatch):
    path = _write(tmp_path, 1, """
        def df(x): return 2 * (3*x**2 - 4*x)
        def rate_of_change(func, x, dx): return (func(x + dx) - func(x)) / dx
    """)
    legend = _legend_texts(monkeypatch)
    with LearnerSession(path, preload=("numpy", "sympy")) as session:
        session.wait_loaded()
        plot_session(load_lesson(1), session, tmp_path)

    # the reference 3x² − 4x on [−2, 3.5] peaks at 22.75 (x = 3.5), so twice it is off by 22.75 there
    assert "your df(x) (max |diff| 23)" in legend
    (forward,) = [text for text in legend if text.startswith("your rate_of_change")]
    assert float(forward.split("max |diff| ")[1].rstrip(")")) < 1e-2


def test_a_notebook_answer_is_plotted_too(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("%matplotlib inline\n" + textwrap.dedent(ANSWERS[7]))]
    path = tmp_path / "answer.ipynb"
    nbformat.write(notebook, str(path))
    (png,) = plot_answer(load_lesson(7), path, tmp_path / "out")
    _assert_png(png)


def test_a_file_that_does_not_load_gives_no_plot(tmp_path):
    path = _write(tmp_path, 7, "def max_margin_line(points, labels)\n    return 1\n")
    assert plot_answer(load_lesson(7), path, tmp_path / "out") == []
