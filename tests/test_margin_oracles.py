"""The max-margin oracles (lesson 7): SLSQP references, diagnoses, and graded answer files."""

from __future__ import annotations


import numpy as np
import pytest
from answer_files import ANSWERS as ANSWER_ROOT
from answer_files import diagnosis_in_name
from hypothesis import given, settings
from hypothesis import strategies as st

from calccourse.content.loader import load_lesson
from calccourse.grading.child import encode_value
from calccourse.grading.model import Diagnosis, Status
from calccourse.grading.oracles.base import oracle_for
from calccourse.grading.oracles.margin import CLEAR_OF_MARGIN, max_margin_line, random_problems, solve
from calccourse.grading.protocol import decode_returned

ANSWERS = ANSWER_ROOT / "lesson7"
TASK_POINTS = np.array([(-1, -1), (-3, -1), (0, 0), (1, 2), (2, 1), (3, 3)], dtype=float)
TASK_LABELS = np.array([-1, -1, -1, 1, 1, 1])


class ScriptedSession:
    """Stands in for a LearnerSession: every call returns what ``answer(points, labels)`` gives,
    encoded exactly as the child process would encode it."""

    defined = ["max_margin_line", "support_vectors"]

    def __init__(self, answer):
        self.answer = answer

    def call_many(self, function, rows):
        return [decode_returned(encode_value(self.answer(*row))) for row in rows]


def _check(kind: str):
    lesson = load_lesson(7)
    return next(check for check in lesson.checks if check.kind == kind)


def _graded(kind: str, answer, lang="en"):
    oracle = oracle_for(_check(kind), lang)
    oracle.prepare()
    [result] = oracle.grade(ScriptedSession(answer))
    return result


def _true_line(points, labels):
    return max_margin_line(np.asarray(points, float), np.asarray(labels))


def test_six_point_task_has_line_two_thirds_two_thirds_minus_one_and_three_support_vectors():
    problem = solve(TASK_POINTS, TASK_LABELS)
    assert np.allclose(problem.line, [2 / 3, 2 / 3, -1], atol=1e-9)
    assert problem.support == {2, 3, 4}
    assert np.allclose(problem.margins(problem.line)[[0, 1, 5]], [7 / 3, 11 / 3, 3])


def test_three_point_worked_example_has_the_same_line():
    problem = solve(np.array([(0, 0), (1, 2), (2, 1)], float), np.array([-1, 1, 1]))
    assert np.allclose(problem.line, [2 / 3, 2 / 3, -1], atol=1e-9)
    assert problem.support == {0, 1, 2}


@pytest.mark.parametrize("seed", [0, 7, 11])
def test_slsqp_reference_agrees_with_a_hard_margin_linear_svc(seed):
    from sklearn.svm import SVC

    for problem in random_problems(3, seed):
        model = SVC(kernel="linear", C=1e6, tol=1e-6).fit(problem.points, problem.labels)
        svc_line = np.append(model.coef_[0], model.intercept_[0])
        assert np.allclose(problem.line, svc_line, atol=2e-3 * max(1.0, np.abs(svc_line).max()))
        assert set(model.support_) == problem.support


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10_000))
def test_random_sets_have_support_vectors_on_the_margin_and_every_other_point_clearly_off_it(seed):
    [problem] = random_problems(1, seed)
    margins = problem.margins(problem.line)
    on_margin = np.abs(margins - 1) < 1e-6
    assert set(np.flatnonzero(on_margin)) == problem.support
    assert np.all(margins[~on_margin] >= CLEAR_OF_MARGIN)
    assert {1, -1} <= set(problem.labels.tolist())


def test_random_sets_are_the_same_for_the_same_seed():
    first, second = random_problems(2, 3), random_problems(2, 3)
    assert all(np.array_equal(a.points, b.points) for a, b in zip(first, second))


def test_a_set_that_cannot_be_separated_is_refused():
    with pytest.raises(ValueError, match="not linearly separable"):
        max_margin_line(np.array([(0, 0), (1, 1), (2, 2)], float), np.array([1, -1, 1]))


@pytest.mark.parametrize("shape", [
    lambda line: tuple(line),
    lambda line: list(line),
    lambda line: np.array(line),
    lambda line: (np.array(line[:2]), line[2]),
    lambda line: np.array([line]),
], ids=["tuple", "list", "array", "w-and-c", "row"])
def test_max_margin_line_accepts_every_honest_container(shape):
    result = _graded("max_margin_line", lambda p, y: shape(_true_line(p, y)))
    assert result.status is Status.PASS


def test_max_margin_line_with_positive_class_on_negative_side_is_wrong_orientation():
    result = _graded("max_margin_line", lambda p, y: tuple(-_true_line(p, y)))
    assert result.diagnosis is Diagnosis.WRONG_ORIENTATION
    assert "(2/3, 2/3, -1)" in result.message


@settings(max_examples=15, deadline=None)
@given(st.floats(0.05, 20).filter(lambda k: abs(k - 1) > 0.01))
def test_max_margin_line_scaled_by_k_is_constant_factor_k(k):
    oracle = oracle_for(_check("max_margin_line"), "en")
    oracle.prepare()
    [result] = oracle.grade(ScriptedSession(lambda p, y: tuple(k * _true_line(p, y))))
    assert result.diagnosis is Diagnosis.CONSTANT_FACTOR
    assert "scale (a, b, c)" in result.message


def test_max_margin_line_returning_none_says_so():
    result = _graded("max_margin_line", lambda p, y: None)
    assert result.diagnosis is Diagnosis.WRONG_TYPE
    assert "return" in result.message


def test_max_margin_line_returning_two_numbers_is_wrong_shape():
    result = _graded("max_margin_line", lambda p, y: (1.0, 1.0))
    assert result.diagnosis is Diagnosis.WRONG_SHAPE


@pytest.mark.parametrize("shape", [list, set, tuple, np.array, lambda s: [np.int64(i) for i in s]],
                         ids=["list", "set", "tuple", "array", "numpy-ints"])
def test_support_vectors_accepts_every_honest_container(shape):
    def answer(points, labels):
        return shape(sorted(solve(np.asarray(points, float), np.asarray(labels)).support))

    assert _graded("support_vectors", answer).status is Status.PASS


def test_support_vectors_names_the_missing_point_in_both_languages():
    answer = lambda p, y: [3, 4] if len(p) == 6 else []  # noqa: E731
    english, chinese = _graded("support_vectors", answer), _graded("support_vectors", answer, lang="zh")
    assert english.diagnosis is chinese.diagnosis is Diagnosis.MISSING_POINTS
    assert "#2 (0, 0), -1" in english.message and "#2 (0, 0), -1" in chinese.message
    assert "漏掉" in chinese.message


# --- graded answer files (a warm pool keeps the many child processes cheap) ---------------

GOOD = sorted(path.name for path in ANSWERS.glob("good_*.py"))
BAD = sorted(path.name for path in ANSWERS.glob("bad_*.py"))


@pytest.mark.parametrize("name", GOOD)
def test_good_answer_passes_every_check(name, grade_answer):
    report = grade_answer(7, name)
    assert report.status is Status.PASS, [test.message for test in report.tests if test.status is not Status.PASS]


@pytest.mark.parametrize("name", BAD)
def test_bad_answer_fails_one_check_with_the_diagnosis_in_its_name(name, grade_answer):
    report = grade_answer(7, name)
    failed = [test for test in report.tests if test.status is not Status.PASS]
    assert [test.diagnosis for test in failed] == [diagnosis_in_name(name)], [test.message for test in failed]
    expected_function = "support_vectors" if "_support_" in name else "max_margin_line"
    assert failed[0].function == expected_function
