"""Grading whole answer files: good answers in every style pass, each known mistake is named.

Every file runs in a real child process (a fresh fork of a warm pool, as in watch mode),
graded once however many tests read it (the `grade_answer` fixture); tests/test_check_cli.py
covers cold checks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from answer_files import ANSWERS

from calccourse.content.loader import load_lesson
from calccourse.grading.grader import SUPPORTED_SUFFIXES, grade, preload_for
from calccourse.grading.model import Diagnosis, Status
from calccourse.grading.sandbox import LearnerSession

pytestmark = pytest.mark.slow

LESSONS = (1, 2, 3, 4, 5, 6)
EXPRESSION_FUNCTIONS = {
    number: [check.function for check in load_lesson(number).checks if check.kind == "expression"]
    for number in LESSONS
}


def _good_files() -> list[tuple[int, Path]]:
    return [(n, path) for n in LESSONS for path in sorted((ANSWERS / f"lesson{n}").glob("good_*.py"))]


def _expected_mistake(lesson: int, path: Path) -> tuple[Diagnosis, str] | None:
    """bad_<diagnosis>_<function>[_detail].py → (diagnosis, function) for functions graded by
    the expression oracle; None for other files."""
    rest = path.stem.removeprefix("bad_")
    for code in sorted(Diagnosis, key=lambda code: -len(code.value)):
        if rest.startswith(code.value + "_"):
            target = rest.removeprefix(code.value + "_")
            for function in EXPRESSION_FUNCTIONS[lesson]:
                if target == function or target.startswith(function + "_"):
                    return code, function
    return None


def _bad_files() -> list[tuple[int, Path, Diagnosis, str]]:
    cases = []
    for n in LESSONS:
        for path in sorted((ANSWERS / f"lesson{n}").glob("bad_*.py")):
            expected = _expected_mistake(n, path)
            if expected is not None:
                cases.append((n, path, *expected))
    return cases


@pytest.mark.parametrize(("lesson", "path"), _good_files(), ids=lambda value: getattr(value, "name", value))
def test_every_good_answer_passes_every_check(lesson, path, grade_answer):
    report = grade_answer(lesson, path.name)
    failing = [(test.name, test.diagnosis, test.message) for test in report.tests if test.status is not Status.PASS]
    assert report.status is Status.PASS, failing
    assert report.score == report.max_score > 0


@pytest.mark.parametrize(("lesson", "path", "diagnosis", "function"), _bad_files(),
                         ids=lambda value: getattr(value, "name", None))
def test_every_bad_answer_fails_only_its_function_with_the_diagnosis_in_its_name(lesson, path, diagnosis, function,
                                                                                grade_answer):
    report = grade_answer(lesson, path.name)
    failing = {test.function: test.diagnosis for test in report.tests if test.status is not Status.PASS}
    assert failing == {function: diagnosis}, [test.message for test in report.tests]
    [test] = [test for test in report.tests if test.function == function]
    assert f"{function}" in test.message


def test_there_is_a_good_answer_in_each_style_and_a_bad_one_for_each_expression_function():
    for n in LESSONS:
        assert len(list((ANSWERS / f"lesson{n}").glob("good_*.py"))) >= 4
        targets = {function for lesson, _, _, function in _bad_files() if lesson == n}
        assert targets == set(EXPRESSION_FUNCTIONS[n]), n


def test_messages_quote_the_call_and_name_the_mistake(grade_answer):
    report = grade_answer(5, "bad_constant_factor_dsigmoid_twice.py")
    [test] = [test for test in report.tests if test.function == "dsigmoid"]
    assert test.message.startswith("dsigmoid(0.0) returned 0.5, expected 0.25")
    assert "twice too large" in test.message


def test_reports_are_written_in_chinese_when_asked(grade_answer):
    report = grade_answer(1, "bad_sign_flip_df.py", "zh")
    [test] = [test for test in report.tests if test.function == "df"]
    assert "符号反了" in test.message and test.title.startswith("df(x) 等于")


def test_the_learners_printed_output_is_kept_and_hints_are_offered(grade_answer):
    report = grade_answer(1, "good_script_style.py")
    assert "max error of the forward difference" in report.learner_output
    assert report.hint_available


def test_a_syntax_error_shows_the_line_with_a_caret_and_fails_every_check(tmp_path):
    answer = tmp_path / "answer.py"
    answer.write_text("def f(x):\n    return x**3 - 2*x**2 + 1\n\ndef df(x):\n    return 3x**2 - 4*x\n")
    report = grade(load_lesson(1), answer)
    assert report.status is Status.ERROR and report.load_problem.diagnosis is Diagnosis.SYNTAX_ERROR
    lines = report.load_problem.message.splitlines()
    assert "line 5" in report.load_problem.message
    code, caret = lines[-2], lines[-1]
    assert code.strip() == "return 3x**2 - 4*x"
    assert caret.strip() == "^" and code[caret.index("^")] in "3x"
    assert {test.diagnosis for test in report.tests} == {Diagnosis.SYNTAX_ERROR}
    assert all(test.status is Status.FAIL for test in report.tests)
    assert report.to_dict()["tests"][0]["name"] == "load"


def test_an_import_error_shows_the_exception_and_the_learners_traceback(tmp_path):
    answer = tmp_path / "answer.py"
    answer.write_text("import numpy as np\n\nscale = np.ones(3) @ np.ones(4)\n")
    report = grade(load_lesson(6), answer)
    assert report.load_problem.diagnosis is Diagnosis.IMPORT_ERROR
    assert "ValueError" in report.load_problem.message and "line 3" in report.load_problem.message
    assert {test.diagnosis for test in report.tests} == {Diagnosis.IMPORT_ERROR}


def test_a_hanging_function_times_out_alone_while_the_others_are_graded(tmp_path):
    source = (ANSWERS / "lesson6" / "good_vectorised_numpy.py").read_text()
    answer = tmp_path / "answer.py"
    answer.write_text(source + "\n\ndef dlog(x):\n    while True:\n        pass\n")
    report = grade(load_lesson(6), answer, timeout=5.0)  # room for a busy machine; the loop needs all 5 s
    verdicts = {test.function: test.diagnosis for test in report.tests}
    assert verdicts.pop("dlog") is Diagnosis.TIMEOUT
    assert set(verdicts.values()) == {None}


def test_a_notebook_is_graded_like_a_python_file(tmp_path):
    source = (ANSWERS / "lesson1" / "good_vectorised_numpy.py").read_text()
    cells = [{"id": "intro", "cell_type": "markdown", "metadata": {}, "source": "# My answer"},
             {"id": "answer", "cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
              "source": "%matplotlib inline\n" + source}]
    notebook = tmp_path / "answer.ipynb"
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert ".ipynb" in SUPPORTED_SUFFIXES
    assert grade(load_lesson(1), notebook).status is Status.PASS


def test_a_syntax_error_in_a_notebook_names_the_cell(tmp_path):
    cells = [{"id": "one", "cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": "x = 1"},
             {"id": "two", "cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": "def f(x):\n    return x –1"}]
    notebook = tmp_path / "answer.ipynb"
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    report = grade(load_lesson(1), notebook)
    assert report.load_problem.diagnosis is Diagnosis.SYNTAX_ERROR
    assert "code cell 2, line 2" in report.load_problem.message


def test_sympy_is_preloaded_only_when_a_check_needs_it():
    assert preload_for(load_lesson(1)) == ("numpy", "sympy")
    assert preload_for(load_lesson(7)) == ("numpy",)


def test_a_session_factory_without_preload_is_used_as_given(tmp_path):
    made = []

    def factory(path, *, timeout, source=None, filename=None):
        made.append(timeout)
        return LearnerSession(path, timeout=timeout, source=source, filename=filename)

    report = grade(load_lesson(1), ANSWERS / "lesson1" / "good_scalar_math.py", timeout=7.0, session_factory=factory)
    assert made == [7.0] and report.status is Status.PASS
