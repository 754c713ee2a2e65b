"""Comparing returned values with references, naming the mistake, and wording the result."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calccourse.grading.compare import (
    call_text,
    check_numeric,
    close,
    find_problem,
    show,
    simplicity,
    stack_values,
)
from calccourse.grading.diagnose import (
    Finding,
    diagnose_values,
    explain,
    failure_result,
    missing_function_message,
    mismatch_message,
    mismatch_result,
)
from calccourse.grading.messages import TEMPLATES, describe_factor
from calccourse.grading.model import Diagnosis, Status
from calccourse.grading.protocol import CallFailure, Probe, Returned
from calccourse.grading.specs import ExpressionCheck, Tolerance

TOL = Tolerance()
SPEC = ExpressionCheck(kind="expression", id="df", function="df", title={"en": "Derivative", "zh": "导数"},
                       args=["x"], expect="3*x**2 - 4*x", domain={"x": (-3, 3)}, points=2)
REFERENCE = np.linspace(-5.0, 7.0, 13) ** 2 - 3.0  # varied, nonzero, not symmetric


def number(value: float, pytype: str = "float") -> Returned:
    return Returned(pytype=pytype, array=np.asarray(value, dtype=float), items=None, text=None)


def array(values, pytype: str = "ndarray") -> Returned:
    return Returned(pytype=pytype, array=np.asarray(values, dtype=float), items=None, text=None)


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


# --- check_numeric: type and shape before values ----------------------------------------

def test_matching_number_is_no_mismatch():
    assert check_numeric(number(4.0 + 1e-12), 4.0, TOL) is None


def test_none_is_wrong_type_and_asks_about_return():
    mismatch = check_numeric(Returned("NoneType", None, None, None), 4.0, TOL)
    assert mismatch.diagnosis is Diagnosis.WRONG_TYPE
    assert mismatch_message(mismatch, called="df(2.0)", lang="en") == \
        "df(2.0) returned None: did you forget `return`?"


def test_a_string_where_numbers_were_expected_is_wrong_type():
    mismatch = check_numeric(Returned("str", None, None, "4"), 4.0, TOL)
    assert mismatch.diagnosis is Diagnosis.WRONG_TYPE
    assert "'4'" in mismatch_message(mismatch, called="df(2.0)", lang="en")


def test_a_symbolic_expression_where_a_number_was_expected_is_wrong_type():
    mismatch = check_numeric(Returned("Add", None, None, "3*x**2 - 4*x"), 4.0, TOL)
    assert mismatch.diagnosis is Diagnosis.WRONG_TYPE
    assert "3*x**2 - 4*x (a Add)" in mismatch_message(mismatch, called="df(2.0)", lang="en")


def test_ragged_tuple_is_wrong_shape():
    ragged = Returned("tuple", None, (array([1.0, 2.0]), array([1.0])), None)
    mismatch = check_numeric(ragged, [1.0, 2.0], TOL)
    assert mismatch.diagnosis is Diagnosis.WRONG_SHAPE and mismatch.ragged


def test_extra_component_is_wrong_shape_with_both_shapes_in_the_message():
    mismatch = check_numeric(array([2.0, 2.0, 0.0]), [2.0, 2.0], TOL)
    assert mismatch.diagnosis is Diagnosis.WRONG_SHAPE
    assert mismatch_message(mismatch, called="gradient(1.0, 1.0)", lang="en") == \
        "gradient(1.0, 1.0) returned something of shape (3,), expected shape (2,)"


def test_column_vector_for_a_vector_is_accepted():
    assert check_numeric(array([[2.0], [4.0]], "Matrix"), [2.0, 4.0], TOL) is None


def test_transpose_of_the_expected_matrix_is_diagnosed_transposed():
    expected = np.arange(6.0).reshape(3, 2)
    mismatch = check_numeric(array(expected.T), expected, TOL)
    assert mismatch.diagnosis is Diagnosis.TRANSPOSED


def test_a_wrong_matrix_of_transposed_shape_is_wrong_shape():
    expected = np.arange(6.0).reshape(3, 2)
    assert check_numeric(array(expected.T + 1), expected, TOL).diagnosis is Diagnosis.WRONG_SHAPE


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_or_inf_where_the_reference_is_finite_is_non_finite(bad):
    mismatch = check_numeric(array([1.0, bad]), [1.0, 2.0], TOL)
    assert mismatch.diagnosis is Diagnosis.NON_FINITE and mismatch.entry == (1,)


def test_wrong_entry_of_a_large_array_is_located():
    expected = np.arange(12.0).reshape(3, 4)
    got = expected.copy()
    got[2, 1] = 99.0
    mismatch = check_numeric(array(got), expected, TOL)
    assert mismatch.diagnosis is Diagnosis.WRONG_VALUE and mismatch.entry == (2, 1)
    assert "first difference at entry [2, 1]: 99.0 instead of 9.0" in mismatch_message(mismatch, called="g()",
                                                                                        lang="en")


@given(reference=finite, relative=st.floats(min_value=-0.9, max_value=0.9))
def test_values_within_tolerance_agree_and_values_beyond_do_not(reference, relative):
    tol = Tolerance(rtol=1e-3, atol=1e-9)
    bound = tol.atol + tol.rtol * abs(reference)
    assert close(reference + relative * bound, reference, tol).all()
    assert not close(reference + 1.5 * bound + 1e-6, reference, tol).any()


# --- choosing the row to show ----------------------------------------------------------

def test_find_problem_prefers_a_failed_call_then_the_simplest_input():
    rows = [[0.37], [2.0], [1.5], [-7.25]]
    results = [number(1.0), number(0.0), number(0.0), CallFailure(Diagnosis.EXCEPTION, "ValueError: bad")]
    problem = find_problem(rows, results, [1.0, 1.0, 1.0, 1.0], TOL)
    assert problem.index == 3 and problem.failure is not None
    problem = find_problem(rows[:3], results[:3], [1.0, 1.0, 1.0], TOL)
    assert problem.index == 2  # 1.5 is as tidy as 2.0 and smaller


def test_find_problem_reports_a_shape_problem_before_a_value_problem():
    rows = [[0.0], [1.0]]
    results = [array([5.0, 5.0]), array([1.0, 2.0, 3.0])]
    problem = find_problem(rows, results, [[1.0, 1.0], [1.0, 1.0]], TOL)
    assert problem.index == 1 and problem.mismatch.diagnosis is Diagnosis.WRONG_SHAPE


def test_find_problem_is_none_when_every_row_matches():
    assert find_problem([[1.0], [2.0]], [number(1.0), number(4.0)], [1.0, 4.0], TOL) is None


def test_round_inputs_are_simpler_than_arbitrary_ones():
    assert simplicity([2.0]) < simplicity([0.37]) and simplicity([0.5, 1.0]) < simplicity([0.5, 1.1])


def test_stack_values_needs_every_row_to_have_the_same_size():
    assert stack_values([array([[1.0], [2.0]]), array([3.0, 4.0])], (2,)).shape == (2, 2)
    assert stack_values([number(1.0), CallFailure(Diagnosis.EXCEPTION, "x")], ()) is None


# --- diagnose_values -------------------------------------------------------------------

@given(k=st.floats(min_value=-50, max_value=50).filter(lambda k: abs(k) > 0.05 and abs(k - 1) > 0.05
                                                          and abs(k + 1) > 0.05))
def test_a_constant_multiple_of_the_reference_is_constant_factor_with_that_factor(k):
    finding = diagnose_values(k * REFERENCE, REFERENCE, TOL)
    assert finding.diagnosis is Diagnosis.CONSTANT_FACTOR
    assert finding.detail == pytest.approx(k, rel=1e-9)


@given(c=st.floats(min_value=-1e4, max_value=1e4).filter(lambda c: abs(c) > 1e-3))
def test_the_reference_plus_a_constant_is_off_by_constant_with_that_constant(c):
    finding = diagnose_values(REFERENCE + c, REFERENCE, TOL)
    assert finding.diagnosis is Diagnosis.OFF_BY_CONSTANT
    assert finding.detail == pytest.approx(c, rel=1e-6)


def test_the_negated_reference_is_sign_flip():
    assert diagnose_values(-REFERENCE, REFERENCE, TOL) == Finding(Diagnosis.SIGN_FLIP)


@given(xy=st.lists(st.tuples(finite, finite), min_size=3, max_size=10))
def test_swapped_components_are_swapped_columns(xy):
    reference = np.array(xy)
    assume(not np.allclose(reference, reference[:, ::-1], rtol=1e-5, atol=1e-6))
    assert diagnose_values(reference[:, ::-1], reference, TOL).diagnosis is Diagnosis.SWAPPED_COLUMNS


def test_a_square_matrix_returned_transposed_is_transposed():
    reference = np.arange(12.0).reshape(3, 2, 2) ** 2
    assert diagnose_values(np.swapaxes(reference, 1, 2), reference, TOL) == Finding(Diagnosis.TRANSPOSED)


def test_unrelated_values_are_wrong_value():
    assert diagnose_values(REFERENCE ** 2, REFERENCE, TOL) == Finding(Diagnosis.WRONG_VALUE)


def test_all_zeros_are_a_wrong_value_not_a_factor_of_zero():
    assert diagnose_values(np.zeros_like(REFERENCE), REFERENCE, TOL).diagnosis is Diagnosis.WRONG_VALUE


# --- words -----------------------------------------------------------------------------

@pytest.mark.parametrize(("factor", "en"), [(2.0, "twice too large"), (0.5, "half what it should be"),
                                            (3.0, "3 times the right value"), (1 / 3, "1/3 times the right value"),
                                            (1e5, "100000 times the right value")])
def test_constant_factors_are_worded_for_people(factor, en):
    assert describe_factor(factor, "en") == en
    assert describe_factor(factor, "zh")


def test_every_template_exists_in_both_languages_with_the_same_fields():
    import string

    for key, texts in TEMPLATES.items():
        assert set(texts) == {"en", "zh"}, key
        fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in texts.values()]
        assert fields[0] == fields[1], key


def test_the_mismatch_result_carries_diagnosis_evidence_and_points():
    mismatch = check_numeric(number(8.0), 4.0, TOL)
    result = mismatch_result(SPEC, mismatch, called="df(2.0)", lang="en", finding=Finding(Diagnosis.CONSTANT_FACTOR, 2.0))
    assert result.status is Status.FAIL and result.diagnosis is Diagnosis.CONSTANT_FACTOR
    assert result.message == "df(2.0) returned 8.0, expected 4.0: twice too large"
    assert (result.evidence.called, result.evidence.expected, result.evidence.got) == ("df(2.0)", "4.0", "8.0")
    assert result.points == 2 and result.title == "Derivative"


def test_the_mismatch_message_is_in_chinese_when_asked():
    mismatch = check_numeric(number(-4.0), 4.0, TOL)
    text = mismatch_message(mismatch, called="df(2.0)", lang="zh", finding=Finding(Diagnosis.SIGN_FLIP))
    assert text == "df(2.0) 返回了 -4.0，正确结果是 4.0：符号反了"


def test_explain_offsets_with_their_sign():
    assert explain(Finding(Diagnosis.OFF_BY_CONSTANT, -1.0), "en") == "off by a constant (-1)"
    assert explain(Finding(Diagnosis.OFF_BY_CONSTANT, 0.5), "en") == "off by a constant (+1/2)"


def test_not_implemented_says_write_it():
    result = failure_result(SPEC, CallFailure(Diagnosis.NOT_IMPLEMENTED, "NotImplementedError"), called="df(0.0)",
                            lang="en")
    assert result.diagnosis is Diagnosis.NOT_IMPLEMENTED and result.status is Status.FAIL
    assert result.message == "df raises NotImplementedError: write it!"


def test_missing_function_lists_what_the_file_defines_and_suggests_a_near_name():
    text = missing_function_message("df", ["dF", "f"], "en")
    assert text == ("your file does not define a function named `df`; it defines: dF, f; "
                    "did you mean to name `dF` `df`?")
    assert "一个函数也没有" in missing_function_message("df", [], "zh")


def test_an_exception_shows_the_learners_traceback():
    failure = CallFailure(Diagnosis.EXCEPTION, "NameError: name 'X' is not defined",
                          'File "answer.py", line 3, in df\n    return 3*X')
    result = failure_result(SPEC, failure, called="df(1.0)", lang="en")
    assert result.message.startswith("df(1.0) raised NameError: name 'X' is not defined\n")
    assert "line 3, in df" in result.message


def test_calls_are_shown_with_numbers_arrays_and_probes():
    assert call_text("df", [2.0]) == "df(2.0)"
    assert call_text("rate_of_change", [Probe("sin(x)", ("x",)), 0.5, 1e-05]) == \
        "rate_of_change(lambda x: sin(x), 0.5, 1e-05)"
    assert show(np.array([[1.0, 2.5], [3.0, 4.0]])) == "[[1.0, 2.5], [3.0, 4.0]]"
    assert show(np.inf) == "inf"
