"""The starter files: the contract's functions, documented, and graded as not_implemented."""

from __future__ import annotations

import ast

import pytest

from calccourse.content.loader import load_all_lessons
from calccourse.content.paths import exercises_dir
from calccourse.grading.grader import grade
from calccourse.grading.model import Diagnosis, Status

LESSONS = load_all_lessons()


def _functions(lesson) -> dict[str, ast.FunctionDef]:
    tree = ast.parse((exercises_dir() / lesson.task.file).read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: f"lesson{lesson.number}")
def test_the_starter_says_what_to_do_and_how_to_check_it(lesson):
    path = exercises_dir() / lesson.task.file
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert f"calccourse check {lesson.number} {lesson.task.file}" in docstring


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: f"lesson{lesson.number}")
def test_the_starter_defines_every_task_function_with_its_signature_a_docstring_and_no_body(lesson):
    functions = _functions(lesson)
    assert set(functions) >= {function.name for function in lesson.task.functions}
    for task_function in lesson.task.functions:
        node = functions[task_function.name]
        assert f"{node.name}({', '.join(arg.arg for arg in node.args.args)})" == task_function.signature
        docstring = ast.get_docstring(node)
        assert "Returns" in docstring and "Example" in docstring
        body = node.body[1:]
        assert len(body) == 1 and isinstance(body[0], ast.Raise)
        assert ast.unparse(body[0].exc) == "NotImplementedError"


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: f"lesson{lesson.number}")
def test_checking_an_untouched_starter_reports_not_implemented_for_every_check(lesson):
    report = grade(lesson, exercises_dir() / lesson.task.file)
    assert report.load_problem is None and report.tests
    assert {test.diagnosis for test in report.tests} == {Diagnosis.NOT_IMPLEMENTED}
    assert all(test.status is Status.FAIL and "write it" in test.message for test in report.tests)
