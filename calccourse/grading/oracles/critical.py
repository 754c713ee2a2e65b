"""Oracles for lesson 6: where func′ = 0 (``critical_points``) and what kind of point it is
(``classification``)."""

from __future__ import annotations

import ast
import math
import re
from typing import TYPE_CHECKING

from calccourse.grading.compare import call_text, is_failure, show, show_returned
from calccourse.grading.diagnose import failed_result, failure_result, passed_result
from calccourse.grading.messages import say
from calccourse.grading.model import Diagnosis, Evidence, TestResult
from calccourse.grading.oracles.base import Oracle, register

if TYPE_CHECKING:
    import numpy as np

    from calccourse.grading.protocol import Returned
    from calccourse.grading.sandbox import LearnerSession
    from calccourse.grading.specs import ClassificationCheck, CriticalPointsCheck


# --- reading a collection of numbers, however it came back ------------------------------

_NUMPY_SCALAR = re.compile(r"\b(?:np|numpy)\.(?:u?int|float)\d*\(([^()]*)\)")
_CONSTANTS = {"pi": math.pi, "E": math.e}
_FUNCTIONS = {"sqrt": math.sqrt, "Integer": int, "Rational": lambda p, q=1: p / q, "Float": float,
              "int": int, "float": float}
_OPERATORS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
              ast.Div: lambda a, b: a / b, ast.Pow: lambda a, b: a ** b}


def returned_numbers(got: Returned) -> np.ndarray | None:
    """The numbers in a returned list, tuple, array, set or SymPy ``FiniteSet`` as a 1-D array;
    None when it is not a flat collection of numbers.

    Sets reach the parent only as their text, e.g. ``{0, 4/3}`` or ``{np.int64(2)}``; that
    text is read by a small AST walk that allows numbers, ``pi``, ``E``, arithmetic and
    ``sqrt`` — never by ``eval``.
    """
    import numpy as np

    if got.pytype == "NoneType":
        return None
    if got.array is not None:
        array = np.asarray(got.array, dtype=float)
        if array.ndim == 1 or (array.ndim == 2 and 1 in array.shape):
            return array.ravel()
        return None
    if got.items is not None or got.text is None or got.pytype == "str":
        return None
    values = _numbers_in_text(got.text)
    return None if values is None else np.asarray(values, dtype=float)


def flat_numbers(got: Returned) -> np.ndarray | None:
    """Every number in ``got`` in order, e.g. (a, b, c), [[a, b, c]] or (array([a, b]), c)."""
    import numpy as np

    if got.pytype == "NoneType":
        return None
    if got.array is not None:
        return np.asarray(got.array, dtype=float).ravel()
    if got.items is not None:
        parts = [flat_numbers(item) for item in got.items]
        if any(part is None for part in parts):
            return None
        return np.concatenate(parts) if parts else np.empty(0)  # type: ignore[arg-type]
    return None


def _numbers_in_text(text: str) -> list[float] | None:
    text = text.strip()
    if text in ("EmptySet", "set()", "frozenset()"):
        return []
    text = _NUMPY_SCALAR.sub(r"\1", text)
    text = re.sub(r"^frozenset\((.*)\)$", r"\1", text)
    try:
        tree = ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError):
        return None
    if not isinstance(tree, ast.Set | ast.List | ast.Tuple):
        return None
    try:
        return [float(_evaluate(node)) for node in tree.elts]
    except (ValueError, TypeError, ArithmeticError):
        return None


def _evaluate(node: ast.AST) -> float:
    """A number from an allow-listed expression node; ValueError for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Name) and node.id in _CONSTANTS:
        return _CONSTANTS[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _evaluate(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > 64:
            raise ValueError("exponent too large")
        return _OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS \
            and not node.keywords and len(node.args) <= 2:
        return _FUNCTIONS[node.func.id](*(_evaluate(arg) for arg in node.args))
    raise ValueError("not a number")


# --- critical points -------------------------------------------------------------------

@register
class CriticalPointsOracle(Oracle):
    """``critical_points(func, lo, hi)``: the x in [lo, hi] where func′(x) = 0, as a set."""

    kinds = ("critical_points",)
    spec: CriticalPointsCheck

    def prepare(self) -> None:
        import sympy

        self.expected = [[(text, float(sympy.sympify(text))) for text in probe.expected]
                         for probe in self.spec.probes]

    def grade(self, session: LearnerSession) -> list[TestResult]:
        from calccourse.grading.protocol import Probe

        for probe, expected in zip(self.spec.probes, self.expected, strict=True):
            args = [Probe(probe.expr, (probe.var,)), probe.lo, probe.hi]
            called = call_text(self.spec.function, args)
            got = session.call(self.spec.function, args)
            if is_failure(got):
                return [failure_result(self.spec, got, called=called, lang=self.lang,  # type: ignore[arg-type]
                                       defined=session.defined)]
            problem = self._judge(got, expected, called)  # type: ignore[arg-type]
            if problem is not None:
                return [problem]
        count = sum(len(expected) for expected in self.expected)
        return [passed_result(self.spec, self.lang, say("critical_passed", self.lang, function=self.spec.function,
                                                          probes=len(self.spec.probes), count=count))]

    def _judge(self, got: Returned, expected: list[tuple[str, float]], called: str) -> TestResult | None:
        import numpy as np

        shown_expected = "[" + ", ".join(text for text, _ in expected) + "]"
        values = returned_numbers(got)
        if values is None:
            key = "returned_none" if got.pytype == "NoneType" else "critical_not_a_list"
            message = say(key, self.lang, called=called, got=show_returned(got), pytype=got.pytype,
                          expected=shown_expected)
            return self._fail(Diagnosis.WRONG_TYPE, message, called, shown_expected, show_returned(got))
        if not np.isfinite(values).all():
            message = say("mismatch", self.lang, called=called, got=show(values), expected=shown_expected) \
                + say("colon", self.lang) + say("explain_non_finite", self.lang)
            return self._fail(Diagnosis.NON_FINITE, message, called, shown_expected, show(values))
        atol = self.spec.atol
        missing = [(text, value) for text, value in expected if not np.any(np.abs(values - value) <= atol)]
        extra = sorted({float(v) for v in values if not any(abs(v - value) <= atol for _, value in expected)})
        if not missing and not extra:
            return None
        message = say("mismatch", self.lang, called=called, got=show(values), expected=shown_expected)
        if missing:
            shown = ", ".join(_exact_and_decimal(text, value) for text, value in missing)
            message += say("separator", self.lang) + say("critical_missing", self.lang, points=shown)
        if extra:
            shown = ", ".join(f"{value:.6g}" for value in extra)
            message += say("separator", self.lang) + say("critical_extra", self.lang, points=shown)
        diagnosis = Diagnosis.MISSING_POINTS if missing else Diagnosis.EXTRA_POINTS
        return self._fail(diagnosis, message, called, shown_expected, show(values))

    def _fail(self, diagnosis: Diagnosis, message: str, called: str, expected: str, got: str) -> TestResult:
        return failed_result(self.spec, self.lang, diagnosis, message, Evidence(called, expected, got))


def _exact_and_decimal(text: str, value: float) -> str:
    """'0' stays '0'; '4/3' reads '4/3 ≈ 1.33333'."""
    try:
        float(text)
    except ValueError:
        return f"{text} ≈ {value:.6g}"
    return text


# --- classification --------------------------------------------------------------------

@register
class ClassificationOracle(Oracle):
    """``classify_critical_point(func, x0)``: "minimum", "maximum" or "neither"."""

    kinds = ("classification",)
    spec: ClassificationCheck

    def prepare(self) -> None:
        import sympy

        self.points = [float(sympy.sympify(probe.at)) for probe in self.spec.probes]

    def grade(self, session: LearnerSession) -> list[TestResult]:
        from calccourse.grading.protocol import Probe

        for probe, x0 in zip(self.spec.probes, self.points, strict=True):
            args = [Probe(probe.expr, (probe.var,)), x0]
            called = call_text(self.spec.function, args)
            got = session.call(self.spec.function, args)
            if is_failure(got):
                return [failure_result(self.spec, got, called=called, lang=self.lang,  # type: ignore[arg-type]
                                       defined=session.defined)]
            problem = self._judge(got, probe.expected, called)  # type: ignore[arg-type]
            if problem is not None:
                return [problem]
        return [passed_result(self.spec, self.lang, say("classification_passed", self.lang,
                                                          function=self.spec.function,
                                                          count=len(self.spec.probes)))]

    def _judge(self, got: Returned, expected: str, called: str) -> TestResult | None:
        shown_expected = repr(expected)
        if got.pytype != "str" or got.text is None:
            key = "returned_none" if got.pytype == "NoneType" else "classification_not_text"
            message = say(key, self.lang, called=called, got=show_returned(got), pytype=got.pytype,
                          expected=shown_expected)
            return failed_result(self.spec, self.lang, Diagnosis.WRONG_TYPE, message,
                                 Evidence(called, shown_expected, show_returned(got)))
        if got.text.strip().lower() == expected:
            return None
        message = say("mismatch", self.lang, called=called, got=repr(got.text), expected=shown_expected)
        return failed_result(self.spec, self.lang, Diagnosis.WRONG_VALUE, message,
                             Evidence(called, shown_expected, repr(got.text)))
