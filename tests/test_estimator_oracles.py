"""Oracles for estimators that take a function: rate_of_change (lesson 1), cumulative_area
(lesson 2) and numeric_gradient (lesson 3)."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from answer_files import ANSWERS, diagnosis_in_name
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from calccourse.content.loader import load_lesson
from calccourse.grading.child import encode_value
from calccourse.grading.model import Diagnosis, Status
from calccourse.grading.oracles.base import oracle_for
from calccourse.grading.protocol import decode_returned



def _numeric(probe):
    symbols = [sympy.Symbol(name, real=True) for name in probe.variables]
    expression = sympy.sympify(probe.expr, locals={str(s): s for s in symbols})
    return sympy.lambdify(symbols, expression, "numpy")


class ScriptedSession:
    """Stands in for a LearnerSession: ``answer`` runs here with each probe turned into a numpy
    function, and its results are encoded exactly as the child process would encode them."""

    defined: list[str] = []

    def __init__(self, answer):
        self.answer = answer

    def _run(self, args):
        try:
            value = self.answer(*[_numeric(a) if hasattr(a, "expr") else a for a in args])
        except TypeError as error:
            from calccourse.grading.protocol import CallFailure

            return CallFailure(Diagnosis.EXCEPTION, f"TypeError: {error}")
        return decode_returned(encode_value(value))

    def call(self, function, args):
        return self._run(args)

    def call_many(self, function, rows):
        return [self._run(row) for row in rows]


def _graded(lesson: int, kind: str, answer, lang="en"):
    check = next(check for check in load_lesson(lesson).checks if check.kind == kind)
    oracle = oracle_for(check, lang)
    oracle.prepare()
    [result] = oracle.grade(ScriptedSession(answer))
    return result


# --- rate_of_change ----------------------------------------------------------------------

QUOTIENTS = {
    "forward": lambda func, x, dx: (func(x + dx) - func(x)) / dx,
    "backward": lambda func, x, dx: (func(x) - func(x - dx)) / dx,
    "central": lambda func, x, dx: (func(x + dx) - func(x - dx)) / (2 * dx),
}


@pytest.mark.parametrize("name", QUOTIENTS)
def test_forward_backward_and_central_differences_all_pass(name):
    assert _graded(1, "difference_quotient", QUOTIENTS[name]).status is Status.PASS


def test_a_reversed_difference_is_a_sign_flip():
    result = _graded(1, "difference_quotient", lambda func, x, dx: (func(x) - func(x + dx)) / dx)
    assert result.diagnosis is Diagnosis.SIGN_FLIP
    assert result.message.startswith("rate_of_change(lambda x: x**3 - 2*x**2 + 1, ")


def test_forgetting_to_divide_by_dx_is_constant_factor_dx_with_a_hint():
    result = _graded(1, "difference_quotient", lambda func, x, dx: func(x + dx) - func(x))
    assert result.diagnosis is Diagnosis.CONSTANT_FACTOR
    assert "0.0001 times the right value" in result.message and "divide by dx" in result.message


@settings(max_examples=15, deadline=None)
@given(st.floats(0.05, 50).filter(lambda k: abs(k - 1) > 0.05))
def test_a_quotient_k_times_too_large_is_constant_factor(k):
    result = _graded(1, "difference_quotient", lambda func, x, dx: k * QUOTIENTS["central"](func, x, dx))
    assert result.diagnosis is Diagnosis.CONSTANT_FACTOR


def test_a_quotient_off_by_far_more_than_first_order_error_fails():
    result = _graded(1, "difference_quotient", lambda func, x, dx: QUOTIENTS["central"](func, x, dx) + 0.01)
    assert result.status is Status.FAIL


def test_a_quotient_that_only_works_on_single_numbers_fails_the_array_call():
    def scalar_only(func, x, dx):
        if isinstance(x, np.ndarray) and x.ndim:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        return QUOTIENTS["forward"](func, x, dx)

    result = _graded(1, "difference_quotient", scalar_only)
    assert result.diagnosis is Diagnosis.EXCEPTION
    assert "numpy array" in result.message


# --- cumulative_area ---------------------------------------------------------------------

def _left(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs) * dx)


def _right_sum(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.concatenate([[0.0], np.cumsum(func(xs[1:]) * dx)])


def _trapezoid(func, start, stop, dx):
    from scipy.integrate import cumulative_trapezoid

    xs = np.arange(start, stop, dx)
    return xs, cumulative_trapezoid(func(xs), xs, initial=0)


@pytest.mark.parametrize("rule", [_left, _right_sum, _trapezoid], ids=["left", "right", "trapezoid"])
def test_left_right_and_trapezoid_sums_all_pass(rule):
    assert _graded(2, "cumulative_area", rule).status is Status.PASS


def test_the_reference_areas_are_integrals_from_start():
    from scipy.integrate import quad

    check = next(check for check in load_lesson(2).checks if check.kind == "cumulative_area")
    oracle = oracle_for(check, "en")
    oracle.prepare()
    for probe, case in zip(check.probes, oracle.cases):
        func = _numeric(type("P", (), {"expr": probe.expr, "variables": (probe.var,)}))
        for index in (1, len(case.xs) // 2, len(case.xs) - 1):
            assert case.areas[index] == pytest.approx(quad(func, probe.start, case.xs[index])[0], rel=1e-9, abs=1e-9)


def test_forgetting_dx_is_constant_factor_one_over_dx():
    result = _graded(2, "cumulative_area", lambda func, start, stop, dx: (
        np.arange(start, stop, dx), np.cumsum(func(np.arange(start, stop, dx)))))
    assert result.diagnosis is Diagnosis.CONSTANT_FACTOR
    assert "10 times the right value" in result.message and "multiply by dx" in result.message


def test_areas_from_an_antiderivative_without_subtracting_its_start_are_off_by_that_constant():
    def antiderivative_values(func, start, stop, dx):
        xs, areas = _trapezoid(func, start, stop, dx)
        return xs, areas + 7.5

    result = _graded(2, "cumulative_area", antiderivative_values)
    assert result.diagnosis is Diagnosis.OFF_BY_CONSTANT
    assert "subtract F(start)" in result.message


def test_returning_the_derivative_is_differentiated_instead():
    result = _graded(2, "cumulative_area", lambda func, start, stop, dx: (
        np.arange(start, stop, dx), np.gradient(func(np.arange(start, stop, dx)), dx)))
    assert result.diagnosis is Diagnosis.DIFFERENTIATED_INSTEAD


@pytest.mark.parametrize(("answer", "diagnosis"), [
    (lambda func, start, stop, dx: None, Diagnosis.WRONG_TYPE),
    (lambda func, start, stop, dx: _left(func, start, stop, dx)[1], Diagnosis.WRONG_TYPE),
    (lambda func, start, stop, dx: _left(func, start, stop + dx, dx), Diagnosis.WRONG_SHAPE),
    (lambda func, start, stop, dx: _left(func, start, stop, dx)[::-1], Diagnosis.SWAPPED_COLUMNS),
    (lambda func, start, stop, dx: (np.arange(start, stop, dx) + dx / 2, _left(func, start, stop, dx)[1]),
     Diagnosis.WRONG_VALUE),
    (lambda func, start, stop, dx: (np.arange(start, stop, dx), _left(func, start, stop, dx)[1] / 0),
     Diagnosis.NON_FINITE),
])
def test_malformed_pairs_are_diagnosed_before_areas(answer, diagnosis):
    with np.errstate(divide="ignore", invalid="ignore"):
        assert _graded(2, "cumulative_area", answer).diagnosis is diagnosis


# --- numeric_gradient --------------------------------------------------------------------

def _exact_gradient(func, x, y):
    h = 1e-6
    return ((func(x + h, y) - func(x - h, y)) / (2 * h), (func(x, y + h) - func(x, y - h)) / (2 * h))


def _direction_search(func, x, y, *, last_angle_wins=False):
    step, angles = 1e-4, np.radians(np.arange(0, 360, 0.1))
    rates = (func(x + step * np.cos(angles), y + step * np.sin(angles)) - func(x, y)) / step
    best = len(angles) - 1 if last_angle_wins else int(np.argmax(rates))
    return rates[best] * np.cos(angles[best]), rates[best] * np.sin(angles[best])


def test_a_direction_search_in_tenth_of_a_degree_steps_passes():
    assert _graded(3, "gradient_estimate", _direction_search).status is Status.PASS


@pytest.mark.parametrize(("scale", "status"), [(1 + 5e-4, Status.PASS), (1 + 3e-3, Status.FAIL)])
def test_gradient_tolerance_is_relative_to_the_gradient_length(scale, status):
    answer = lambda func, x, y: tuple(scale * g for g in _exact_gradient(func, x, y))  # noqa: E731
    assert _graded(3, "gradient_estimate", answer).status is status


@pytest.mark.parametrize(("answer", "diagnosis"), [
    (lambda func, x, y: _exact_gradient(func, x, y)[::-1], Diagnosis.SWAPPED_COLUMNS),
    (lambda func, x, y: tuple(-g for g in _exact_gradient(func, x, y)), Diagnosis.SIGN_FLIP),
    (lambda func, x, y: None, Diagnosis.WRONG_TYPE),
    (lambda func, x, y: _exact_gradient(func, x, y)[0], Diagnosis.WRONG_SHAPE),
    (lambda func, x, y: (float("nan"), 1.0), Diagnosis.NON_FINITE),
])
def test_numeric_gradient_mistakes_are_named(answer, diagnosis):
    assert _graded(3, "gradient_estimate", answer).diagnosis is diagnosis


def test_keeping_the_last_angle_instead_of_the_best_is_pointed_out():
    result = _graded(3, "gradient_estimate", functools.partial(_direction_search, last_angle_wins=True))
    assert result.diagnosis is Diagnosis.WRONG_VALUE
    assert "359.9°" in result.message and "`if`" in result.message
    assert "359.9°" in _graded(3, "gradient_estimate", functools.partial(_direction_search, last_angle_wins=True),
                               lang="zh").message


# --- graded answer files -----------------------------------------------------------------

MINE = {1: ("_rate_", "rate_of_change"), 2: ("_area_", "cumulative_area"), 3: ("_numeric_", "numeric_gradient")}
FILES = [(lesson, path.name) for lesson, (tag, _) in MINE.items()
         for path in sorted((ANSWERS / f"lesson{lesson}").glob("*.py")) if tag in path.name]


@pytest.mark.parametrize(("lesson", "name"), [file for file in FILES if file[1].startswith("good_")])
def test_good_answer_passes_every_check(lesson, name, grade_answer):
    report = grade_answer(lesson, name)
    assert report.status is Status.PASS, [test.message for test in report.tests if test.status is not Status.PASS]


@pytest.mark.parametrize(("lesson", "name"), [file for file in FILES if file[1].startswith("bad_")])
def test_bad_answer_fails_one_check_with_the_diagnosis_in_its_name(lesson, name, grade_answer):
    failed = [test for test in grade_answer(lesson, name).tests if test.status is not Status.PASS]
    assert [test.diagnosis for test in failed] == [diagnosis_in_name(name)], [test.message for test in failed]
    assert failed[0].function == MINE[lesson][1]
