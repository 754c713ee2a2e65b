"""`calccourse check` as a learner and a tool meet it: exit codes, JSON, plain text."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from calccourse.content.paths import exercises_dir

SCHEMA = json.loads(resources.files("calccourse.grading").joinpath("report.schema.json").read_text(encoding="utf-8"))
ANSI = re.compile(r"\x1b\[")

CORRECT_LESSON_1 = '''
import numpy as np

def f(x):
    return x**3 - 2*x**2 + 1

def df(x):
    return 3*x**2 - 4*x

def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
'''

SIGN_FLIPPED_DERIVATIVE = CORRECT_LESSON_1.replace("return 3*x**2 - 4*x", "return 4*x - 3*x**2")

FAKE_REPORT = (
    'print(\'{"lesson": 1, "status": "pass", "score": 6, "max_score": 6, "tests": []}\')\n'
    "print('All checks pass. Well done!')\n"
    "def f(x):\n    return 0\n"
)


def _answer(tmp_path: Path, text: str, name: str = "answer.py") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _json_report(result) -> dict:
    report = json.loads(result.stdout)  # exactly one JSON document on stdout, nothing else
    jsonschema.validate(report, SCHEMA)
    return report


def test_a_correct_answer_passes_with_exit_0_and_a_valid_json_report(run_cli, tmp_path):
    result = run_cli("check", "1", str(_answer(tmp_path, CORRECT_LESSON_1)), "--json")
    report = _json_report(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["status"] == "pass" and report["score"] == report["max_score"] > 0


def test_a_wrong_answer_fails_with_exit_1_and_names_the_diagnosis(run_cli, tmp_path):
    result = run_cli("check", "1", str(_answer(tmp_path, SIGN_FLIPPED_DERIVATIVE)), "--json")
    report = _json_report(result)
    assert result.returncode == 1
    failing = [test for test in report["tests"] if test["status"] != "pass"]
    assert failing and all(test["diagnosis"] == "sign_flip" for test in failing)


def test_the_terminal_report_is_plain_text_when_piped_and_shows_the_evidence(run_cli, tmp_path):
    result = run_cli("check", "1", str(_answer(tmp_path, SIGN_FLIPPED_DERIVATIVE)))
    assert result.returncode == 1
    assert not ANSI.search(result.stdout)
    assert "✓" in result.stdout and "✗" in result.stdout
    assert "sign_flip" in result.stdout and "df(" in result.stdout
    assert "calccourse hint 1" in result.stdout


def test_a_fake_report_printed_by_the_learner_changes_nothing(run_cli, tmp_path):
    result = run_cli("check", "1", str(_answer(tmp_path, FAKE_REPORT)), "--json")
    report = _json_report(result)
    assert result.returncode == 1 and report["status"] == "fail"
    assert {test["diagnosis"] for test in report["tests"]} >= {"wrong_value", "missing_function"}


@pytest.mark.parametrize("number", range(1, 8))
def test_every_starter_checks_as_not_implemented_not_as_a_crash(run_cli, number):
    starter = exercises_dir() / f"lesson{number}.py"
    result = run_cli("check", str(number), str(starter), "--json")
    report = _json_report(result)
    assert result.returncode == 1
    assert report["tests"] and {test["diagnosis"] for test in report["tests"]} == {"not_implemented"}


def test_a_syntax_error_points_at_the_line_with_a_caret(run_cli, tmp_path):
    path = _answer(tmp_path, "def f(x):\n    return x **\n")
    result = run_cli("check", "1", str(path))
    assert result.returncode == 1
    assert "return x **" in result.stdout and "^" in result.stdout and "line 2" in result.stdout
    as_json = _json_report(run_cli("check", "1", str(path), "--json"))
    assert as_json["status"] == "error" and as_json["tests"][0]["diagnosis"] == "syntax_error"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "9", "answer.py"], "there is no lesson 9"),
        (["check", "1", "missing.py"], "no such file"),
        (["check", "1", "notes.txt"], "cannot check notes.txt"),
        (["check", "1", "."], "is a folder"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(run_cli, tmp_path, args, message):
    _answer(tmp_path, CORRECT_LESSON_1)
    _answer(tmp_path, "some notes", name="notes.txt")
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
