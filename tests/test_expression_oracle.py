"""The expression oracle against a fake session (no child process): numbers, symbols, mistakes."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pytest
import sympy

from calccourse.grading.model import Diagnosis, Status
from calccourse.grading.oracles.expression import ExpressionOracle
from calccourse.grading.protocol import CallFailure, Returned
from calccourse.grading.specs import ExpressionCheck


class FakeSession:
    """Answers like a LearnerSession, from Python functions standing in for the learner's."""

    def __init__(self, numeric: Callable | None, symbolic: Callable | None = None,
                 failure: CallFailure | None = None, defined: list[str] | None = None) -> None:
        self.numeric, self.symbolic_function, self.failure = numeric, symbolic, failure
        self.defined = defined or []
        self.calls: list[list[float]] = []

    def call_many(self, function, rows):
        self.calls = [list(row) for row in rows]
        if self.failure is not None:
            return [self.failure] * len(rows)
        return [self._returned(self.numeric(*row)) for row in rows]

    @staticmethod
    def _returned(value) -> Returned:
        if value is None:
            return Returned("NoneType", None, None, None)
        return Returned(type(value).__name__, np.asarray(value, dtype=float), None, None)

    def symbolic(self, function, symbols, assumptions={}):  # noqa: B006 - same signature as the session
        if self.symbolic_function is None:
            return None
        variables = [sympy.Symbol(name, real=True, **assumptions.get(name, {})) for name in symbols]
        return sympy.srepr(sympy.sympify(self.symbolic_function(*variables)))


def check(**fields) -> ExpressionCheck:
    base = {"kind": "expression", "id": "df", "function": "df", "title": {"en": "df", "zh": "df"},
            "args": ["x"], "expect": "3*x**2 - 4*x", "domain": {"x": [-10, 10]}}
    return ExpressionCheck.model_validate(base | fields)


def graded(spec: ExpressionCheck, session: FakeSession, lang: str = "en"):
    oracle = ExpressionOracle(spec, lang)
    oracle.prepare()
    [result] = oracle.grade(session)
    return result


def test_a_correct_numeric_function_passes():
    result = graded(check(), FakeSession(lambda x: 3 * x**2 - 4 * x))
    assert result.status is Status.PASS and result.diagnosis is None


def test_a_correct_symbolic_function_passes_exactly():
    derivative = lambda x: 3 * x**2 - 4 * x  # noqa: E731
    result = graded(check(), FakeSession(derivative, derivative))
    assert result.status is Status.PASS and "symbolically" in result.message


def test_a_function_right_on_the_samples_but_symbolically_different_fails_with_the_difference():
    spy = lambda x: 3 * x**2 - 4 * x  # noqa: E731  (numbers agree everywhere they are sampled)
    symbolic = lambda x: 3 * x**2 - 4 * x + sympy.Heaviside(x - 100)  # noqa: E731
    result = graded(check(), FakeSession(spy, symbolic))
    assert result.status is Status.FAIL and result.diagnosis is Diagnosis.WRONG_VALUE
    assert "differs from the answer by" in result.message


def test_the_message_names_the_simplest_failing_input_and_the_formula():
    result = graded(check(), FakeSession(lambda x: 3 * x**2 - 2 * x))
    assert result.diagnosis is Diagnosis.WRONG_VALUE
    assert result.message.startswith("df(0.5) returned -0.25, expected -1.25 (3·x² − 4·x)")


def test_a_symbolic_learner_with_a_wrong_answer_is_told_the_difference():
    wrong = lambda x: 3 * x**2 - 2 * x  # noqa: E731
    result = graded(check(), FakeSession(wrong, wrong))
    assert result.message.endswith("your df differs from the answer by +2·x")


def test_twice_the_derivative_is_constant_factor_two():
    result = graded(check(), FakeSession(lambda x: 2 * (3 * x**2 - 4 * x)))
    assert result.diagnosis is Diagnosis.CONSTANT_FACTOR and "twice too large" in result.message


def test_a_known_mistake_is_named_with_its_own_message_before_generic_diagnoses():
    spec = check(mistakes=[{"expect": "x**4/4 - 2*x**3/3 + x", "up_to_constant": True,
                            "diagnosis": "integrated_instead",
                            "message": {"en": "integrate later", "zh": "稍后再积分"}}])
    result = graded(spec, FakeSession(lambda x: x**4 / 4 - 2 * x**3 / 3 + x + 42))
    assert result.diagnosis is Diagnosis.INTEGRATED_INSTEAD and result.message.endswith("integrate later")


def test_an_antiderivative_off_by_a_constant_passes():
    spec = check(id="antiderivative", function="antiderivative", expect="x**3 - 2*x**2", up_to_constant=True)
    assert graded(spec, FakeSession(lambda x: x**3 - 2 * x**2 + 1200.0)).status is Status.PASS


def test_an_antiderivative_that_is_the_derivative_is_differentiated_instead_and_shows_a_difference_of_calls():
    spec = check(id="antiderivative", function="antiderivative", expect="x**3 - 2*x**2", up_to_constant=True,
                 mistakes=[{"expect": "6*x - 4", "diagnosis": "differentiated_instead"}])
    result = graded(spec, FakeSession(lambda x: 6 * x - 4))
    assert result.diagnosis is Diagnosis.DIFFERENTIATED_INSTEAD
    assert re.match(r"antiderivative\((\S+)\) − antiderivative\((\S+)\) returned \S+, expected \S+:", result.message)
    assert "it looks like you differentiated instead" in result.message


def test_a_vector_with_swapped_components_is_swapped_columns():
    spec = check(id="gradient", function="gradient", args=["x", "y"], expect=["2*x", "2*y"],
                 domain={"x": [-3, 3], "y": [-3, 3]})
    result = graded(spec, FakeSession(lambda x, y: (2 * y, 2 * x)))
    assert result.diagnosis is Diagnosis.SWAPPED_COLUMNS


def test_a_matrix_returned_transposed_is_transposed():
    spec = check(id="jacobian", function="jacobian", args=["x", "y"], expect=[["2*y", "2*x"], ["2*x*y", "x**2"]],
                 domain={"x": [-3, 3], "y": [-3, 3]})
    right = graded(spec, FakeSession(lambda x, y: [[2 * y, 2 * x], [2 * x * y, x**2]]))
    wrong = graded(spec, FakeSession(lambda x, y: [[2 * y, 2 * x * y], [2 * x, x**2]]))
    assert right.status is Status.PASS and wrong.diagnosis is Diagnosis.TRANSPOSED


def test_avoided_points_are_not_sampled_but_unseen_inputs_are_called():
    session = FakeSession(lambda z: 1.0 if z > 0 else 0.0)
    spec = check(id="drelu", function="drelu", args=["z"], expect="Piecewise((1, z > 0), (0, True))",
                 domain={"z": [-5, 5]}, avoid=[0], symbolic=False, unseen=[[123.0], [-0.001]])
    assert graded(spec, session).status is Status.PASS
    assert all(abs(row[0]) >= 1e-2 for row in session.calls[:-2])
    assert session.calls[-2:] == [[123.0], [-0.001]]


def test_positive_assumptions_reach_the_symbols_so_log_rules_simplify():
    spec = check(id="dlog", function="dlog", expect="1/x", domain={"x": [0.1, 10]},
                 assumptions={"x": {"positive": True}})
    result = graded(spec, FakeSession(lambda x: 1 / x, lambda x: sympy.diff(sympy.log(x**2) / 2, x)))
    assert result.status is Status.PASS and "symbolically" in result.message


def test_samples_are_the_same_on_every_run():
    first, second = FakeSession(lambda x: x), FakeSession(lambda x: x)
    graded(check(), first)
    graded(check(), second)
    assert first.calls == second.calls and len(first.calls) > 20


def test_a_failing_call_becomes_its_own_diagnosis():
    failure = CallFailure(Diagnosis.MISSING_FUNCTION, "df is not defined")
    result = graded(check(), FakeSession(None, failure=failure, defined=["dF", "f"]))
    assert result.diagnosis is Diagnosis.MISSING_FUNCTION and "it defines: dF, f" in result.message


def test_none_is_wrong_type_in_chinese_too():
    result = graded(check(), FakeSession(lambda x: None), lang="zh")
    assert result.diagnosis is Diagnosis.WRONG_TYPE and "return" in result.message and "忘了" in result.message


@pytest.mark.parametrize(("learner", "diagnosis"), [
    (lambda x: math.inf, Diagnosis.NON_FINITE),
    (lambda x: -(3 * x**2 - 4 * x), Diagnosis.SIGN_FLIP),
    (lambda x: 3 * x**2 - 4 * x + 1, Diagnosis.OFF_BY_CONSTANT),
    (lambda x: 3 * x**3 - 4 * x**2, Diagnosis.WRONG_VALUE),
])
def test_generic_diagnoses(learner, diagnosis):
    assert graded(check(), FakeSession(learner)).diagnosis is diagnosis
