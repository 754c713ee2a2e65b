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
    from collections.abc import Callable

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
        self.functions = [sympy.lambdify(sympy.Symbol(probe.var), sympy.sympify(probe.expr), "math")
                          for probe in self.spec.probes]

    def grade(self, session: LearnerSession) -> list[TestResult]:
        from calccourse.grading.protocol import Probe

        for probe, expected, function in zip(self.spec.probes, self.expected, self.functions, strict=True):
            args = [Probe(probe.expr, (probe.var,)), probe.lo, probe.hi]
            called = call_text(self.spec.function, args)
            got = session.call(self.spec.function, args)
            if is_failure(got):
                return [failure_result(self.spec, got, called=called, lang=self.lang,  # type: ignore[arg-type]
                                       defined=session.defined)]
            problem = self._judge(got, expected, called, function)  # type: ignore[arg-type]
            if problem is not None:
                return [problem]
        count = sum(len(expected) for expected in self.expected)
        return [passed_result(self.spec, self.lang, say("critical_passed", self.lang, function=self.spec.function,
                                                          probes=len(self.spec.probes), count=count))]

    def _judge(self, got: Returned, expected: list[tuple[str, float]], called: str,
               function: Callable[[float], float]) -> TestResult | None:
        import numpy as np

        shown_expected = "[" + ", ".join(text for text, _ in expected) + "]"
        if _are_pairs(got, function):
            message = say("critical_pairs", self.lang, called=called, got=show_returned(got),
                          expected=shown_expected)
            return self._fail(Diagnosis.WRONG_SHAPE, message, called, shown_expected, show_returned(got))
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
            shown = ", ".join(f"{value:.6g}" for value in extra[:_LISTED])
            if len(extra) > _LISTED:
                shown += say("and_more", self.lang, count=len(extra))
            message += say("separator", self.lang) + say("critical_extra", self.lang, points=shown)
        near_miss = self._near_miss(missing, extra, atol)
        if near_miss:
            message += say("separator", self.lang) + near_miss
        elif extra and all(_is_zero_of(function, value) for value in extra):
            message += say("separator", self.lang) + say("critical_zeros_of_f", self.lang)
        diagnosis = Diagnosis.MISSING_POINTS if missing else Diagnosis.EXTRA_POINTS
        return self._fail(diagnosis, message, called, shown_expected, show(values))

    def _near_miss(self, missing: list[tuple[str, float]], extra: list[float], atol: float) -> str:
        """Why a missing point was missed when returned values lie near it: one value not precise
        enough, or a crowd of them (a threshold on |f′| without refining); '' otherwise."""
        for text, value in missing:
            near = [v for v in extra if abs(v - value) <= _NEAR * max(1.0, abs(value))]
            if len(near) > 1:
                return say("critical_cluster", self.lang, count=len(near), point=_exact_and_decimal(text, value))
            if near:
                return say("critical_imprecise", self.lang, got=f"{near[0]:.6g}", point=_exact_and_decimal(text, value),
                           distance=f"{abs(near[0] - value):.2g}", atol=f"{atol:g}")
        return ""

    def _fail(self, diagnosis: Diagnosis, message: str, called: str, expected: str, got: str) -> TestResult:
        return failed_result(self.spec, self.lang, diagnosis, message, Evidence(called, expected, got))


def _are_pairs(got: Returned, function: Callable[[float], float]) -> bool:
    """True for rows (x, f(x)) or (x, f′(x) ≈ 0) where only the x were asked for."""
    array = got.array
    if array is None or array.ndim != 2 or array.shape[0] < 2 or array.shape[1] != 2:
        return False
    try:
        values = [function(x) for x in array[:, 0]]
    except (ValueError, ArithmeticError):
        return False
    return all(abs(y - value) < 1e-6 * max(1.0, abs(value)) or abs(y) < 1e-6
               for y, value in zip(array[:, 1], values, strict=True))


def _is_zero_of(function: Callable[[float], float], x: float) -> bool:
    """True when function(x) ≈ 0, i.e. x is a root of f itself rather than of f′."""
    try:
        return abs(function(x)) < 1e-6
    except (ValueError, ArithmeticError):
        return False


_LISTED = 8  # extra points named in a message
_NEAR = 0.05  # a returned value this close (relative, at least absolute) to a missing point is meant for it


def _exact_and_decimal(text: str, value: float) -> str:
    """'0' stays '0'; '4/3' reads '4/3 ≈ 1.33333'."""
    try:
        float(text)
    except ValueError:
        return f"{text} ≈ {value:.6g}"
    return text


# --- classification --------------------------------------------------------------------

_TEXT_TYPES = ("str", "str_")  # Python's str and numpy's string scalar (e.g. an item of np.array(["minimum"]))

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
        if got.pytype not in _TEXT_TYPES or got.text is None:
            key = "returned_none" if got.pytype == "NoneType" else "classification_not_text"
            shown = str(bool(got.array)) if got.pytype in ("bool", "bool_") and got.array is not None \
                else show_returned(got)
            message = say(key, self.lang, called=called, got=shown, pytype=got.pytype, expected=shown_expected)
            return failed_result(self.spec, self.lang, Diagnosis.WRONG_TYPE, message,
                                 Evidence(called, shown_expected, shown))
        word = got.text.strip().lower()
        if word == expected:
            return None
        message = say("mismatch", self.lang, called=called, got=repr(got.text), expected=shown_expected)
        if expected in word.split() or (len(word) >= 3 and expected.startswith(word)):
            message += say("separator", self.lang) + say("classification_exact_word", self.lang, expected=expected)
        return failed_result(self.spec, self.lang, Diagnosis.WRONG_VALUE, message,
                             Evidence(called, shown_expected, repr(got.text)))
