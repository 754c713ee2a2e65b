"""Lessons 5-7 as content: they load, are bilingual, and their worked numbers are right.

Every key number a worked block prints is checked against a method the lesson does not
use (finite differences written here, scikit-learn, NumPy's polynomial roots, exact
fractions) and is looked for in the printed output.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.parsing.sympy_parser import parse_expr

from calccourse.content.loader import load_lesson
from calccourse.content.schema import Lesson, Text
from calccourse.reference.runner import WorkedRun, run_worked

LESSONS = (5, 6, 7)

CONTRACT = {
    5: ["dsigmoid", "drelu", "backward_layer"],
    6: ["dlog", "critical_points", "classify_critical_point"],
    7: ["max_margin_line", "support_vectors"],
}

_RUNS: dict[int, WorkedRun] = {}


def _run(number: int) -> WorkedRun:
    """The worked blocks of lesson ``number``, run once per test session."""
    if number not in _RUNS:
        _RUNS[number] = run_worked(load_lesson(number))
    return _RUNS[number]


def _printed(number: int) -> str:
    return "\n".join(output.text for output in _run(number).outputs)


def _texts(lesson: Lesson) -> list[Text]:
    texts = [lesson.title, lesson.teaches, lesson.task.summary, lesson.task.statement]
    texts += [part for section in lesson.sections for part in (section.heading, section.body)]
    texts += [formula.label for formula in lesson.formulas]
    texts += [block.title for block in lesson.worked]
    texts += [block.explanation for block in lesson.worked if block.explanation]
    texts += [figure.title for figure in lesson.figures]
    texts += [function.returns for function in lesson.task.functions]
    return texts + list(lesson.hints)


# --- every lesson ------------------------------------------------------------------


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_loads_with_its_own_number_and_task_file(number):
    lesson = load_lesson(number)
    assert lesson.number == number
    assert lesson.task.file == f"lesson{number}.py"
    assert 3 <= len(lesson.sections) <= 6


@pytest.mark.parametrize("number", LESSONS)
def test_every_text_exists_in_english_and_chinese_and_they_differ(number):
    for text in _texts(load_lesson(number)):
        assert text.en.strip() and text.zh.strip()
        assert text.en != text.zh
        assert any("\u4e00" <= char <= "\u9fff" for char in text.zh), text.zh


@pytest.mark.parametrize("number", LESSONS)
def test_chinese_paragraphs_are_not_soft_wrapped_so_markdown_adds_no_spaces(number):
    for text in _texts(load_lesson(number)):
        lines = text.zh.split("\n")
        for line, following in zip(lines, lines[1:]):
            continues_paragraph = line.strip() and following.strip() and not following.lstrip().startswith("- ")
            assert not continues_paragraph, f"{line!r} is wrapped onto {following!r}"


@pytest.mark.parametrize("number", LESSONS)
def test_there_are_three_hints_and_the_last_is_the_most_detailed(number):
    hints = load_lesson(number).hints
    assert len(hints) == 3
    assert len(hints[0].en) < len(hints[2].en)


@pytest.mark.parametrize("number", LESSONS)
def test_task_functions_are_exactly_the_contract(number):
    assert [f.name for f in load_lesson(number).task.functions] == CONTRACT[number]


@pytest.mark.parametrize("number", LESSONS)
def test_task_signatures_name_their_function(number):
    for function in load_lesson(number).task.functions:
        assert function.signature.startswith(f"{function.name}(")


@pytest.mark.parametrize("number", LESSONS)
def test_sympy_formulas_parse_and_fit_in_76_columns(number):
    formulas = [f for f in load_lesson(number).formulas if f.sympy is not None]
    assert formulas
    for formula in formulas:
        drawing = sympy.pretty(parse_expr(formula.sympy, evaluate=False), use_unicode=True, num_columns=76)
        assert max(len(line) for line in drawing.splitlines()) <= 76


@pytest.mark.parametrize("number", LESSONS)
def test_text_formulas_use_no_latex(number):
    for formula in load_lesson(number).formulas:
        if formula.text is not None:
            assert "\\" not in formula.text and "$" not in formula.text


@pytest.mark.parametrize("number", LESSONS)
def test_worked_code_is_plain_ascii_so_it_can_be_copied(number):
    for block in load_lesson(number).worked:
        offending = sorted({char for char in block.source if ord(char) > 127})
        assert not offending, f"{block.title.en!r} contains {offending}"


@pytest.mark.parametrize("number", LESSONS)
def test_worked_code_lines_fit_a_terminal(number):
    for block in load_lesson(number).worked:
        assert max(len(line) for line in block.source.splitlines()) <= 79, block.title.en


@pytest.mark.parametrize("number", LESSONS)
def test_every_worked_block_runs_and_prints_short_lines(number):
    outputs = _run(number).outputs
    assert len(outputs) == len(load_lesson(number).worked)
    for output in outputs:
        assert output.error is None, output.error
        assert output.text.strip()
        assert all(len(line) <= 78 for line in output.text.splitlines())


@pytest.mark.parametrize("number", LESSONS)
def test_every_figure_sets_a_matplotlib_figure(number):
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    for figure in load_lesson(number).figures:
        namespace = {"np": np, "plt": plt, "t": lambda en, zh: en}
        try:
            exec(compile(figure.source, figure.name, "exec"), namespace)
            assert isinstance(namespace.get("fig"), Figure), figure.name
        finally:
            plt.close("all")


# --- lesson 5: backpropagation ------------------------------------------------------


def test_lesson5_teaches_the_corrected_derivative_and_jacobians():
    body = " ".join(section.body.en for section in load_lesson(5).sections)
    for fact in ("σ′(z) = σ(z)·(1 − σ(z))", "diag(g′(z))", "Wᵀ", "**sum**", "**mean**"):
        assert fact in body


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=-30, max_value=30))
def test_lesson5_dsigmoid_equals_sympys_derivative_of_the_sigmoid(z):
    symbol = sympy.symbols("z")
    exact = sympy.diff(1 / (1 + sympy.exp(-symbol)), symbol).subs(symbol, sympy.Float(z, 30))
    assert _run(5).namespace["dsigmoid"](np.array([z]))[0] == pytest.approx(float(exact), rel=1e-9, abs=1e-15)


def test_lesson5_drelu_is_the_step_function():
    z = np.array([-2.0, -1e-9, 1e-9, 3.0])
    assert _run(5).namespace["drelu"](z).tolist() == [0.0, 0.0, 1.0, 1.0]


def test_lesson5_backward_matches_a_finite_difference_on_a_fresh_batch():
    ns = _run(5).namespace
    params = ns["init_params"]([2, 16, 16, 1], seed=7)
    X, y = ns["X"][200:240], ns["y"][200:240]
    p, cache = ns["forward"](params, X)
    grads = ns["backward"](params, cache, p, y)
    rng = np.random.default_rng(1)
    eps = 1e-6
    for (W, b), (dW, db) in zip(params, grads):
        assert dW.shape == W.shape and db.shape == b.shape
        for array, grad in ((W, dW), (b, db)):
            for _ in range(5):
                index = tuple(rng.integers(0, size) for size in array.shape)
                kept = array[index]
                array[index] = kept + eps
                up = ns["loss"](ns["forward"](params, X)[0], y)
                array[index] = kept - eps
                down = ns["loss"](ns["forward"](params, X)[0], y)
                array[index] = kept
                assert grad[index] == pytest.approx((up - down) / (2 * eps), rel=1e-5, abs=1e-9)


def test_lesson5_gradient_check_reports_a_tiny_relative_error():
    ns = _run(5).namespace
    assert ns["relative_error"] < 1e-6
    assert ns["numeric"].size == 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1
    assert f"relative error of backward(): {ns['relative_error']:.1e}" in _printed(5)


def test_lesson5_training_reaches_high_accuracy_by_sklearns_measure():
    from sklearn.metrics import accuracy_score, log_loss

    ns = _run(5).namespace
    p = ns["forward"](ns["params"], ns["X"])[0].ravel()
    labels = ns["y"].ravel()
    accuracy = accuracy_score(labels, p > 0.5)
    loss = log_loss(labels, p)
    assert accuracy >= 0.95
    assert loss < 0.1
    assert f"epoch 150   loss {loss:.4f}   accuracy {accuracy:.3f}" in _printed(5)


def test_lesson5_training_log_shows_first_every_tenth_and_last_epoch():
    block = load_lesson(5).worked[3]
    text = _run(5).outputs[3].text
    epochs = [int(line.split()[1]) for line in text.splitlines() if line.startswith("epoch")]
    assert epochs == [1, *range(10, 151, 10)]
    assert len(text.splitlines()) <= block.output.head + block.output.tail


def test_lesson5_circulated_sigmoid_derivative_doubles_every_weight_gradient():
    ns = _run(5).namespace
    assert np.allclose(ns["ratio"], 2.0, rtol=1e-12)
    assert ns["ratio"].size > 300
    assert "wrong / right gradient: min 2.0000, max 2.0000" in _printed(5)


# --- lesson 6: optimisation ---------------------------------------------------------


def test_lesson6_teaches_local_extrema_and_necessary_not_sufficient():
    sections = load_lesson(6).sections
    assert "Necessary, not sufficient" in [section.heading.en for section in sections]
    body = " ".join(section.body.en for section in sections)
    for fact in ("**local maximum**", "**local minimum**", "Neither is global", "**inflection**"):
        assert fact in body


def test_lesson6_critical_points_are_the_roots_numpy_finds():
    ns = _run(6).namespace
    found = sorted(float(x0) for x0 in ns["critical"])
    assert found == pytest.approx(sorted(np.roots([3.0, -4.0, 0.0]).real))


def test_lesson6_classification_agrees_with_a_numeric_second_difference():
    ns = _run(6).namespace

    def f(x: float) -> float:
        return x**3 - 2 * x**2 + 1

    h = 1e-4
    for x0, kind in ns["kinds"].items():
        x = float(x0)
        curvature = (f(x + h) - 2 * f(x) + f(x - h)) / h**2
        assert kind == ("local minimum" if curvature > 0 else "local maximum")


def test_lesson6_prints_the_exact_values_at_the_critical_points():
    value_at_min = Fraction(4, 3) ** 3 - 2 * Fraction(4, 3) ** 2 + 1
    assert value_at_min == Fraction(-5, 27)
    text = _printed(6)
    assert "x = 0     f = 1     (+1.0000)  f'' = -4   local maximum" in text
    assert f"x = 4/3   f = -5/27 ({float(value_at_min):+.4f})  f'' = 4    local minimum" in text
    assert "f(-2) = -15 < f(4/3),   f(3) = 10 > f(0)" in text


def test_lesson6_numeric_optimiser_lands_on_the_same_points():
    ns = _run(6).namespace
    assert ns["low"].x == pytest.approx(4 / 3, abs=1e-4)
    assert abs(ns["high"].x) < 1e-4
    text = _printed(6)
    assert f"local minimum near x = {ns['low'].x:.6f}, f = {-5 / 27:.6f}" in text
    assert "local maximum near x = 0.000000, f = 1.000000" in text


def test_lesson6_flat_second_derivative_cases_are_classified_by_the_sign_of_f_prime():
    text = _printed(6)
    assert "x**3    f'(0) = 0  f''(0) = 0  f' signs +/+  -> neither" in text
    assert "x**4    f'(0) = 0  f''(0) = 0  f' signs -/+  -> minimum" in text
    assert "-x**4   f'(0) = 0  f''(0) = 0  f' signs +/-  -> maximum" in text


# --- lesson 7: support vector machines ----------------------------------------------


def test_lesson7_teaches_support_vectors_as_points_and_the_kkt_lagrangian():
    body = " ".join(section.body.en for section in load_lesson(7).sections)
    for fact in ("data points that lie exactly on the margin", "L = a² + b² − Σ λᵢ·gᵢ", "λᵢ ≥ 0",
                 "KKT conditions", "complementary slackness"):
        assert fact in body


def test_lesson7_slsqp_line_matches_an_independent_svc_fit_and_the_exact_answer():
    from sklearn.svm import SVC

    ns = _run(7).namespace
    svc = SVC(kernel="linear", C=1e8, tol=1e-10).fit(ns["points"], ns["labels"])
    expected = [*svc.coef_[0], svc.intercept_[0]]
    assert list(ns["result"].x) == pytest.approx(expected, abs=1e-5)
    assert list(ns["result"].x) == pytest.approx([2 / 3, 2 / 3, -1.0], abs=1e-6)
    text = _printed(7)
    assert "(a, b, c) = (0.6667, 0.6667, -1.0000)" in text
    assert "a^2 + b^2 = 0.8889" in text
    assert "the line: x + y = 1.5000" in text


def test_lesson7_margin_half_width_is_the_distance_to_the_nearest_point():
    ns = _run(7).namespace
    a, b, c = ns["result"].x
    nearest = min(abs(a * x + b * y + c) / math.hypot(a, b) for x, y in ns["points"])
    assert ns["half_width"] == pytest.approx(nearest, rel=1e-6)
    assert ns["half_width"] == pytest.approx(3 / (2 * math.sqrt(2)), rel=1e-6)
    assert "margin half-width 1/sqrt(a^2+b^2) = 1.0607" in _printed(7)


def test_lesson7_support_vectors_are_the_points_on_the_margin():
    ns = _run(7).namespace
    assert ns["support"].tolist() == [0, 1, 2]
    assert "support vectors (indices): [0, 1, 2]" in _printed(7)


def test_lesson7_multipliers_are_twice_svcs_and_satisfy_the_kkt_conditions():
    from sklearn.svm import SVC

    ns = _run(7).namespace
    points, labels, multipliers = ns["points"], ns["labels"], ns["multipliers"]
    a, b, _ = ns["result"].x
    svc = SVC(kernel="linear", C=1e8, tol=1e-10).fit(points, labels)
    alphas = np.zeros(len(points))
    alphas[svc.support_] = np.abs(svc.dual_coef_[0])
    assert multipliers == pytest.approx(2 * alphas, abs=1e-5)
    assert multipliers == pytest.approx([8 / 9, 4 / 9, 4 / 9], abs=1e-6)
    assert np.all(multipliers >= 0)
    assert (multipliers * labels) @ points == pytest.approx([2 * a, 2 * b], abs=1e-9)
    assert multipliers @ labels == pytest.approx(0.0, abs=1e-9)
    assert "multipliers: [0.8889 0.4444 0.4444]" in _printed(7)
    assert "2 x SVC multipliers: [0.8889 0.4444 0.4444]" in _printed(7)
