"""The safe srepr parser and the exact comparison behind symbolic grading."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from calccourse.grading.symbolic import (
    Different,
    Equal,
    NotSymbolic,
    Undecided,
    compare_exactly,
    elements,
    parse_srepr,
    signed_text,
    unicode_text,
)

x = sympy.Symbol("x", real=True)
y = sympy.Symbol("y", real=True)
z = sympy.Symbol("z", real=True)
positive_x = sympy.Symbol("x", real=True, positive=True)


def roundtrip(value):
    """What the parent rebuilds from the child's srepr of ``value``."""
    return parse_srepr(sympy.srepr(sympy.sympify(value)))


# --- parsing ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    3 * x**2 - 4 * x,
    sympy.sqrt(x) + sympy.Rational(1, 3) * sympy.pi - sympy.E,
    sympy.exp(-z) / (1 + sympy.exp(-z)) ** 2,
    sympy.Piecewise((1, z > 0), (0, True)),
    sympy.Heaviside(z) + sympy.Abs(z) + sympy.Max(z, 0),
    sympy.log(positive_x),
    sympy.Float("3.0000000001") * x,
    sympy.Matrix([[2 * y, x**2], [x, 1]]),
    sympy.Tuple(2 * x, 2 * y),
    -sympy.oo,
])
def test_honest_answers_survive_the_round_trip(value):
    assert roundtrip(value) == sympy.sympify(value)


def test_a_list_comes_back_as_a_list_of_expressions():
    assert roundtrip([x, 2 * x]) == [x, 2 * x]


@pytest.mark.parametrize("text", [
    "__import__('os').system('echo hi')",
    "Symbol('x').__class__",
    "(lambda: 1)()",
    "open('/etc/passwd')",
    "Integer(1) + Integer(2)",
    "Symbol('x', real=Symbol('y'))",
    "Symbol(*['x'])",
    "Symbol(**{'name': 'x'})",
    "Pow(Integer(10), Integer(100000000))",
    "Integer(" + "9" * 200 + ")",
    "[x for x in ()]",
    "Add(" * 5000 + ")" * 5000,
    "not valid python (",
])
def test_anything_outside_the_allow_list_is_not_symbolic(text):
    with pytest.raises(NotSymbolic):
        parse_srepr(text)


@given(name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
def test_an_unknown_callable_name_is_never_called(name):
    if name in {"exp", "log", "sin", "cos", "tan", "cot", "sec", "csc", "sqrt", "sign", "floor", "ceiling",
                "erf", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"}:
        return
    with pytest.raises(NotSymbolic):
        parse_srepr(f"{name}(Integer(1))")


# --- exact comparison ------------------------------------------------------------------

def test_the_same_derivative_written_differently_is_equal():
    assert compare_exactly(roundtrip(x * (3 * x - 4)), 3 * x**2 - 4 * x, [x]) == Equal()


def test_the_sigmoid_derivative_as_s_times_one_minus_s_is_equal_to_the_quotient_form():
    s = 1 / (1 + sympy.exp(-z))
    assert compare_exactly(roundtrip(s * (1 - s)), sympy.exp(-z) / (1 + sympy.exp(-z)) ** 2, [z]) == Equal()


def test_tiny_float_noise_in_coefficients_counts_as_equal():
    noisy = sympy.Float("3.0000000001") * x**2 - 4.0 * x
    assert compare_exactly(roundtrip(noisy), 3 * x**2 - 4 * x, [x]) == Equal()


def test_a_real_difference_is_reported_as_learner_minus_reference():
    verdict = compare_exactly(roundtrip(3 * x**2 - 2 * x), 3 * x**2 - 4 * x, [x])
    assert isinstance(verdict, Different) and verdict.difference == 2 * x
    assert signed_text(verdict.difference) == "+2·x"


@given(c=st.integers(min_value=-10**6, max_value=10**6))
def test_an_antiderivative_off_by_any_constant_is_equal_up_to_a_constant(c):
    reference = x**3 - 2 * x**2
    assert compare_exactly(roundtrip(reference + c), reference, [x], up_to_constant=True) == Equal()


def test_up_to_a_constant_still_rejects_a_different_function():
    verdict = compare_exactly(roundtrip(x**3 - 2 * x**2 + x), x**3 - 2 * x**2, [x], up_to_constant=True)
    assert isinstance(verdict, Different) and verdict.difference == x


def test_vectors_compare_entry_by_entry_whatever_their_container():
    assert compare_exactly(roundtrip((2 * x, 2 * y)), sympy.Matrix([2 * x, 2 * y]), [x, y]) == Equal()
    verdict = compare_exactly(roundtrip([2 * y, 2 * x]), sympy.Matrix([2 * x, 2 * y]), [x, y])
    assert isinstance(verdict, Different)


def test_different_sizes_are_left_to_the_numbers():
    assert compare_exactly(roundtrip((2 * x, 2 * y, 0)), sympy.Matrix([2 * x, 2 * y]), [x, y]) == Undecided()


def test_an_equivalence_sympy_cannot_prove_is_undecided_never_correct():
    piecewise = roundtrip(sympy.Piecewise((1, z > 0), (0, True)))
    assert compare_exactly(piecewise, sympy.Heaviside(z), [z]) == Undecided()


def test_running_out_of_time_is_undecided_and_returns_promptly():
    import time

    power = (x + y + z + 1) ** 40
    got = power * (x - 1)  # equal to the reference, but proving it means expanding a huge power
    start = time.monotonic()
    assert compare_exactly(got, power * x - power, [x, y, z], seconds=0.05) == Undecided()
    assert time.monotonic() - start < 1.0


def test_elements_flattens_matrices_row_by_row_and_refuses_non_expressions():
    assert elements(sympy.Matrix([[1, 2], [3, 4]])) == [1, 2, 3, 4]
    assert elements([x, [y, z]]) == [x, y, z]
    assert elements([x, "text"]) is None


def test_unicode_text_reads_like_mathematics():
    assert unicode_text(3 * x**2 - 4 * x) == "3·x² − 4·x"
    assert unicode_text(x**-3) == "x⁻³"
    assert unicode_text(x ** (2 * y)) == "x^(2·y)"
    assert unicode_text(sympy.Matrix([[1, x], [y, 2]])) == "[1, x; y, 2]"
    assert signed_text(-x) == "−x"
