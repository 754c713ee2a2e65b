"""`check N FILE --plot DIR`: draw the learner's functions against the reference answers.

Every learner value comes from a live :class:`LearnerSession` (the learner's code runs in
its sandbox; only plain numbers come back). A function that is missing or fails is left
out of the figure, and the legend says why. Figures are drawn with Matplotlib's
object-oriented API on the Agg canvas: no window, no global pyplot state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from calccourse.content.schema import Lesson
    from calccourse.grading.protocol import Arg, CallFailure, Returned
    from calccourse.grading.sandbox import LearnerSession

REFERENCE_STYLE = {"color": "#9e9e9e", "linewidth": 5, "alpha": 0.6}
LEARNER_STYLE = {"color": "#d62728", "linewidth": 1.8, "linestyle": "--"}
NOTE_LENGTH = 70


@dataclass(frozen=True)
class AnswerPlot:
    """How to draw one lesson's answer: the learner functions it calls and the drawing code."""

    functions: tuple[str, ...]
    draw: Callable[[LearnerSession, Figure], None]
    size: tuple[float, float] = (11.0, 4.5)


# ----------------------------------------------------------------- calling the learner


def _note(function: str, failure: CallFailure | str) -> str:
    """A one-line legend note saying why ``function`` is not drawn."""
    if isinstance(failure, str):
        why = failure
    else:
        first_line = failure.message.splitlines()[0] if failure.message else ""
        why = f"{failure.diagnosis.value}: {first_line}" if first_line else failure.diagnosis.value
    text = f"{function}: not drawn ({why})"
    return text if len(text) <= NOTE_LENGTH else text[: NOTE_LENGTH - 1] + "…"


def _as_floats(result: Returned | CallFailure, size: int) -> np.ndarray | None:
    """The result as ``size`` floats, or None if it is a failure or has another shape."""
    from calccourse.grading.protocol import Returned

    if not isinstance(result, Returned) or result.array is None or result.array.size != size:
        return None
    return result.array.reshape(size).astype(float)


def _values(session: LearnerSession, function: str, rows: Sequence[Sequence[Arg]],
            size: int = 1) -> tuple[np.ndarray | None, str | None]:
    """``function(*row)`` for every row as an (N, size) float array (NaN where a row failed).

    Returns (None, note) when no row gave a usable value, and (values, note) when some did not.
    """
    import numpy as np

    results = session.call_many(function, rows)
    values = np.full((len(rows), size), np.nan)
    problem: CallFailure | str | None = None
    for index, result in enumerate(results):
        floats = _as_floats(result, size)
        if floats is None:
            problem = problem or _describe_unusable(result, size)
        else:
            values[index] = floats
    if np.isnan(values).all():
        return None, _note(function, problem or "no finite values")
    return values, (_note(function, problem) if problem else None)


def _describe_unusable(result: Returned | CallFailure, size: int) -> CallFailure | str:
    from calccourse.grading.protocol import CallFailure

    if isinstance(result, CallFailure):
        return result
    what = "a number" if size == 1 else f"{size} numbers"
    return f"returned a {result.pytype}, not {what}"


def _call_one(session: LearnerSession, function: str, args: Sequence[Arg]) -> Returned | str:
    """One call; a failure becomes its legend note."""
    from calccourse.grading.protocol import CallFailure

    result = session.call(function, args)
    return _note(function, result) if isinstance(result, CallFailure) else result


# ------------------------------------------------------------------------- drawing aids


def _add_note(axes: Axes, note: str | None) -> None:
    if note:
        axes.plot([], [], " ", label=note)


def _finish(axes: Axes, title: str) -> None:
    axes.set_title(title, fontsize=10)
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize=8, loc="best")


def _limit_y(axes: Axes, reference: np.ndarray, learner: np.ndarray | None) -> None:
    """Show the reference fully, and the learner's values up to one reference span beyond it."""
    import numpy as np

    low, high = float(np.nanmin(reference)), float(np.nanmax(reference))
    span = max(high - low, 1e-9)
    if learner is not None and np.isfinite(learner).any():
        finite = learner[np.isfinite(learner)]
        low = max(min(low, float(finite.min())), low - span)
        high = min(max(high, float(finite.max())), high + span)
    pad = 0.05 * (high - low)
    axes.set_ylim(low - pad, high + pad)


def _max_difference(learner: np.ndarray, reference: np.ndarray) -> str:
    import numpy as np

    difference = np.abs(learner - reference)
    return f"max |diff| {np.nanmax(difference):.2g}" if np.isfinite(difference).any() else "no finite values"


def _compare_curve(axes: Axes, xs: np.ndarray, reference: np.ndarray, reference_label: str,
                   learner: np.ndarray | None, learner_label: str, note: str | None) -> None:
    axes.plot(xs, reference, label=reference_label, **REFERENCE_STYLE)
    if learner is not None:
        axes.plot(xs, learner, label=f"{learner_label} ({_max_difference(learner, reference)})", **LEARNER_STYLE)
    _add_note(axes, note)
    _limit_y(axes, reference, learner)


# ------------------------------------------------------------------------------ lessons


def _lesson1(session: LearnerSession, figure: Figure) -> None:
    import numpy as np

    from calccourse.grading.protocol import Probe

    xs = np.linspace(-2.0, 3.5, 111)
    exact = 3 * xs**2 - 4 * xs
    f = Probe("x**3 - 2*x**2 + 1", ("x",))
    dx = 1e-4
    left, right = figure.subplots(1, 2)

    df, note = _values(session, "df", [(float(x),) for x in xs])
    _compare_curve(left, xs, exact, "f′(x) = 3x² − 4x", None if df is None else df[:, 0], "your df(x)", note)
    _finish(left, "df against the derivative of f(x) = x³ − 2x² + 1")

    estimate, note = _values(session, "rate_of_change", [(f, float(x), dx) for x in xs])
    _compare_curve(right, xs, exact, "f′(x) = 3x² − 4x", None if estimate is None else estimate[:, 0],
                   f"your rate_of_change(f, x, {dx:g})", note)
    _finish(right, "rate_of_change against the derivative")


def _xs_and_areas(result: Returned) -> tuple[np.ndarray, np.ndarray] | None:
    """Read ``(xs, areas)`` from a result, whether it came back as a 2×N array or a pair."""
    array = result.array
    if array is not None and array.ndim == 2 and 2 in array.shape:
        xs, areas = array if array.shape[0] == 2 else array.T
        return xs, areas
    if result.items is not None and len(result.items) == 2:
        xs, areas = (item.array for item in result.items)
        if xs is not None and areas is not None and xs.ndim == areas.ndim == 1 and xs.size == areas.size:
            return xs, areas
    return None


def _lesson2(session: LearnerSession, figure: Figure) -> None:
    import numpy as np

    from calccourse.grading.protocol import Probe

    def exact(x: np.ndarray) -> np.ndarray:
        return x**3 - 2 * x**2

    left, right = figure.subplots(1, 2)
    xs = np.linspace(-2.0, 3.0, 101)
    values, note = _values(session, "antiderivative", [(float(x),) for x in xs])
    if values is None:
        left.plot(xs, exact(xs), label="x³ − 2x²", **REFERENCE_STYLE)
        _add_note(left, note)
    else:
        learner = values[:, 0]
        shift = float(np.nanmean(learner - exact(xs)))
        _compare_curve(left, xs, exact(xs) + shift, f"x³ − 2x² + C (C = {shift:.3g}, fitted)", learner,
                       "your antiderivative(x)", note)
    _finish(left, "antiderivative against x³ − 2x² (+ any constant)")

    start, stop, dx = -10.0, 10.0, 0.1
    grid = np.linspace(start, stop, 201)
    right.plot(grid, exact(grid) - exact(start), label="exact area from −10 to x", **REFERENCE_STYLE)
    result = _call_one(session, "cumulative_area", (Probe("3*x**2 - 4*x", ("x",)), start, stop, dx))
    pair = None if isinstance(result, str) else _xs_and_areas(result)
    if pair is not None:
        right.plot(*pair, label=f"your cumulative_area(f, {start:g}, {stop:g}, {dx:g})", **LEARNER_STYLE)
    else:
        _add_note(right, result if isinstance(result, str)
                  else _note("cumulative_area", f"returned a {result.pytype}, not (xs, areas)"))
    _finish(right, "cumulative_area of f(x) = 3x² − 4x")


def _arrows(axes: Axes, session: LearnerSession, function: str, extra: tuple[Arg, ...], span: float,
            count: int, label: str) -> None:
    """The true gradient (2x, 2y) of x² + y² and the learner's, as arrows on a count×count grid."""
    import numpy as np

    ticks = np.linspace(-span, span, count)
    gx, gy = np.meshgrid(ticks, ticks)
    points = np.column_stack([gx.ravel(), gy.ravel()])
    true = 2 * points
    scale = float(np.abs(true).max()) / (0.9 * (ticks[1] - ticks[0]))
    quiver = {"angles": "xy", "scale_units": "xy", "scale": scale, "width": 0.006}
    axes.quiver(points[:, 0], points[:, 1], true[:, 0], true[:, 1], color=REFERENCE_STYLE["color"],
                label="true ∇f = (2x, 2y)", **quiver)
    values, note = _values(session, function, [(*extra, float(x), float(y)) for x, y in points], size=2)
    if values is not None:
        error = _max_difference(values, true)
        axes.quiver(points[:, 0], points[:, 1], values[:, 0], values[:, 1], color=LEARNER_STYLE["color"],
                    label=f"{label} ({error})", **quiver)
    _add_note(axes, note)
    reach = span + (ticks[1] - ticks[0])  # room for the outermost arrows
    axes.set_xlim(-reach, reach)
    axes.set_ylim(-reach, reach)
    axes.set_aspect("equal")


def _lesson3(session: LearnerSession, figure: Figure) -> None:
    from calccourse.grading.protocol import Probe

    left, right = figure.subplots(1, 2)
    _arrows(left, session, "gradient", (), span=2.0, count=9, label="your gradient(x, y)")
    _finish(left, "gradient of f(x, y) = x² + y²")
    probe = Probe("x**2 + y**2", ("x", "y"))
    _arrows(right, session, "numeric_gradient", (probe,), span=2.0, count=5, label="your numeric_gradient(f, x, y)")
    _finish(right, "numeric_gradient of the same f")


def _lesson6(session: LearnerSession, figure: Figure) -> None:
    import numpy as np

    from calccourse.grading.protocol import Probe

    def f(x: np.ndarray) -> np.ndarray:
        return x**3 - 2 * x**2 + 1

    axes = figure.subplots()
    lo, hi = -1.0, 2.0
    xs = np.linspace(lo, hi, 200)
    true = np.array([0.0, 4 / 3])
    axes.plot(xs, f(xs), label="f(x) = x³ − 2x² + 1", **REFERENCE_STYLE)
    axes.plot(true, f(true), "o", markersize=14, markerfacecolor="none", markeredgewidth=2,
              color=REFERENCE_STYLE["color"], label="true critical points 0 and 4/3")
    probe = Probe("x**3 - 2*x**2 + 1", ("x",))
    result = _call_one(session, "critical_points", (probe, lo, hi))
    found = result.array.reshape(-1) if not isinstance(result, str) and result.array is not None else None
    if found is None:
        _add_note(axes, result if isinstance(result, str)
                  else _note("critical_points", f"returned a {result.pytype}, not a list of numbers"))
    else:
        shown = found[np.isfinite(found) & (found >= lo) & (found <= hi)]
        axes.plot(shown, f(shown), "x", markersize=10, markeredgewidth=2.5, color=LEARNER_STYLE["color"],
                  label=f"your critical_points(f, {lo:g}, {hi:g}): {len(found)} found")
        _label_kinds(axes, session, probe, shown[:10], f)
    axes.set_ylim(-1.2, 1.6)
    _finish(axes, "critical points of x³ − 2x² + 1 on [−1, 2]")


def _label_kinds(axes: Axes, session: LearnerSession, probe: Arg, points: np.ndarray,
                 f: Callable[[np.ndarray], np.ndarray]) -> None:
    """Write what classify_critical_point says beside each point the learner found."""
    from calccourse.grading.protocol import Returned

    if points.size == 0:
        return
    results = session.call_many("classify_critical_point", [(probe, float(x)) for x in points])
    notes = set()
    for x, result in zip(points, results):
        if isinstance(result, Returned) and result.pytype == "str" and result.text is not None:
            axes.annotate(result.text[:20], (float(x), float(f(x))), textcoords="offset points", xytext=(8, -14),
                          fontsize=9, color=LEARNER_STYLE["color"])
        else:
            why = f"returned a {result.pytype}, not a name" if isinstance(result, Returned) else result
            notes.add(_note("classify_critical_point", why))
    for note in sorted(notes):
        _add_note(axes, note)


SVM_POINTS = ((-1.0, -1.0), (-3.0, -1.0), (0.0, 0.0), (1.0, 2.0), (2.0, 1.0), (3.0, 3.0))
SVM_LABELS = (-1, -1, -1, 1, 1, 1)
SVM_LINE = (2 / 3, 2 / 3, -1.0)  # COURSE.md, lesson 7: the max-margin line x + y = 1.5
SVM_SUPPORT = (2, 3, 4)


def _draw_line(axes: Axes, line: tuple[float, float, float], offset: float, xs: np.ndarray, **style) -> bool:
    """Draw a·x + b·y + c = offset; False if (a, b) is zero, so there is no line."""
    a, b, c = line
    if abs(b) > 1e-12 * max(abs(a), 1.0):
        axes.plot(xs, (offset - c - a * xs) / b, **style)
    elif abs(a) > 0:
        axes.axvline((offset - c) / a, **style)
    else:
        return False
    return True


def _lesson7(session: LearnerSession, figure: Figure) -> None:
    import numpy as np

    axes = figure.subplots()
    points = np.array(SVM_POINTS)
    labels = np.array(SVM_LABELS)
    for label, marker, name in ((-1, "s", "class −1"), (1, "^", "class +1")):
        chosen = points[labels == label]
        axes.plot(chosen[:, 0], chosen[:, 1], marker, color="#1f77b4" if label < 0 else "#2ca02c",
                  markersize=8, linestyle="none", label=name)
    xs = np.linspace(-4.0, 4.0, 2)
    _draw_line(axes, SVM_LINE, 0.0, xs, label="max-margin line x + y = 1.5", **REFERENCE_STYLE)
    for side in (-1.0, 1.0):
        _draw_line(axes, SVM_LINE, side, xs, color=REFERENCE_STYLE["color"], linewidth=1, linestyle=":")

    arguments = (points, labels)
    result = _call_one(session, "max_margin_line", arguments)
    line = None if isinstance(result, str) else _as_floats(result, 3)
    if line is None:
        _add_note(axes, result if isinstance(result, str)
                  else _note("max_margin_line", f"returned a {result.pytype}, not (a, b, c)"))
    else:
        a, b, c = (float(v) for v in line)
        if not _draw_line(axes, (a, b, c), 0.0, xs, label=f"your line {a:.3g}·x {b:+.3g}·y {c:+.3g} = 0",
                          **LEARNER_STYLE):
            _add_note(axes, _note("max_margin_line", "a = b = 0 is not a line"))

    result = _call_one(session, "support_vectors", arguments)
    chosen = None if isinstance(result, str) or result.array is None else result.array.reshape(-1)
    valid = chosen is not None and all(float(i).is_integer() and 0 <= i < len(points) for i in chosen)
    if valid:
        picked = points[chosen.astype(int)]
        axes.plot(picked[:, 0], picked[:, 1], "o", markersize=18, markerfacecolor="none", markeredgewidth=2,
                  color=LEARNER_STYLE["color"], label="your support_vectors")
    else:
        _add_note(axes, result if isinstance(result, str)
                  else _note("support_vectors", "did not return indices of the points"))
    axes.set_xlim(-4, 4)
    axes.set_ylim(-2.5, 4.5)
    axes.set_aspect("equal")
    _finish(axes, "max-margin line (true support vectors: (0,0), (1,2), (2,1))")


ANSWER_PLOTS: dict[int, AnswerPlot] = {
    1: AnswerPlot(("df", "rate_of_change"), _lesson1),
    2: AnswerPlot(("antiderivative", "cumulative_area"), _lesson2),
    3: AnswerPlot(("gradient", "numeric_gradient"), _lesson3, size=(11.0, 5.5)),
    6: AnswerPlot(("critical_points",), _lesson6, size=(7.5, 5.0)),
    7: AnswerPlot(("max_margin_line", "support_vectors"), _lesson7, size=(7.5, 6.0)),
}


# ------------------------------------------------------------------------------- entry


def answer_plot_for(lesson: Lesson) -> AnswerPlot | None:
    """The answer plot of ``lesson``, if it has one and its task still has those functions."""
    plot = ANSWER_PLOTS.get(lesson.number)
    names = {function.name for function in lesson.task.functions}
    return plot if plot is not None and names.issuperset(plot.functions) else None


def plot_session(lesson: Lesson, session: LearnerSession, out_dir: Path) -> list[Path]:
    """Draw ``lesson``'s answer plot from a loaded session into ``out_dir``; the PNG paths written."""
    plot = answer_plot_for(lesson)
    if plot is None:
        return []
    from matplotlib.figure import Figure

    figure = Figure(figsize=plot.size, layout="constrained")
    plot.draw(session, figure)
    figure.suptitle(f"Lesson {lesson.number}: your answer (red, dashed) against the reference (grey)", fontsize=11)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"lesson{lesson.number}-answer.png"
    figure.savefig(path, format="png", dpi=110)
    return [path]


def plot_answer(lesson: Lesson, path: Path, out_dir: Path, *, timeout: float = 10.0) -> list[Path]:
    """Run the learner's file (``.py`` or ``.ipynb``) in a sandbox and plot it; [] if there is no plot
    for this lesson or the file does not load."""
    if answer_plot_for(lesson) is None:
        return []
    from calccourse.grading.sandbox import LearnerSession

    source = None
    if path.suffix == ".ipynb":
        from calccourse.grading.notebook import notebook_to_source

        source = notebook_to_source(path).source
    with LearnerSession(path, timeout=timeout, source=source, filename=path.name if source else None,
                        preload=("numpy", "sympy")) as session:
        session.start()
        if session.wait_loaded() is not None:
            return []
        return plot_session(lesson, session, out_dir)
