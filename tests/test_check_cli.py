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


def test_plot_option_saves_a_figure_of_the_answer_against_the_reference(run_cli, tmp_path):
    out = tmp_path / "plots"
    result = run_cli("check", "1", str(_answer(tmp_path, SIGN_FLIPPED_DERIVATIVE)), "--plot", str(out))
    assert result.returncode == 1
    saved = sorted(out.glob("*.png"))
    assert saved and saved[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(saved[0]) in result.stdout.replace("\n", "")


def test_json_output_stays_one_object_when_a_plot_is_asked_for(run_cli, tmp_path):
    result = run_cli("check", "1", str(_answer(tmp_path, CORRECT_LESSON_1)), "--json", "--plot", str(tmp_path))
    assert _json_report(result)["status"] == "pass"
    assert "Saved a plot" in result.stderr


def test_a_notebook_answer_with_magics_is_checked_like_a_file(run_cli, tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# My answer"),
        nbformat.v4.new_code_cell("%matplotlib inline\n!pip install nothing"),
        nbformat.v4.new_code_cell(CORRECT_LESSON_1),
    ]
    path = tmp_path / "answer.ipynb"
    nbformat.write(notebook, path)
    report = _json_report(run_cli("check", "1", str(path), "--json"))
    assert report["status"] == "pass"


def test_check_records_progress_that_list_and_progress_show(run_cli, tmp_path):
    home = {"CALCCOURSE_HOME": str(tmp_path / "home")}
    assert run_cli("check", "1", str(_answer(tmp_path, CORRECT_LESSON_1)), env=home).returncode == 0
    assert run_cli("check", "2", str(exercises_dir() / "lesson2.py"), env=home).returncode == 1
    listing = run_cli("list", env=home).stdout
    assert "✓ done" in listing and "… attempted" in listing
    summary = run_cli("progress", env=home)
    assert summary.returncode == 0 and "1 of 7 lessons done" in summary.stdout
    refused = run_cli("progress", "--reset", env=home)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert run_cli("progress", "--reset", "1", "--yes", env=home).returncode == 0
    assert "0 of 7 lessons done" in run_cli("progress", env=home).stdout


def test_init_twice_keeps_an_edited_file_and_says_so(run_cli, tmp_path):
    first = run_cli("init", "work")
    assert first.returncode == 0 and "created" in first.stdout and "calccourse check 1" in first.stdout
    edited = tmp_path / "work" / "lesson3.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# my notes\n", encoding="utf-8")
    second = run_cli("init", "work")
    assert second.returncode == 0
    assert "lesson3.py" in second.stdout and "kept" in second.stdout
    assert edited.read_text(encoding="utf-8").endswith("# my notes\n")
    assert sorted(path.name for path in (tmp_path / "work").iterdir()) == [f"lesson{n}.py" for n in range(1, 8)]
