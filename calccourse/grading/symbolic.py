"""Exact comparison of a learner's symbolic answer with the reference, safely.

The child sends ``sympy.srepr`` text. :func:`parse_srepr` rebuilds it by walking the
syntax tree and calling only allow-listed SymPy constructors — never ``eval``. Then
:func:`compare_exactly` decides Equal / Different / Undecided under a time limit; an
undecided (or timed-out) comparison never counts as correct, it only defers to numbers.
"""

from __future__ import annotations

import ast
import math
import re
import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# Names a SymPy srepr of an honest answer uses: constructors (called) and constants (bare).
_CONSTRUCTORS = (
    "Symbol Integer Rational Float Add Mul Pow exp log sin cos tan cot sec csc asin acos atan "
    "atan2 sinh cosh tanh asinh acosh atanh sqrt Abs sign Piecewise Heaviside "
    "DiracDelta Max Min floor ceiling erf StrictGreaterThan StrictLessThan GreaterThan LessThan "
    "Equality Unequality And Or Not Tuple ImmutableDenseMatrix MutableDenseMatrix "
    "ImmutableMatrix Matrix"
).split()
_CONSTANTS = "pi E I oo zoo nan true false".split()
_MAX_INTEGER_DIGITS = 60
_MAX_NUMERIC_EXPONENT = 1000


class NotSymbolic(ValueError):
    """The text is not an allow-listed SymPy expression."""


@dataclass(frozen=True)
class Equal:
    """The learner's expression is exactly the reference (up to a constant, if asked)."""


@dataclass(frozen=True)
class Different:
    """Provably different: ``difference`` = learner − reference, nonzero at some point."""

    difference: Any


@dataclass(frozen=True)
class Undecided:
    """SymPy could not tell in time: fall back to the numeric verdict."""


Verdict = Equal | Different | Undecided


def parse_srepr(text: str) -> Any:
    """The SymPy object ``text`` describes (an expression, Matrix, Tuple or list), or
    :class:`NotSymbolic` if it uses anything outside the allow-list."""
    import sympy

    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise NotSymbolic(f"not parseable: {error}") from None
    from sympy.functions.elementary.piecewise import ExprCondPair

    names = {name: getattr(sympy, name) for name in _CONSTRUCTORS} | {"ExprCondPair": ExprCondPair}
    constants = {name: getattr(sympy, name) for name in _CONSTANTS if name not in ("true", "false")}
    constants |= {"true": sympy.true, "false": sympy.false}
    try:
        return _build(tree.body, names, constants)
    except NotSymbolic:
        raise
    except RecursionError:
        raise NotSymbolic("nested too deeply") from None
    except (TypeError, ValueError, AttributeError, ArithmeticError) as error:
        raise NotSymbolic(f"SymPy rejected it: {error}") from None


def _build(node: ast.AST, names: Mapping[str, Callable[..., Any]], constants: Mapping[str, Any]) -> Any:
    match node:
        case ast.Constant(value=str() | float() | bool() | None as value):
            return value
        case ast.Constant(value=int() as value):
            if len(str(abs(value))) > _MAX_INTEGER_DIGITS:
                raise NotSymbolic("an integer too large to be an honest answer")
            return value
        case ast.UnaryOp(op=ast.USub(), operand=operand):
            value = _build(operand, names, constants)
            if value is constants["oo"] or isinstance(value, int | float):
                return -value
            raise NotSymbolic("minus applied to something other than a number")
        case ast.Name(id=name) if name in constants:
            return constants[name]
        case ast.List(elts=items) | ast.Tuple(elts=items):
            return [_build(item, names, constants) for item in items]
        case ast.Call(func=ast.Name(id=name), args=args, keywords=keywords) if name in names:
            built_args = [_build(arg, names, constants) for arg in args]
            built_keywords = {}
            for keyword in keywords:
                if keyword.arg is None or not isinstance(keyword.value, ast.Constant):
                    raise NotSymbolic("only constant keyword arguments are allowed")
                built_keywords[keyword.arg] = keyword.value.value
            _refuse_huge_power(name, built_args)
            return names[name](*built_args, **built_keywords)
    raise NotSymbolic(f"{type(node).__name__} is not allowed in a symbolic answer")


def _refuse_huge_power(name: str, args: list[Any]) -> None:
    """Pow(10, 10**50) would make the parent compute a giant number: refuse it."""
    if name == "Pow" and len(args) == 2:
        base, exponent = args
        if getattr(base, "is_Number", False) and getattr(exponent, "is_Integer", False) \
                and abs(int(exponent)) > _MAX_NUMERIC_EXPONENT:
            raise NotSymbolic("a numeric power too large to be an honest answer")


def elements(value: Any) -> list[Any] | None:
    """The entries of a scalar expression, Tuple, list or Matrix, in row-major order;
    None when an entry is not a SymPy expression."""
    import sympy

    if isinstance(value, sympy.MatrixBase):
        items = list(value)
    elif isinstance(value, list | tuple | sympy.Tuple):
        items = []
        for item in value:
            inner = elements(item)
            if inner is None:
                return None
            items.extend(inner)
    else:
        items = [value]
    return items if all(isinstance(item, sympy.Expr) for item in items) else None


def can_limit_time() -> bool:
    """SIGALRM can only interrupt the main thread."""
    return threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError after ``seconds`` (main thread only; elsewhere no limit is set,
    so callers keep to the cheap steps there)."""
    if not can_limit_time():
        yield
        return

    armed = [True]

    def _expired(signum: int, frame: object) -> None:
        if armed[0]:
            raise TimeoutError

    previous = signal.signal(signal.SIGALRM, _expired)
    # Keep firing every 50 ms after the deadline: an exception raised where Python swallows
    # it (e.g. inside a garbage-collector callback) must not let the work run on unbounded.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def compare_exactly(got: Any, expected: Any, variables: Sequence[Any], *, up_to_constant: bool = False,
                    domain: Mapping[str, tuple[float, float]] | None = None, tolerance: float = 1e-8,
                    seconds: float = 2.0) -> Verdict:
    """Whether the learner's SymPy value ``got`` equals ``expected`` (entrywise for
    vectors/matrices). Float coefficients are snapped to nearby rationals within
    ``tolerance``; with ``up_to_constant`` a constant difference counts as equal.
    A difference is only reported when it is nonzero at a sample point of ``domain``."""
    import sympy

    got_items, expected_items = elements(got), elements(expected)
    if got_items is None or expected_items is None or len(got_items) != len(expected_items):
        return Undecided()
    timed = can_limit_time()
    full_steps = (sympy.expand, sympy.cancel, sympy.simplify) if timed else (sympy.expand,)
    differences = []
    try:
        with time_limit(seconds):
            for got_item, expected_item in zip(got_items, expected_items, strict=True):
                if got_item.has(sympy.Float):
                    got_item = sympy.nsimplify(got_item, tolerance=tolerance, rational=True)
                difference = got_item - expected_item
                # Without a time limit (not the main thread) even expand/cancel can run for minutes
                # on transcendental answers: only polynomial differences are simplified there.
                exact_steps = full_steps if timed or difference.is_polynomial(*variables) else ()
                if up_to_constant and _is_constant(difference, variables, exact_steps):
                    difference = sympy.Integer(0)
                for step in exact_steps:
                    if difference == 0:
                        break
                    difference = step(difference)
                differences.append(sympy.expand(difference) if difference.is_polynomial(*variables)
                                   else difference)
    except (TimeoutError, RecursionError, TypeError, ValueError, ArithmeticError, AttributeError):
        return Undecided()
    if all(difference == 0 for difference in differences):
        return Equal()
    if any(_nonzero_somewhere(difference, variables, domain or {}, tolerance) for difference in differences):
        shape = getattr(expected, "shape", None)
        if len(differences) == 1:
            return Different(differences[0])
        return Different(sympy.Matrix(differences).reshape(*shape) if shape else sympy.Matrix(differences))
    return Undecided()


def _is_constant(difference: Any, variables: Sequence[Any], steps: Sequence[Callable[[Any], Any]]) -> bool:
    for variable in variables:
        derivative = difference.diff(variable)
        for step in steps:
            if derivative == 0:
                break
            derivative = step(derivative)
        if derivative != 0:
            return False
    return True


def _nonzero_somewhere(difference: Any, variables: Sequence[Any], domain: Mapping[str, tuple[float, float]],
                       tolerance: float) -> bool:
    """True if ``difference`` is clearly nonzero at one of a few points: inside the domain,
    then in a ten-times wider range (where the variable's assumptions allow)."""
    import random

    import sympy

    generator = random.Random(0)
    for attempt in range(12):
        point = {}
        for variable in variables:
            low, high = domain.get(str(variable), (0.1, 3.0) if variable.is_positive else (-3.0, 3.0))
            if attempt >= 6:
                width = high - low
                low, high = low - 10 * width, high + 10 * width
                if variable.is_positive:
                    low = max(low, 1e-3)
            point[variable] = generator.uniform(low, high)
        try:
            # xreplace with 30-digit Floats, then evalf: evalf(subs=...) can take minutes on
            # transcendental expressions (it substitutes symbolically at every step).
            value = complex(difference.xreplace({v: sympy.Float(x, 30) for v, x in point.items()}).evalf())
        except (TypeError, ValueError, ArithmeticError):
            continue
        if math.isfinite(abs(value)) and abs(value) > tolerance * 100:
            return True
    return False


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def unicode_text(expression: Any) -> str:
    """A one-line Unicode rendering: ``3·x² − 4·x``."""
    import sympy

    if isinstance(expression, sympy.MatrixBase):
        rows = [", ".join(unicode_text(item) for item in expression.row(i)) for i in range(expression.rows)]
        return "[" + "; ".join(rows) + "]"
    text = sympy.sstr(expression)
    text = re.sub(r"\*\*(?:\((-\d+)\)|(\d+)(?![\d.]))",
                  lambda match: (match.group(1) or match.group(2)).translate(_SUPERSCRIPTS), text)
    text = text.replace("**", "^").replace("*", "·")
    return text.replace(" - ", " − ")


def signed_text(expression: Any) -> str:
    """``+2·x`` or ``−2·x``: the difference as it reads after 'differs by'."""
    text = unicode_text(expression)
    if text.startswith("-"):
        return "−" + text[1:]
    return "+" + text if not text.startswith("[") else text
