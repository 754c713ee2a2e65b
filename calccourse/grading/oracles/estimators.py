"""Oracles for numerical estimators that take a function: a difference quotient
(``difference_quotient``), a running Riemann sum (``cumulative_area``) and a numerical
gradient (``gradient_estimate``). References come from SymPy; tolerances allow the
estimator's own first-order error."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from calccourse.grading.compare import call_text, check_numeric, is_failure, show, show_number, show_returned, simplicity
from calccourse.grading.diagnose import (
    Finding,
    diagnose_values,
    failed_result,
    failure_result,
    mismatch_result,
    passed_result,
)
from calccourse.grading.messages import say
from calccourse.grading.model import Diagnosis, Evidence, TestResult
from calccourse.grading.oracles.base import Oracle, register
from calccourse.grading.oracles.critical import flat_numbers

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy as np

    from calccourse.grading.protocol import CallFailure, Returned
    from calccourse.grading.sandbox import LearnerSession
    from calccourse.grading.specs import CumulativeAreaCheck, DifferenceQuotientCheck, GradientEstimateCheck

_EPS = 2.220446049250313e-16


@dataclass(frozen=True)
class Allowance:
    """A tolerance whose atol may differ per entry (an array), for diagnose_values/check_numeric."""

    atol: Any
    rtol: float = 0.0


def _lambdify(expr: str, variables: Sequence[str], derivative: Sequence[str] = ()) -> Callable[..., Any]:
    """A numpy function of ``expr`` (differentiated by each name in ``derivative`` in turn)."""
    import numpy as np
    import sympy

    symbols = tuple(sympy.Symbol(name, real=True) for name in variables)
    expression = sympy.sympify(expr, locals={str(s): s for s in symbols})
    for name in derivative:
        expression = sympy.diff(expression, symbols[list(variables).index(name)])
    numeric = sympy.lambdify(symbols, expression, [np])  # the module, not "numpy": no star-import
    return lambda *args: np.broadcast_to(np.asarray(numeric(*args), dtype=float), np.broadcast(*args).shape)


def _approximate_finding(got: Any, expected: Any, allowance: Allowance) -> Finding:
    """diagnose_values for an estimate: its own error makes the fitted factor 0.500023 rather
    than ½, so a simple fraction that fits within the allowance too is named instead."""
    import numpy as np
    from fractions import Fraction

    finding = diagnose_values(got, expected, allowance)
    if finding.diagnosis is not Diagnosis.CONSTANT_FACTOR or finding.detail is None:
        return finding
    simple = float(Fraction(finding.detail).limit_denominator(12))
    reference = np.asarray(expected, dtype=float)
    if simple not in (0.0, 1.0) and np.all(np.abs(np.asarray(got, dtype=float) - simple * reference)
                                           <= allowance.atol + allowance.rtol * np.abs(reference)):
        return Finding(Diagnosis.CONSTANT_FACTOR, simple)
    return finding


def _simplest_failing(rows: Sequence[Sequence[Any]], failing: Sequence[int]) -> int:
    return min(failing, key=lambda index: simplicity(rows[index]))


# --- difference quotient ---------------------------------------------------------------

@register
class DifferenceQuotientOracle(Oracle):
    """``rate_of_change(func, x, dx)`` ≈ func′(x), to first order in dx or better."""

    kinds = ("difference_quotient",)
    spec: DifferenceQuotientCheck

    def prepare(self) -> None:
        import numpy as np

        from calccourse.grading.protocol import Probe

        rng = np.random.default_rng(1)
        self.cases = []
        for probe in self.spec.probes:
            xs = np.round(rng.uniform(probe.lo, probe.hi, probe.samples), 3)
            value = _lambdify(probe.expr, [probe.var])
            slope = _lambdify(probe.expr, [probe.var], [probe.var])
            curvature = _lambdify(probe.expr, [probe.var], [probe.var, probe.var])
            h = probe.step
            truncation = h * np.max(np.abs([curvature(xs - h), curvature(xs), curvature(xs + h)]), axis=0)
            round_off = 8 * _EPS * np.maximum(np.abs(value(xs)), 1.0) / h
            allowance = Allowance(atol=self.spec.tolerance.atol + truncation + round_off,
                                  rtol=self.spec.tolerance.rtol)
            self.cases.append((Probe(probe.expr, (probe.var,)), xs, slope(xs), allowance, h))

    def grade(self, session: LearnerSession) -> list[TestResult]:
        for probe, xs, expected, allowance, h in self.cases:
            rows = [[probe, float(x), h] for x in xs]
            results = session.call_many(self.spec.function, rows)
            problem = self._first_problem(session, rows, results, expected, allowance)
            if problem is not None:
                return [problem]
        if self.spec.array_input:
            for probe, xs, expected, allowance, h in self.cases:
                args = [probe, xs, h]
                got = session.call(self.spec.function, args)
                problem = self._judge_array(session, args, got, expected, allowance)
                if problem is not None:
                    return [problem]
        count = sum(len(case[1]) for case in self.cases)
        return [passed_result(self.spec, self.lang, say("estimate_passed", self.lang, function=self.spec.function,
                                                          functions=len(self.cases), count=count))]

    def _first_problem(self, session: LearnerSession, rows: list[list[Any]], results: list[Returned | CallFailure],
                       expected: np.ndarray, allowance: Allowance) -> TestResult | None:
        import numpy as np

        mismatches = {}
        for index, result in enumerate(results):
            if is_failure(result):
                called = call_text(self.spec.function, rows[index])
                return failure_result(self.spec, result, called=called, lang=self.lang,  # type: ignore[arg-type]
                                      defined=session.defined)
            row_allowance = Allowance(atol=allowance.atol[index], rtol=allowance.rtol)
            mismatch = check_numeric(result, expected[index], row_allowance)  # type: ignore[arg-type]
            if mismatch is not None:
                mismatches[index] = mismatch
        if not mismatches:
            return None
        index = _simplest_failing(rows, list(mismatches))
        mismatch = mismatches[index]
        called = call_text(self.spec.function, rows[index])
        finding = None
        if mismatch.diagnosis is Diagnosis.WRONG_VALUE and len(mismatches) == len(rows):
            got = np.array([float(np.ravel(result.array)[0]) for result in results])  # type: ignore[union-attr]
            finding = _approximate_finding(got, expected, allowance)
        note = ""
        step = rows[index][2]
        if finding is not None and finding.diagnosis is Diagnosis.CONSTANT_FACTOR \
                and abs((finding.detail or 0) / step - 1) < 0.01:
            finding, note = Finding(Diagnosis.CONSTANT_FACTOR, step), say("estimate_divide_by_step", self.lang)
        return mismatch_result(self.spec, mismatch, called=called, lang=self.lang, finding=finding, note=note)

    def _judge_array(self, session: LearnerSession, args: list[Any], got: Returned | CallFailure,
                     expected: np.ndarray, allowance: Allowance) -> TestResult | None:
        called = call_text(self.spec.function, args)
        note = say("estimate_array_input", self.lang)
        if is_failure(got):
            result = failure_result(self.spec, got, called=called, lang=self.lang,  # type: ignore[arg-type]
                                    defined=session.defined)
            first_line, _, traceback = result.message.partition("\n")
            message = first_line + say("separator", self.lang) + note + (f"\n{traceback}" if traceback else "")
            return failed_result(self.spec, self.lang, result.diagnosis, message,  # type: ignore[arg-type]
                                 result.evidence)
        mismatch = check_numeric(got, expected, allowance)  # type: ignore[arg-type]
        if mismatch is None:
            return None
        return mismatch_result(self.spec, mismatch, called=called, lang=self.lang, note=note)


# --- cumulative area -------------------------------------------------------------------

@register
class CumulativeAreaOracle(Oracle):
    """``cumulative_area(func, start, stop, dx)`` -> (xs, areas): xs = arange(start, stop, dx) and
    areas[i] ≈ ∫ func from start to about xs[i], within O(dx) (left, right or trapezoid)."""

    kinds = ("cumulative_area",)
    spec: CumulativeAreaCheck

    def prepare(self) -> None:
        import numpy as np
        import sympy

        from calccourse.grading.protocol import Probe

        self.cases = []
        for probe in self.spec.probes:
            var = sympy.Symbol(probe.var, real=True)
            expression = sympy.sympify(probe.expr, locals={probe.var: var})
            antiderivative = sympy.lambdify(var, sympy.integrate(expression, var), [np])
            value = _lambdify(probe.expr, [probe.var])
            slope = _lambdify(probe.expr, [probe.var], [probe.var])
            curvature = _lambdify(probe.expr, [probe.var], [probe.var, probe.var])
            xs = np.arange(probe.start, probe.stop, probe.dx)
            fine = np.linspace(probe.start, probe.stop, 20 * len(xs) + 1)
            areas = antiderivative(xs) - antiderivative(probe.start)
            allowance = 2 * probe.dx * float(np.max(np.abs(value(fine)))) + 1e-6 * np.abs(areas) + 1e-9
            derivative_allowance = 2 * probe.dx * float(np.max(np.abs(curvature(fine)))) + 1e-6 * np.abs(slope(xs)) + 1e-9
            self.cases.append(_AreaCase(
                args=[Probe(probe.expr, (probe.var,)), probe.start, probe.stop, probe.dx], xs=xs, areas=areas,
                allowance=Allowance(atol=allowance), slope=slope(xs), slope_allowance=Allowance(atol=derivative_allowance),
                offset=float(antiderivative(probe.start))))

    def grade(self, session: LearnerSession) -> list[TestResult]:
        rows = [case.args for case in self.cases]
        results = session.call_many(self.spec.function, rows)
        for case, got in zip(self.cases, results, strict=True):
            called = call_text(self.spec.function, case.args)
            if is_failure(got):
                return [failure_result(self.spec, got, called=called, lang=self.lang,  # type: ignore[arg-type]
                                       defined=session.defined)]
            problem = self._judge(case, got, called)  # type: ignore[arg-type]
            if problem is not None:
                return [problem]
        return [passed_result(self.spec, self.lang, say("area_passed", self.lang, function=self.spec.function,
                                                          count=len(self.cases)))]

    def _judge(self, case: _AreaCase, got: Returned, called: str) -> TestResult | None:
        import numpy as np

        pair = _pair(got)
        expected_pair = f"(xs, areas), xs = {show(case.xs)}"
        if pair is None and got.array is not None and got.array.shape == (len(case.xs), 2):
            message = say("area_rows", self.lang, called=called, count=len(case.xs))
            return self._fail(Diagnosis.TRANSPOSED, message, called, expected_pair, show_returned(got))
        if pair is None:
            key = "returned_none" if got.pytype == "NoneType" else "area_not_a_pair"
            message = say(key, self.lang, called=called, got=show_returned(got), expected=expected_pair)
            return self._fail(Diagnosis.WRONG_TYPE, message, called, expected_pair, show_returned(got))
        xs, areas = pair
        size = len(case.xs)
        if len(xs) != size or len(areas) != size:
            message = say("area_lengths", self.lang, called=called, xs=len(xs), areas=len(areas), count=size)
            return self._fail(Diagnosis.WRONG_SHAPE, message, called, str(size), f"{len(xs)}, {len(areas)}")
        spacing = 1e-9 * max(1.0, float(np.max(np.abs(case.xs))))
        if not np.allclose(xs, case.xs, rtol=0, atol=spacing):
            if np.allclose(areas, case.xs, rtol=0, atol=spacing):
                message = say("area_swapped", self.lang, called=called)
                return self._fail(Diagnosis.SWAPPED_COLUMNS, message, called, "(xs, areas)", "(areas, xs)")
            index = int(np.flatnonzero(~np.isclose(xs, case.xs, rtol=0, atol=spacing))[0])
            message = say("area_xs", self.lang, called=called, index=index, got=show_number(float(xs[index])),
                          expected=show_number(float(case.xs[index])))
            return self._fail(Diagnosis.WRONG_VALUE, message, called, show(case.xs), show(xs))
        if not np.isfinite(areas).all():
            index = int(np.flatnonzero(~np.isfinite(areas))[0])
            return self._area_mismatch(case, areas, called, index, Finding(Diagnosis.NON_FINITE))
        off = np.abs(areas - case.areas) > case.allowance.atol
        if not off.any():
            return None
        index = int(np.flatnonzero(off)[0])
        return self._area_mismatch(case, areas, called, index, self._diagnose(case, areas))

    def _diagnose(self, case: _AreaCase, areas: np.ndarray) -> Finding:
        import numpy as np

        dx = case.args[3]
        if np.all(np.abs(areas * dx - case.areas) <= case.allowance.atol):
            return Finding(Diagnosis.CONSTANT_FACTOR, 1 / dx)
        if np.all(np.abs(areas - case.slope) <= case.slope_allowance.atol):
            return Finding(Diagnosis.DIFFERENTIATED_INSTEAD)
        finding = _approximate_finding(areas, case.areas, case.allowance)
        if finding.diagnosis is Diagnosis.OFF_BY_CONSTANT:
            offset, allowance = finding.detail or 0.0, float(np.max(case.allowance.atol))
            if abs(offset - case.offset) <= allowance:
                return Finding(Diagnosis.OFF_BY_CONSTANT, case.offset)
            if abs(offset) <= allowance:  # a shift within the O(dx) allowance is not the mistake
                return Finding(Diagnosis.WRONG_VALUE)
        return finding

    def _area_mismatch(self, case: _AreaCase, areas: np.ndarray, called: str, index: int,
                       finding: Finding) -> TestResult:
        from calccourse.grading.diagnose import explain

        got, expected = show_number(float(areas[index])), f"≈ {show_number(float(case.areas[index]))}"
        message = say("area_mismatch", self.lang, called=called, index=index, x=show_number(float(case.xs[index])),
                      got=got, expected=expected)
        explanation = explain(finding, self.lang)
        if explanation:
            message += say("colon", self.lang) + explanation
        hint = {Diagnosis.CONSTANT_FACTOR: "area_times_dx", Diagnosis.OFF_BY_CONSTANT: "area_start_at_zero"}
        if finding.diagnosis in hint and not (finding.diagnosis is Diagnosis.CONSTANT_FACTOR
                                              and abs((finding.detail or 0) * case.args[3] - 1) > 1e-6):
            message += say("separator", self.lang) + say(hint[finding.diagnosis], self.lang)
        return failed_result(self.spec, self.lang, finding.diagnosis, message,
                             Evidence(called, expected, got, explanation or None))

    def _fail(self, diagnosis: Diagnosis, message: str, called: str, expected: str, got: str) -> TestResult:
        return failed_result(self.spec, self.lang, diagnosis, message, Evidence(called, expected, got))


@dataclass(frozen=True)
class _AreaCase:
    args: list[Any]
    xs: np.ndarray
    areas: np.ndarray  # F(xs) − F(start)
    allowance: Allowance  # per-entry O(dx) allowance
    slope: np.ndarray  # func′(xs), to recognise a derivative returned instead
    slope_allowance: Allowance
    offset: float  # F(start): what areas are off by when they are F(xs)


def _pair(got: Returned) -> tuple[np.ndarray, np.ndarray] | None:
    """(xs, areas) from a returned pair: a (2, n) array or a tuple of two 1-D sequences."""
    import numpy as np

    if got.array is not None and got.array.ndim >= 2 and got.array.shape[0] == 2:
        rows = got.array.reshape(2, -1)  # e.g. two (1, n) np.matrix rows arrive as (2, 1, n)
        return rows[0], rows[1]
    if got.items is not None and len(got.items) == 2 and all(item.array is not None for item in got.items):
        xs, areas = (np.asarray(item.array, dtype=float).ravel() for item in got.items)  # type: ignore[arg-type]
        return xs, areas
    return None


# --- numerical gradient ----------------------------------------------------------------

@register
class GradientEstimateOracle(Oracle):
    """``numeric_gradient(func, x, y)`` -> (gx, gy) with ‖g − ∇f‖ ≤ rtol·‖∇f‖."""

    kinds = ("gradient_estimate",)
    spec: GradientEstimateCheck

    def prepare(self) -> None:
        import numpy as np

        from calccourse.grading.protocol import Probe

        self.cases = []
        for probe in self.spec.probes:
            points = np.array(probe.points, dtype=float)
            gx = _lambdify(probe.expr, ["x", "y"], ["x"])(points[:, 0], points[:, 1])
            gy = _lambdify(probe.expr, ["x", "y"], ["y"])(points[:, 0], points[:, 1])
            gradients = np.column_stack([gx, gy])
            self.cases.append((Probe(probe.expr, ("x", "y")), points, gradients))

    def grade(self, session: LearnerSession) -> list[TestResult]:
        for probe, points, gradients in self.cases:
            rows = [[probe, float(x), float(y)] for x, y in points]
            results = session.call_many(self.spec.function, rows)
            problem = self._first_problem(session, rows, results, gradients)
            if problem is not None:
                return [problem]
        count = sum(len(case[1]) for case in self.cases)
        return [passed_result(self.spec, self.lang, say("gradient_passed", self.lang, function=self.spec.function,
                                                          functions=len(self.cases), count=count))]

    def _first_problem(self, session: LearnerSession, rows: list[list[Any]], results: list[Returned | CallFailure],
                       gradients: np.ndarray) -> TestResult | None:
        import numpy as np

        allowance = Allowance(atol=self.spec.rtol * np.linalg.norm(gradients, axis=1, keepdims=True) + 1e-9)
        got = np.full_like(gradients, np.nan)
        problems: dict[int, TestResult] = {}
        for index, (row, result) in enumerate(zip(rows, results, strict=True)):
            called = call_text(self.spec.function, row)
            if is_failure(result):
                return failure_result(self.spec, result, called=called, lang=self.lang,  # type: ignore[arg-type]
                                      defined=session.defined)
            numbers = flat_numbers(result)  # type: ignore[arg-type]
            if numbers is None or numbers.size != 2:
                mismatch = check_numeric(result, gradients[index], allowance)  # type: ignore[arg-type]
                if mismatch is not None:
                    return mismatch_result(self.spec, mismatch, called=called, lang=self.lang)
                continue  # e.g. a learner's type that only converts as a whole: judged below
            got[index] = numbers
            error = np.linalg.norm(numbers - gradients[index])
            if not error <= self.spec.rtol * np.linalg.norm(gradients[index]) + 1e-9:
                problems[index] = self._mismatch(numbers, gradients[index], called)
        if not problems:
            return None
        index = _simplest_failing(rows, list(problems))
        if not np.isfinite(got[index]).all():
            return problems[index]
        finding = _approximate_finding(got, gradients, allowance) if len(problems) == len(rows) else \
            _approximate_finding(got[index], gradients[index], Allowance(atol=allowance.atol[index]))
        note = ""
        if finding.diagnosis is Diagnosis.WRONG_VALUE and _last_angle_wins(got[index], gradients[index]):
            note = say("gradient_last_angle", self.lang)
        elif finding.diagnosis is Diagnosis.CONSTANT_FACTOR and abs(finding.detail or 0) < 0.01:
            note = say("gradient_divide_by_step", self.lang)
        elif finding.diagnosis is Diagnosis.WRONG_VALUE:
            note = self._accuracy_note(got[index], gradients[index])
        return self._mismatch(got[index], gradients[index], call_text(self.spec.function, rows[index]), finding, note)

    def _accuracy_note(self, got: np.ndarray, gradient: np.ndarray) -> str:
        """Why a nearly right estimate fails (how far off it is), or that a unit vector came back."""
        import numpy as np

        length = float(np.linalg.norm(gradient))
        if length == 0:
            return ""
        if abs(float(np.linalg.norm(got)) - 1) < 1e-3 and abs(length - 1) > 0.01 \
                and float(np.dot(got, gradient)) / length > 0.999:
            return say("gradient_unit_vector", self.lang)
        relative = float(np.linalg.norm(got - gradient)) / length
        if relative < 0.1:
            return say("gradient_not_accurate", self.lang, error=f"{100 * relative:.2g}%",
                       allowed=f"{100 * self.spec.rtol:g}%")
        return ""

    def _mismatch(self, got: np.ndarray, expected: np.ndarray, called: str,
                  finding: Finding | None = None, note: str = "") -> TestResult:
        from calccourse.grading.compare import Mismatch

        diagnosis = Diagnosis.NON_FINITE if not _finite(got) else Diagnosis.WRONG_VALUE
        mismatch = Mismatch(diagnosis, show(got), "≈ " + show(expected), "tuple")
        return mismatch_result(self.spec, mismatch, called=called, lang=self.lang,
                               finding=finding if diagnosis is Diagnosis.WRONG_VALUE else None, note=note)


def _finite(values: np.ndarray) -> bool:
    import numpy as np

    return bool(np.isfinite(values).all())


def _last_angle_wins(got: np.ndarray, gradient: np.ndarray) -> bool:
    """True when ``got`` points just below 360° (from the +x or the +y axis) and the true
    gradient does not: the direction search kept the last angle tried, not the best."""
    import numpy as np

    def just_below_full_turn(vector: np.ndarray) -> bool:
        for angle in (np.degrees(np.arctan2(vector[1], vector[0])), np.degrees(np.arctan2(vector[0], vector[1]))):
            if 358.0 <= angle % 360 < 360.0:
                return True
        return False

    return just_below_full_turn(got) and not just_below_full_turn(gradient)
