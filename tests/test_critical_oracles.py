"""The lesson 6 oracles: critical points as a set, and naming their kind."""

from __future__ import annotations


import numpy as np
import pytest
from answer_files import ANSWERS as ANSWER_ROOT
from answer_files import diagnosis_in_name
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from calccourse.content.loader import load_lesson
from calccourse.grading.child import encode_value
from calccourse.grading.model import Diagnosis, Status
from calccourse.grading.oracles.base import oracle_for
from calccourse.grading.oracles.critical import returned_numbers
from calccourse.grading.protocol import Returned, decode_returned

ANSWERS = ANSWER_ROOT / "lesson6"


class ScriptedSession:
    """Stands in for a LearnerSession: ``answer(probe, *args)`` gives each call's value,
    encoded as the child process would encode it."""

    defined = ["dlog", "critical_points", "classify_critical_point"]

    def __init__(self, answer):
        self.answer = answer

    def call(self, function, args):
        return decode_returned(encode_value(self.answer(*args)))


def _check(kind: str):
    return next(check for check in load_lesson(6).checks if check.kind == kind)


def _graded(kind: str, answer, lang="en"):
    oracle = oracle_for(_check(kind), lang)
    oracle.prepare()
    [result] = oracle.grade(ScriptedSession(answer))
    return result


def _true_points(probe) -> list[float]:
    x = sympy.Symbol(probe.var, real=True)
    roots = sympy.solveset(sympy.diff(sympy.sympify(probe.expr, locals={probe.var: x}), x), x,
                           sympy.Interval(probe.lo, probe.hi))
    return sorted(float(root) for root in roots)


def test_expected_critical_points_in_the_lesson_are_where_the_derivative_vanishes():
    for probe in _check("critical_points").probes:
        assert np.allclose(_true_points(probe), sorted(float(sympy.sympify(v)) for v in probe.expected))


def test_expected_kinds_in_the_lesson_follow_the_first_nonzero_derivative():
    for probe in _check("classification").probes:
        x = sympy.Symbol(probe.var, real=True)
        expression, at = sympy.sympify(probe.expr, locals={probe.var: x}), sympy.sympify(probe.at)
        assert sympy.diff(expression, x).subs(x, at) == 0
        order, value = next((n, sympy.diff(expression, x, n).subs(x, at)) for n in range(2, 9)
                            if sympy.diff(expression, x, n).subs(x, at) != 0)
        kind = "neither" if order % 2 else ("minimum" if value > 0 else "maximum")
        assert kind == probe.expected


@pytest.mark.parametrize(("value", "numbers"), [
    ({0, 4 / 3}, [0, 4 / 3]),
    ({np.int64(2), np.float64(0.5)}, [0.5, 2]),
    (frozenset({1.5}), [1.5]),
    (set(), []),
    (sympy.FiniteSet(sympy.pi / 2, 3 * sympy.pi / 2), [np.pi / 2, 3 * np.pi / 2]),
    (sympy.FiniteSet(0, sympy.Rational(4, 3), sympy.sqrt(2)), [0, 4 / 3, 2 ** 0.5]),
    (sympy.EmptySet, []),
    ([0.0, 1.0], [0, 1]),
    (np.array([[0.0], [1.0]]), [0, 1]),
])
def test_returned_numbers_reads_lists_arrays_and_every_kind_of_set(value, numbers):
    found = returned_numbers(decode_returned(encode_value(value)))
    assert found is not None
    assert np.allclose(sorted(found), sorted(numbers))


@pytest.mark.parametrize("text", ["{__import__('os').system('true')}", "{x.real}", "{(lambda: 1)()}",
                                  "{2**10**10}", "{open('f')}", "not a set"])
def test_returned_numbers_refuses_set_text_that_is_not_plain_numbers(text):
    assert returned_numbers(Returned(pytype="set", array=None, items=None, text=text)) is None


def test_returned_numbers_refuses_none_and_strings():
    assert returned_numbers(decode_returned(encode_value(None))) is None
    assert returned_numbers(decode_returned(encode_value("0, 4/3"))) is None


def _right_answer(func, lo, hi):
    for probe in _check("critical_points").probes:
        if (probe.lo, probe.hi) == (lo, hi):
            return _true_points(probe)
    raise AssertionError("unknown probe")


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False), st.floats(-5e-5, 5e-5), st.booleans())
def test_critical_points_compares_as_a_set_within_the_tolerance(rng, wobble, duplicate):
    def answer(func, lo, hi):
        points = [p + wobble for p in _right_answer(func, lo, hi)]
        points += points[:1] if duplicate else []
        rng.shuffle(points)
        return points

    assert _graded("critical_points", answer).status is Status.PASS


def test_critical_points_with_an_extra_point_names_it():
    result = _graded("critical_points", lambda func, lo, hi: _right_answer(func, lo, hi) + [hi])
    assert result.diagnosis is Diagnosis.EXTRA_POINTS
    assert "not critical points: 2" in result.message


def test_critical_points_missing_one_names_it_exactly_and_in_decimals():
    def answer(func, lo, hi):
        return [p for p in _right_answer(func, lo, hi) if abs(p - 4 / 3) > 0.1]

    result = _graded("critical_points", answer)
    assert result.diagnosis is Diagnosis.MISSING_POINTS
    assert "missing: 4/3 ≈ 1.33333" in result.message
    assert "漏掉了：4/3" in _graded("critical_points", answer, lang="zh").message


@pytest.mark.parametrize(("value", "diagnosis"), [
    (None, Diagnosis.WRONG_TYPE), ("0, 4/3", Diagnosis.WRONG_TYPE), (1.0, Diagnosis.WRONG_TYPE),
    ([[0.0, 1.0], [2.0, 3.0]], Diagnosis.WRONG_TYPE), ([float("nan")], Diagnosis.NON_FINITE),
])
def test_critical_points_that_are_not_a_list_of_numbers_are_refused(value, diagnosis):
    assert _graded("critical_points", lambda func, lo, hi: value).diagnosis is diagnosis


def _right_kind(func, x0):
    for probe in _check("classification").probes:
        if abs(float(sympy.sympify(probe.at)) - x0) < 1e-12 and probe.expr == func.expr:
            return probe.expected
    raise AssertionError("unknown probe")


@pytest.mark.parametrize("dress", [str.upper, str.title, lambda word: f"  {word}\n"])
def test_classification_ignores_case_and_surrounding_space(dress):
    assert _graded("classification", lambda func, x0: dress(_right_kind(func, x0))).status is Status.PASS


def test_classification_with_another_word_says_what_was_expected():
    result = _graded("classification", lambda func, x0: "local maximum")
    assert result.diagnosis is Diagnosis.WRONG_VALUE
    assert "returned 'local maximum', expected 'maximum'" in result.message


def test_classification_returning_a_number_is_wrong_type():
    assert _graded("classification", lambda func, x0: -4.0).diagnosis is Diagnosis.WRONG_TYPE


# --- graded answer files -----------------------------------------------------------------

MINE = ("_critical_", "_classify_")
GOOD = sorted(p.name for p in ANSWERS.glob("good_*.py") if any(tag in p.name for tag in MINE))
BAD = sorted(p.name for p in ANSWERS.glob("bad_*.py") if any(tag in p.name for tag in MINE))


@pytest.mark.parametrize("name", GOOD)
def test_good_answer_passes_every_check(name, grade_answer):
    report = grade_answer(6, name)
    assert report.status is Status.PASS, [test.message for test in report.tests if test.status is not Status.PASS]


@pytest.mark.parametrize("name", BAD)
def test_bad_answer_fails_one_check_with_the_diagnosis_in_its_name(name, grade_answer):
    failed = [test for test in grade_answer(6, name).tests if test.status is not Status.PASS]
    assert [test.diagnosis for test in failed] == [diagnosis_in_name(name)], [test.message for test in failed]
    assert failed[0].function == ("classify_critical_point" if "_classify_" in name else "critical_points")
