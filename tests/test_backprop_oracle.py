"""The lesson 5 backward_layer oracle: finite-difference references and named mistakes."""

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
from calccourse.grading.messages import say
from calccourse.grading.model import Diagnosis, Status
from calccourse.grading.oracles.backprop import DERIVATIVES, KINK_CLEARANCE, activation, make_layer
from calccourse.grading.oracles.base import oracle_for
from calccourse.grading.protocol import decode_returned
from calccourse.grading.specs import LayerCase

ANSWERS = ANSWER_ROOT / "lesson5"
z = sympy.Symbol("z", real=True)


def _dact(probe):
    return sympy.lambdify(z, sympy.sympify(probe.expr, locals={"z": z}), "numpy")


class ScriptedSession:
    """Stands in for a LearnerSession: ``answer(da, z, a_prev, W, dact)`` runs in this process
    with the probe turned into a numpy function; results are encoded as the child would."""

    defined = ["dsigmoid", "drelu", "backward_layer"]

    def __init__(self, answer):
        self.answer = answer

    def call_many(self, function, rows):
        return [decode_returned(encode_value(self.answer(*row[:4], _dact(row[4])))) for row in rows]


def _graded(answer, lang="en"):
    check = next(check for check in load_lesson(5).checks if check.kind == "backward_layer")
    oracle = oracle_for(check, lang)
    oracle.prepare()
    [result] = oracle.grade(ScriptedSession(answer))
    return result


def _right(da, z_, a_prev, W, dact):
    dz = da * dact(z_)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T


@settings(max_examples=12, deadline=None)
@given(st.integers(1, 6), st.integers(1, 5), st.integers(1, 5), st.sampled_from(["sigmoid", "relu", "tanh"]),
       st.integers(0, 1000))
def test_finite_difference_gradients_agree_with_the_backprop_formulas(batch, n_in, n_out, name, seed):
    layer = make_layer(LayerCase(batch=batch, n_in=n_in, n_out=n_out, activation=name, seed=seed))
    dact = sympy.lambdify(z, sympy.sympify(DERIVATIVES[name], locals={"z": z}), "numpy")
    for reference, analytic in zip(layer.gradients, _right(layer.da, layer.z, layer.a_prev, layer.W, dact)):
        assert np.linalg.norm(reference - analytic) <= 1e-8 * (1 + np.linalg.norm(analytic))


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_each_dact_probe_is_the_derivative_of_its_activation(name):
    points = np.array([-2.5, -0.3, 0.4, 1.7])
    dact = sympy.lambdify(z, sympy.sympify(DERIVATIVES[name], locals={"z": z}), "numpy")
    act, h = activation(name), 1e-6
    assert np.allclose(dact(points), (act(points + h) - act(points - h)) / (2 * h), atol=1e-8)


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10_000))
def test_relu_layers_keep_every_z_clear_of_the_kink(seed):
    layer = make_layer(LayerCase(batch=6, n_in=3, n_out=4, activation="relu", seed=seed))
    assert np.min(np.abs(layer.z)) >= KINK_CLEARANCE


@pytest.mark.parametrize("shape", [
    lambda dW, db, da_prev: (dW, db, da_prev),
    lambda dW, db, da_prev: (dW, db.reshape(1, -1), da_prev),
    lambda dW, db, da_prev: [dW.tolist(), db.tolist(), da_prev.tolist()],
], ids=["arrays", "db-row", "lists"])
def test_backward_layer_accepts_honest_forms(shape):
    assert _graded(lambda *args: shape(*_right(*args))).status is Status.PASS


def test_dW_the_wrong_way_round_is_transposed():
    def answer(*args):
        dW, db, da_prev = _right(*args)
        return dW.T, db, da_prev

    result = _graded(answer)
    assert result.diagnosis is Diagnosis.TRANSPOSED
    assert "dW" in result.message


def test_db_as_the_batch_mean_is_constant_factor_one_over_batch():
    def answer(*args):
        dW, db, da_prev = _right(*args)
        return dW, db / len(args[0]), da_prev

    result = _graded(answer)
    assert result.diagnosis is Diagnosis.CONSTANT_FACTOR
    assert "1/5 times the right value" in result.message and "batch mean" in result.message


def test_twice_the_derivative_is_constant_factor_two_in_both_languages():
    def answer(da, z_, a_prev, W, dact):
        return _right(da, z_, a_prev, W, lambda v: 2 * dact(v))

    english, chinese = _graded(answer), _graded(answer, lang="zh")
    assert english.diagnosis is chinese.diagnosis is Diagnosis.CONSTANT_FACTOR
    assert "twice too large" in english.message and "2σ(1−σ)" in english.message
    assert say("explain_twice", "zh") in chinese.message


def test_forgetting_dact_is_pointed_out():
    result = _graded(lambda da, z_, a_prev, W, dact: _right(da, z_, a_prev, W, lambda v: np.ones_like(v)))
    assert result.diagnosis is Diagnosis.WRONG_VALUE
    assert "dz = da * dact(z)" in result.message


@pytest.mark.parametrize(("answer", "diagnosis"), [
    (lambda *args: None, Diagnosis.WRONG_TYPE),
    (lambda *args: _right(*args)[:2], Diagnosis.WRONG_TYPE),
    (lambda *args: (_right(*args)[0], _right(*args)[1].sum(), _right(*args)[2]), Diagnosis.WRONG_SHAPE),
    (lambda *args: (_right(*args)[0], _right(*args)[1], np.full_like(_right(*args)[2], np.nan)),
     Diagnosis.NON_FINITE),
])
def test_malformed_results_are_diagnosed_before_values(answer, diagnosis):
    assert _graded(answer).diagnosis is diagnosis


# --- graded answer files -----------------------------------------------------------------

GOOD = sorted(p.name for p in ANSWERS.glob("good_*.py") if "_backward_" in p.name)
BAD = sorted(p.name for p in ANSWERS.glob("bad_*.py") if "_backward_" in p.name)


@pytest.mark.parametrize("name", GOOD)
def test_good_answer_passes_every_check(name, grade_answer):
    report = grade_answer(5, name)
    assert report.status is Status.PASS, [test.message for test in report.tests if test.status is not Status.PASS]


@pytest.mark.parametrize("name", BAD)
def test_bad_answer_fails_one_check_with_the_diagnosis_in_its_name(name, grade_answer):
    failed = [test for test in grade_answer(5, name).tests if test.status is not Status.PASS]
    assert [test.diagnosis for test in failed] == [diagnosis_in_name(name)], [test.message for test in failed]
    assert failed[0].function == "backward_layer"
