"""Oracles for lesson 7: the max-margin line (``max_margin_line``) and the points on its
margin (``support_vectors``), against an SLSQP solution of min a²+b² s.t. yᵢ(a·xᵢ+b·yᵢ+c) ≥ 1."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from calccourse.grading.compare import is_failure, show, show_returned
from calccourse.grading.diagnose import failed_result, failure_result, passed_result
from calccourse.grading.messages import describe_factor, nice_number, say
from calccourse.grading.model import Diagnosis, Evidence, TestResult
from calccourse.grading.oracles.base import Oracle, register
from calccourse.grading.oracles.critical import flat_numbers, returned_numbers

if TYPE_CHECKING:
    import numpy as np

    from calccourse.grading.protocol import Returned
    from calccourse.grading.sandbox import LearnerSession
    from calccourse.grading.specs import MarginCheck

ON_MARGIN = 1e-6  # |yᵢ(a·xᵢ+b·yᵢ+c) − 1| below this: the point lies on the margin
CLEAR_OF_MARGIN = 1.05  # every other point of a random set is at least this far out (in margin units)


@dataclass(frozen=True)
class MarginProblem:
    """A labelled set of 2-D points and its max-margin answer."""

    points: np.ndarray  # (n, 2)
    labels: np.ndarray  # (n,) of ±1 (integers)
    line: np.ndarray  # canonical (a, b, c): min yᵢ(a·xᵢ+b·yᵢ+c) = 1
    support: frozenset[int]  # indices of the points on the margin

    def margins(self, line: np.ndarray) -> np.ndarray:
        """yᵢ(a·xᵢ + b·yᵢ + c) for every point."""
        return self.labels * (self.points @ line[:2] + line[2])


def max_margin_line(points: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """(a, b, c) minimising a²+b² subject to yᵢ(a·xᵢ+b·yᵢ+c) ≥ 1, by SLSQP."""
    import numpy as np
    from scipy.optimize import minimize

    rows = labels[:, None] * np.column_stack([points, np.ones(len(points))])
    result = minimize(
        lambda w: w[0] ** 2 + w[1] ** 2,
        np.zeros(3),
        jac=lambda w: np.array([2 * w[0], 2 * w[1], 0.0]),
        constraints=[{"type": "ineq", "fun": lambda w: rows @ w - 1.0, "jac": lambda w: rows}],
        method="SLSQP",
        options={"ftol": 1e-14, "maxiter": 1000},
    )
    if not result.success or np.min(rows @ result.x) < 1 - ON_MARGIN:
        raise ValueError(f"the point set is not linearly separable ({result.message})")
    return result.x


def solve(points: np.ndarray, labels: np.ndarray) -> MarginProblem:
    """The max-margin line of a labelled point set and the indices of its support vectors."""
    import numpy as np

    line = max_margin_line(points, labels)
    margins = labels * (points @ line[:2] + line[2])
    support = frozenset(int(i) for i in np.flatnonzero(np.abs(margins - 1) < ON_MARGIN))
    return MarginProblem(points, labels, line, support)


def random_problems(count: int, seed: int) -> list[MarginProblem]:
    """``count`` random linearly separable sets (6–12 points in [−4, 4]², coordinates with two
    decimals, a gap of at least 0.8 around a random line), each with support vectors exactly
    on the margin and every other point clearly off it."""
    import numpy as np

    rng = np.random.default_rng(seed)
    problems: list[MarginProblem] = []
    while len(problems) < count:
        angle, offset, gap = rng.uniform(0, 2 * np.pi), rng.uniform(-1.5, 1.5), rng.uniform(0.8, 2.0)
        normal = np.array([np.cos(angle), np.sin(angle)])
        size = int(rng.integers(6, 13))
        candidates = np.round(rng.uniform(-4, 4, size=(4 * size, 2)), 2)
        side = candidates @ normal + offset
        points = candidates[np.abs(side) > gap / 2][:size]
        labels = np.where(points @ normal + offset > 0, 1, -1)
        if len(points) < size or min(np.sum(labels == 1), np.sum(labels == -1)) < 2:
            continue
        problem = solve(points, labels)
        margins = problem.margins(problem.line)
        if np.all((np.abs(margins - 1) < ON_MARGIN) | (margins > CLEAR_OF_MARGIN)):
            problems.append(problem)
    return problems


def _point(problem: MarginProblem, index: int) -> str:
    x, y = problem.points[index]
    return f"#{index} ({x:g}, {y:g}), {int(problem.labels[index]):+d}"


def _call_text(function: str, problem: MarginProblem) -> str:
    points = ", ".join(f"({x:g}, {y:g})" for x, y in problem.points)
    labels = ", ".join(str(int(label)) for label in problem.labels)
    return f"{function}(points=[{points}], labels=[{labels}])"


@register
class MarginOracle(Oracle):
    """``max_margin_line(points, labels)`` -> (a, b, c); ``support_vectors(points, labels)`` -> indices."""

    kinds = ("max_margin_line", "support_vectors")
    spec: MarginCheck

    def prepare(self) -> None:
        import numpy as np

        given = [solve(np.array(s.points, dtype=float), np.array(s.labels, dtype=int)) for s in self.spec.sets]
        self.problems = given + random_problems(self.spec.random_sets, self.spec.seed)

    def grade(self, session: LearnerSession) -> list[TestResult]:
        rows = [[problem.points, problem.labels] for problem in self.problems]
        results = session.call_many(self.spec.function, rows)
        judge = self._judge_line if self.spec.kind == "max_margin_line" else self._judge_support
        for problem, got in zip(self.problems, results, strict=True):
            called = _call_text(self.spec.function, problem)
            if is_failure(got):
                return [failure_result(self.spec, got, called=called, lang=self.lang,  # type: ignore[arg-type]
                                       defined=session.defined)]
            verdict = judge(problem, got, called)  # type: ignore[arg-type]
            if verdict is not None:
                return [verdict]
        return [passed_result(self.spec, self.lang, say("margin_passed", self.lang, function=self.spec.function,
                                                          count=len(self.problems)))]

    # --- max_margin_line ---------------------------------------------------------------

    def _judge_line(self, problem: MarginProblem, got: Returned, called: str) -> TestResult | None:
        import numpy as np

        expected = _show_line(problem.line)
        line = flat_numbers(got)
        if line is None or line.size != 3:
            key = "returned_none" if got.pytype == "NoneType" else "margin_not_three_numbers"
            diagnosis = Diagnosis.WRONG_TYPE if line is None else Diagnosis.WRONG_SHAPE
            message = say(key, self.lang, called=called, got=show_returned(got), expected=expected)
            return self._fail(diagnosis, message, called, expected, show_returned(got))
        shown = _show_line(line)
        base = say("mismatch", self.lang, called=called, got=shown, expected=expected)
        if not np.isfinite(line).all():
            return self._fail(Diagnosis.NON_FINITE, base + say("colon", self.lang) + say("explain_non_finite", self.lang),
                              called, expected, shown)
        tolerance = self.spec.atol * max(1.0, float(np.max(np.abs(problem.line))))
        if np.max(np.abs(line - problem.line)) <= tolerance:
            return None
        if np.hypot(line[0], line[1]) <= self.spec.atol * np.hypot(problem.line[0], problem.line[1]):
            return self._fail(Diagnosis.NOT_SEPARATING, base + say("colon", self.lang) + say("margin_no_normal", self.lang),
                              called, expected, shown)
        factor = float(line @ problem.line) / float(problem.line @ problem.line)
        if np.max(np.abs(line - factor * problem.line)) <= tolerance * max(1.0, abs(factor)):
            if factor < 0:
                note = say("margin_orientation", self.lang)
                if abs(factor + 1) > self.spec.atol:
                    note += say("separator", self.lang) + say("margin_scaled", self.lang,
                                                              explained=describe_factor(-factor, self.lang))
                return self._fail(Diagnosis.WRONG_ORIENTATION, base + say("colon", self.lang) + note,
                                  called, expected, shown)
            note = say("margin_scaled", self.lang, explained=describe_factor(factor, self.lang))
            return self._fail(Diagnosis.CONSTANT_FACTOR, base + say("colon", self.lang) + note,
                              called, expected, shown, difference=describe_factor(factor, self.lang))
        margins = problem.margins(line)
        if np.all(margins < 0):
            return self._fail(Diagnosis.WRONG_ORIENTATION,
                              base + say("colon", self.lang) + say("margin_orientation", self.lang),
                              called, expected, shown)
        wrong_side = np.flatnonzero(margins <= 0)
        if wrong_side.size:
            note = say("margin_wrong_side", self.lang, point=_point(problem, int(wrong_side[0])))
            return self._fail(Diagnosis.NOT_SEPARATING, base + say("colon", self.lang) + note,
                              called, expected, shown)
        width = float(np.min(margins) / np.hypot(line[0], line[1]))
        best = float(1 / np.hypot(problem.line[0], problem.line[1]))
        if width < best * (1 - self.spec.atol):
            note = say("margin_too_narrow", self.lang, width=f"{width:.4g}", best=f"{best:.4g}")
            return self._fail(Diagnosis.NOT_MAX_MARGIN, base + say("colon", self.lang) + note,
                              called, expected, shown)
        return self._fail(Diagnosis.WRONG_VALUE, base, called, expected, shown)

    # --- support_vectors ---------------------------------------------------------------

    def _judge_support(self, problem: MarginProblem, got: Returned, called: str) -> TestResult | None:
        import numpy as np

        expected_list = sorted(problem.support)
        expected = str(expected_list)
        values = returned_numbers(got)
        if values is None:
            array = got.array
            key = "returned_none" if got.pytype == "NoneType" else "margin_not_indices"
            if array is not None and array.ndim == 2 and array.shape[-1] == 2:
                key = "margin_points_not_indices"
            message = say(key, self.lang, called=called, got=show_returned(got), expected=expected)
            diagnosis = Diagnosis.WRONG_SHAPE if array is not None and array.ndim > 1 else Diagnosis.WRONG_TYPE
            return self._fail(diagnosis, message, called, expected, show_returned(got))
        shown = show(values)
        if len(problem.points) >= 3 and len(values) == len(problem.points) and set(values.tolist()) <= {0.0, 1.0}:
            message = say("margin_mask", self.lang, called=called, got=shown, expected=expected)
            return self._fail(Diagnosis.WRONG_TYPE, message, called, expected, shown)
        if not np.all(np.isfinite(values)) or not np.all(values == np.round(values)):
            message = say("margin_not_indices", self.lang, called=called, got=shown, expected=expected)
            return self._fail(Diagnosis.WRONG_TYPE, message, called, expected, shown)
        indices = {int(value) for value in values}
        if indices == set(problem.support):
            return None
        shown = str(sorted(indices))
        message = say("mismatch", self.lang, called=called, got=shown, expected=expected)
        missing = sorted(problem.support - indices)
        extra = sorted(indices - problem.support)
        if missing:
            message += say("separator", self.lang) + say(
                "margin_missing", self.lang, points="; ".join(_point(problem, index) for index in missing))
        if extra:
            message += say("separator", self.lang) + say(
                "margin_extra", self.lang, points="; ".join(
                    _point(problem, index) if 0 <= index < len(problem.points) else f"#{index}"
                    for index in extra))
        if {index - 1 for index in indices} == set(problem.support):
            message += say("separator", self.lang) + say("margin_one_based", self.lang)
        diagnosis = Diagnosis.MISSING_POINTS if missing else Diagnosis.EXTRA_POINTS
        return self._fail(diagnosis, message, called, expected, shown)

    def _fail(self, diagnosis: Diagnosis, message: str, called: str, expected: str, got: str,
              difference: str | None = None) -> TestResult:
        return failed_result(self.spec, self.lang, diagnosis, message, Evidence(called, expected, got, difference))


def _show_line(line: np.ndarray) -> str:
    return "(" + ", ".join(nice_number(float(value)) if abs(value) < 1e6 else f"{value:.6g}" for value in line) + ")"
