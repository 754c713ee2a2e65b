"""The reading side as a learner meets it: list, lesson, hint, help, in both languages."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from rich.console import Console

from calccourse.content.loader import load_all_lessons, load_lesson
from calccourse.content.paths import lesson_files
from calccourse.reference.runner import run_worked
from calccourse.render.lesson import render_lesson

HEAVY = {"numpy", "sympy", "scipy", "matplotlib", "sklearn"}
ANSI = re.compile(r"\x1b\[")
NUMBERS = list(lesson_files())


def test_the_course_has_seven_lessons_numbered_one_to_seven():
    assert NUMBERS == [1, 2, 3, 4, 5, 6, 7]
    assert [lesson.number for lesson in load_all_lessons()] == NUMBERS


def _rendered(number: int, lang: str, run: bool) -> str:
    lesson = load_lesson(number)
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, no_color=True, force_terminal=False)
    render_lesson(console, lesson, run_worked(lesson) if run else None, lang)
    return buffer.getvalue()


@pytest.mark.parametrize("number", NUMBERS)
def test_every_lesson_renders_in_both_languages_within_80_columns(number):
    lesson = load_lesson(number)
    english = _rendered(number, "en", run=True)
    chinese = _rendered(number, "zh", run=False)
    assert lesson.title("en") in english and lesson.title("zh") in chinese
    assert lesson.task.file in english and "Your task" in english and "你的任务" in chinese
    for function in lesson.task.functions:
        assert function.signature in english
    assert "stopped with an error" not in english
    for text in (english, chinese):
        assert max(len(line) for line in text.splitlines()) <= 80
        assert not ANSI.search(text)


@pytest.mark.parametrize("number", NUMBERS)
def test_no_run_shows_the_code_but_not_its_output(number):
    text = _rendered(number, "en", run=False)
    assert "--no-run" in text
    source_line = next(line for line in load_lesson(number).worked[0].source.splitlines() if line.strip())
    assert source_line.strip() in text


def test_lesson_five_training_log_is_summarised_not_150_lines():
    output = "\n".join(block.text for block in run_worked(load_lesson(5)).outputs)
    epoch_lines = [line for line in output.splitlines() if re.search(r"\bepoch\b", line, re.I)]
    assert 5 <= len(epoch_lines) <= 25


def test_list_shows_every_lesson_and_its_task_without_colour_when_piped(run_cli):
    result = run_cli("list")
    assert result.returncode == 0, result.stderr
    assert not ANSI.search(result.stdout)
    for lesson in load_all_lessons():
        assert lesson.title("en") in result.stdout
    assert "not started" in result.stdout


def test_list_in_chinese(run_cli):
    result = run_cli("list", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert load_lesson(3).title("zh") in result.stdout


def test_language_defaults_from_the_locale(run_cli):
    result = run_cli("lesson", "2", "--no-run", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert load_lesson(2).title("zh") in result.stdout
    assert "你的任务" in result.stdout


def test_unknown_language_is_a_usage_error(run_cli):
    result = run_cli("list", "--lang", "fr")
    assert result.returncode == 2 and "unknown language" in result.stderr


def test_lesson_command_runs_the_worked_code_and_shows_its_output(run_cli):
    result = run_cli("lesson", "3")
    assert result.returncode == 0, result.stderr
    assert "Output" in result.stdout and "27.29" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("number", NUMBERS)
def test_hints_exist_for_every_lesson_in_both_languages_and_grow_more_concrete(number):
    hints = load_lesson(number).hints
    assert len(hints) >= 3
    for hint in hints:
        assert hint("en") != hint("zh")
    assert len(hints[-1]("en")) > len(hints[0]("en"))


def test_hint_command_shows_a_level_and_points_to_the_next(run_cli):
    result = run_cli("hint", "1", "--level", "1")
    assert result.returncode == 0, result.stderr
    assert "Hint 1 of" in result.stdout and "--level 2" in result.stdout
    too_far = run_cli("hint", "1", "--level", "99")
    assert too_far.returncode == 2 and "hint levels" in too_far.stderr


@pytest.mark.parametrize("args", [["--help"], ["list"], ["lesson", "--help"], ["check", "--help"]])
def test_help_and_list_import_no_heavy_library(args, tmp_path):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "calccourse", *args],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert imported & HEAVY == set()
    assert "typer" in imported  # the measurement really saw the imports


def test_python_dash_m_calccourse_works(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0 and "lesson" in result.stdout


@pytest.mark.parametrize(("text", "joined"), [
    ("梯度指向\n最陡的方向。", "梯度指向最陡的方向。"),
    ("同样计算， 然后返回", "同样计算，然后返回"),
    ("第 3 课", "第 3 课"),
    ("the rate\nof change", "the rate\nof change"),
    ("- 第一点\n- 第二点", "- 第一点\n- 第二点"),
])
def test_chinese_prose_loses_the_spaces_that_line_breaks_would_leave(text, joined):
    from calccourse.render.prose import join_wide_lines

    assert join_wide_lines(text) == joined
