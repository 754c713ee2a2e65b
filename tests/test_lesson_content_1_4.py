"""Lessons 1-4: the files load, the text is bilingual, the worked code prints the right numbers.

Every key number a worked block prints is checked against a method of the test's own
(SymPy, SciPy, an exact error formula) and looked for in the printed output.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from pydantic import BaseModel
from scipy.integrate import quad
from scipy.optimize import minimize_scalar

from calccourse.content.loader import load_lesson
from calccourse.content.schema import Lesson, Text
from calccourse.reference.runner import WorkedRun, run_worked

LESSONS = (1, 2, 3, 4)

# COURSE.md's exercise contract: the functions a learner's file defines, in order.
CONTRACT = {
    1: ["f", "df", "rate_of_change"],
    2: ["f", "antiderivative", "cumulative_area"],
    3: ["f", "gradient", "numeric_gradient"],
    4: ["jacobian"],
}

PANEL_WIDTH = 76  # what fits inside a bordered panel of an 80-column terminal


@pytest.fixture(scope="module")
def lessons() -> dict[int, Lesson]:
    return {number: load_lesson(number) for number in LESSONS}


@pytest.fixture(scope="module")
def runs(lessons: dict[int, Lesson]) -> dict[int, WorkedRun]:
    return {number: run_worked(lesson) for number, lesson in lessons.items()}


def _printed(run: WorkedRun) -> str:
    return "\n".join(output.text for output in run.outputs)


def _texts(node: object, where: str = "lesson") -> Iterator[tuple[str, Text]]:
    """Every bilingual text in a lesson (the grading helper's checks excepted)."""
    if isinstance(node, Text):
        yield where, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name != "checks":
                yield from _texts(getattr(node, name), f"{where}.{name}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, f"{where}[{index}]")


# ---------------------------------------------------------------- every lesson


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_loads_with_its_own_number(lessons, number):
    assert lessons[number].number == number


@pytest.mark.parametrize("number", LESSONS)
def test_every_text_exists_in_english_and_chinese_and_they_differ(lessons, number):
    texts = list(_texts(lessons[number]))
    assert len(texts) > 20
    for where, text in texts:
        assert text.en.strip() and text.zh.strip(), where
        assert text.en.strip() != text.zh.strip(), where


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_has_three_to_six_sections_three_hints_and_a_figure(lessons, number):
    lesson = lessons[number]
    assert 3 <= len(lesson.sections) <= 6
    assert len(lesson.hints) == 3
    assert lesson.figures


@pytest.mark.parametrize("number", LESSONS)
def test_task_functions_match_the_course_contract(lessons, number):
    task = lessons[number].task
    assert task.file == f"lesson{number}.py"
    assert [function.name for function in task.functions] == CONTRACT[number]
    for function in task.functions:
        assert function.signature.startswith(f"{function.name}(")
        assert function.name in task.statement.en and function.name in task.statement.zh


@pytest.mark.parametrize("number", LESSONS)
def test_sympy_formulas_parse_and_fit_the_panel(lessons, number):
    formulas = [formula.sympy for formula in lessons[number].formulas if formula.sympy]
    assert formulas
    for source in formulas:
        expression = sympy.parse_expr(source, evaluate=False)
        assert not isinstance(expression, sympy.logic.boolalg.BooleanAtom), source
        picture = sympy.pretty(expression, use_unicode=True, num_columns=PANEL_WIDTH)
        assert max(len(line) for line in picture.splitlines()) <= PANEL_WIDTH, source


@pytest.mark.parametrize("number", LESSONS)
def test_worked_code_is_plain_ascii_and_fits_the_panel(lessons, number):
    for block in lessons[number].worked:
        assert block.source.isascii(), block.title.en
        assert max(len(line) for line in block.source.splitlines()) <= PANEL_WIDTH


@pytest.mark.parametrize("number", LESSONS)
def test_every_worked_block_runs_and_prints_compact_lines(runs, number):
    for output in runs[number].outputs:
        assert output.error is None, output.error
        assert output.text.strip()
        assert output.omitted_lines == 0
        assert max(len(line) for line in output.text.splitlines()) <= 78


@pytest.mark.parametrize("number", LESSONS)
def test_every_figure_source_leaves_one_matplotlib_figure_in_fig(lessons, number):
    for figure in lessons[number].figures:
        before = set(plt.get_fignums())
        namespace = {"np": np, "plt": plt, "t": lambda en, zh: en}
        exec(compile(figure.source, f"<figure {figure.name}>", "exec"), namespace)
        try:
            assert isinstance(namespace["fig"], Figure)
            assert set(plt.get_fignums()) - before == {namespace["fig"].number}
        finally:
            plt.close(namespace["fig"])


# ---------------------------------------------------------------- lesson 1


def test_lesson1_forward_difference_of_x_squared_is_off_by_exactly_delta(runs):
    namespace = runs[1].namespace
    # ((x + d)^2 - x^2)/d - 2x = d exactly, so the largest gap is the step itself
    assert namespace["square_gap"] == pytest.approx(namespace["delta"], rel=1e-3)
    assert "max |rate of change - 2x| = 1.0e-04" in runs[1].outputs[0].text


def test_lesson1_cubic_rule_matches_sympy_and_errors_match_the_error_formulas(runs):
    namespace, printed = runs[1].namespace, _printed(runs[1])
    s = sympy.Symbol("x")
    exact = sympy.lambdify(s, sympy.diff(s**3 - 2 * s**2 + 1, s))
    xs = np.linspace(-10, 10, 500)
    np.testing.assert_allclose(namespace["cubic_slope"](xs), exact(xs))
    delta = 1e-4
    # forward bias of a cubic: (3x - 2) d + d^2, largest at x = -10; central bias: d^2
    assert namespace["forward_error"] == pytest.approx(32 * delta + delta**2, rel=1e-4)
    assert namespace["central_error"] == pytest.approx(delta**2, rel=0.05)
    assert "forward max error 3.2e-03" in printed
    assert "central max error 1.0e-08" in printed


def test_lesson1_step_size_table_shows_truncation_then_round_off(runs):
    namespace, printed = runs[1].namespace, _printed(runs[1])
    forward_at = {k: namespace["max_errors"](10.0**-k)[0] for k in range(1, 15)}
    assert forward_at[4] == pytest.approx(3.2e-3, rel=1e-3)
    assert forward_at[12] > 0.1 > 100 * forward_at[7]
    assert forward_at[14] > 10
    assert 1e-8 <= namespace["best_forward"] <= 2e-7
    assert 1e-5 <= namespace["best_central"] <= 1e-4
    assert f"forward is best at delta = {namespace['best_forward']:.1e}" in printed
    assert f"central is best at delta = {namespace['best_central']:.1e}" in printed
    assert "   1e-12    3.4e-01" in printed
    assert "   1e-14    4.6e+01" in printed


def test_lesson1_exp_relative_error_is_half_the_step_until_overflow(runs):
    namespace, printed = runs[1].namespace, _printed(runs[1])
    finite = namespace["points"] < 709.79
    np.testing.assert_allclose(namespace["relative_error"][finite], namespace["h"] / 2, rtol=0.02)
    assert math.isnan(namespace["relative_error"][-1])
    assert namespace["overflow_limit"] == pytest.approx(math.log(sys.float_info.max))
    assert "exp(x) overflows above x = 709.78" in printed
    assert "inf  relative error = nan" in printed


@settings(max_examples=30, deadline=None)
@given(st.floats(-50, 50), st.integers(0, 5))
def test_lesson1_central_difference_is_close_to_sympy_for_powers(runs, x, power):
    namespace = runs[1].namespace
    s = sympy.Symbol("x")
    exact = float(sympy.diff(s**power, s).subs(s, x))
    estimate = namespace["central"](lambda v: v**power, x, 1e-4)
    assert estimate == pytest.approx(exact, rel=1e-6, abs=1e-6)


# ---------------------------------------------------------------- lesson 2


def test_lesson2_running_area_of_2x_trails_x_squared_minus_100(runs):
    namespace, printed = runs[2].namespace, runs[2].outputs[0].text
    x, y = namespace["x"], namespace["y"]
    running = np.array([math.fsum(2 * v * 0.1 for v in x[: i + 1]) for i in range(len(x))])
    np.testing.assert_allclose(y, running, atol=1e-9)
    exact = np.array([quad(lambda t: 2 * t, -10, v)[0] for v in x])
    lag = y - exact
    assert (x.size, y[0], y.min()) == (200, pytest.approx(-2.0), pytest.approx(-101.0))
    assert x[np.argmin(y)] == pytest.approx(-0.1)
    assert lag.min() == pytest.approx(-2.0) and lag.max() == pytest.approx(-0.01, abs=1e-9)
    assert "200 points, y[0] = -2.0" in printed
    assert "min y = -101.0 at x = -0.1" in printed
    assert "ranges from -2.00 to -0.01" in printed


def test_lesson2_sympy_antiderivative_of_x_is_half_x_squared(runs):
    assert "integral of x     = x**2/2" in runs[2].outputs[1].text
    assert "integral of 2*x   = x**2 " in runs[2].outputs[1].text


def test_lesson2_running_sum_of_the_exercise_against_scipy_quad(runs):
    namespace, printed = runs[2].namespace, runs[2].outputs[2].text
    x, area = namespace["x"], namespace["area"]
    exact_total = quad(lambda t: 3 * t**2 - 4 * t, -10, 10)[0]
    assert namespace["exact_total"] == pytest.approx(exact_total)
    assert area[-1] == pytest.approx(2004.1)
    exact_to_x = np.array([quad(lambda t: 3 * t**2 - 4 * t, -10, v)[0] for v in x])
    excess = area - exact_to_x
    assert excess.min() == pytest.approx(17.0, abs=0.02)
    assert excess.max() == pytest.approx(34.0, abs=1e-6)
    assert np.max(np.abs(namespace["trapezoid"] - exact_to_x)) <= 0.1
    s = sympy.Symbol("x")
    assert -namespace["big_g"](-10) == -sympy.integrate(3 * s**2 - 4 * s, s).subs(s, -10) == 1200
    assert "running sum at the end: 2004.1   exact: 2000" in printed
    assert "17.0 to 34.0" in printed
    assert "-F(-10) = 1200" in printed


# ---------------------------------------------------------------- lesson 3


def test_lesson3_partial_derivatives_are_2x_and_3y_squared(runs):
    printed = runs[3].outputs[0].text
    assert "df/dx = 2*x    df/dy = 3*y**2" in printed
    assert "(4, 27)" in printed and "27.2947" in printed


def test_lesson3_surface_spans_minus_1000_to_1100(runs):
    z = runs[3].namespace["Z"]
    assert (z.min(), z.max()) == (-1000, 1100)  # f(0, -10) and f(+-10, 10)
    assert "z ranges from -1000 to 1100" in runs[3].outputs[1].text


def test_lesson3_direction_search_finds_the_gradient_measured_from_the_x_axis(runs):
    namespace, printed = runs[3].namespace, runs[3].outputs[2].text
    s, t = sympy.symbols("x y")
    exact = [float(sympy.diff(s**2 + t**3, v).subs({s: 2, t: 3})) for v in (s, t)]
    steepest = minimize_scalar(lambda a: -(exact[0] * math.cos(a) + exact[1] * math.sin(a)),
                               bounds=(0, math.pi), method="bounded")
    assert namespace["best_angle"] == pytest.approx(math.degrees(steepest.x), abs=0.1)
    assert namespace["best_rate"] == pytest.approx(math.hypot(*exact), rel=1e-4)
    np.testing.assert_allclose(namespace["search_gradient"], exact, rtol=5e-3)
    np.testing.assert_allclose(namespace["search_gradient"], (3.987, 27.003), atol=5e-4)
    assert "best angle 81.6 deg from the +x axis" in printed
    assert "search gradient (3.987, 27.003)" in printed
    assert "exact |grad f| = 27.2947" in printed


def test_lesson3_central_partial_differences_match_sympy(runs):
    namespace = runs[3].namespace
    assert namespace["gx"] == pytest.approx(4, abs=1e-6)
    assert namespace["gy"] == pytest.approx(27, abs=1e-6)
    assert "central differences: (4.000000, 27.000000)" in runs[3].outputs[3].text


@settings(max_examples=30, deadline=None)
@given(st.floats(-10, 10), st.floats(-10, 10))
def test_lesson3_surface_is_x_squared_plus_y_cubed(runs, x, y):
    assert runs[3].namespace["surface"](x, y) == pytest.approx(x**2 + y**3)


# ---------------------------------------------------------------- lesson 4


def test_lesson4_jacobian_of_2xy_and_x2y(runs):
    x, y = sympy.symbols("x y")
    assert runs[4].namespace["J"] == sympy.Matrix([[2 * y, 2 * x], [2 * x * y, x**2]])
    assert "J = Matrix([[2*y, 2*x], [2*x*y, x**2]])" in runs[4].outputs[0].text


def test_lesson4_sigmoid_derivative_identity_is_shown_to_simplify_to_zero(runs):
    assert runs[4].namespace["difference"] == 0
    assert "simplifies to 0" in runs[4].outputs[1].text


def test_lesson4_sigmoid_layer_jacobian_matches_sympy(runs):
    namespace, printed = runs[4].namespace, runs[4].outputs[2].text
    x, y = sympy.symbols("x y")
    constants = [[0.3456, 0.8216], [0.3304, -1.3032], [0.9054, 0.4464]]
    outputs = sympy.Matrix([1 / (1 + sympy.exp(-(a * x + b * y))) for a, b in constants])
    exact = np.array(outputs.jacobian([x, y]).subs({x: 0.3, y: -0.7}), dtype=float)
    np.testing.assert_allclose(namespace["J_rule"], exact, rtol=1e-10)
    assert np.max(np.abs(namespace["J_numeric"] - exact)) < 1e-8
    for row in exact:
        assert "[" + ", ".join(f"{value:11.8f}" for value in row) + "]" in printed


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-3, 3), min_size=2, max_size=2))
def test_lesson4_rule_diag_sigma_prime_times_a_matches_central_differences(runs, point):
    namespace = runs[4].namespace
    point = np.array(point)
    s = namespace["sigmoid"](namespace["A"] @ point)
    rule = np.diag(s * (1 - s)) @ namespace["A"]
    h = 1e-6
    layer = namespace["layer"]
    numeric = np.column_stack([(layer(point + h * e) - layer(point - h * e)) / (2 * h) for e in np.eye(2)])
    np.testing.assert_allclose(rule, numeric, atol=1e-8)
