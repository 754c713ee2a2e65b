"""The lesson loader: valid files load; broken ones say file, line and field."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from calccourse.content.errors import LessonError, UnknownLesson
from calccourse.content.loader import load_lesson_file

MINIMAL = (Path(__file__).parent / "fixtures" / "minimal_lesson.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "lesson1.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_minimal_lesson_loads(tmp_path):
    lesson = load_lesson_file(_write(tmp_path, MINIMAL))
    assert lesson.title("zh") == "最小"
    assert lesson.task.functions[0].name == "f"


def test_invalid_yaml_reports_file_and_line(tmp_path):
    broken = MINIMAL.replace("minutes: 5", "minutes: [5")
    path = _write(tmp_path, broken)
    with pytest.raises(LessonError) as caught:
        load_lesson_file(path)
    assert caught.value.path == path
    assert caught.value.line is not None and caught.value.line >= _line_of(broken, "minutes")
    assert "invalid YAML" in str(caught.value)


def test_missing_translation_names_the_field_and_its_line(tmp_path):
    broken = MINIMAL.replace("      zh: 导数是变化率。\n", "")
    with pytest.raises(LessonError) as caught:
        load_lesson_file(_write(tmp_path, broken))
    assert caught.value.field == "sections[0].body.zh"
    assert caught.value.line == _line_of(broken, "body:")
    assert "Field required" in str(caught.value)


def test_wrong_type_names_the_field_and_its_line(tmp_path):
    broken = MINIMAL.replace("minutes: 5", "minutes: twenty")
    with pytest.raises(LessonError) as caught:
        load_lesson_file(_write(tmp_path, broken))
    assert (caught.value.field, caught.value.line) == ("minutes", _line_of(broken, "minutes"))


def test_code_that_does_not_compile_is_rejected_with_its_line(tmp_path):
    broken = MINIMAL.replace("print(2 ** 2)", "print(2 ** 2")
    with pytest.raises(LessonError) as caught:
        load_lesson_file(_write(tmp_path, broken))
    assert caught.value.field == "worked[0].source"
    assert caught.value.line == _line_of(broken, "source:")


def test_unknown_check_kind_is_rejected(tmp_path):
    broken = MINIMAL + (
        "checks:\n  - id: f\n    kind: telepathy\n    function: f\n"
        "    title: {en: f, zh: f}\n"
    )
    with pytest.raises(LessonError) as caught:
        load_lesson_file(_write(tmp_path, broken))
    assert caught.value.field.startswith("checks[0]")
    assert caught.value.line == _line_of(broken, "- id: f")


def test_check_of_a_function_the_task_does_not_ask_for_is_rejected(tmp_path):
    broken = MINIMAL + (
        "checks:\n  - id: g\n    kind: expression\n    function: g\n"
        "    title: {en: g, zh: g}\n    args: [x]\n    expect: x\n    domain: {x: [0, 1]}\n"
    )
    with pytest.raises(LessonError, match="'g'"):
        load_lesson_file(_write(tmp_path, broken))


def test_a_file_that_is_not_a_mapping_is_rejected(tmp_path):
    with pytest.raises(LessonError, match="mapping"):
        load_lesson_file(_write(tmp_path, "- just\n- a list\n"))


def test_unknown_lesson_number_message_lists_the_range():
    assert "lessons are 1–7" in str(UnknownLesson("9", [1, 2, 3, 4, 5, 6, 7]))


def _cli(*args: str, env: dict[str, str] | None = None, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "calccourse", *args],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, "NO_COLOR": "1", **(env or {})}, timeout=60,
    )


def test_cli_reports_a_broken_lesson_without_a_traceback(tmp_path):
    _write(tmp_path, MINIMAL.replace("minutes: 5", "minutes: twenty"))
    result = _cli("lesson", "1", "--no-run", env={"CALCCOURSE_LESSONS_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 1
    assert f"lesson1.yaml:{_line_of(MINIMAL, 'minutes')}: minutes:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_rejects_a_lesson_whose_number_disagrees_with_its_file_name(tmp_path):
    _write(tmp_path, MINIMAL, name="lesson2.yaml")
    result = _cli("lesson", "2", "--no-run", env={"CALCCOURSE_LESSONS_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 1
    assert "says it is lesson 1" in result.stderr


@pytest.mark.parametrize("number", ["9", "x", "0", "1.5", "3x"])
def test_cli_unknown_lesson_exits_2_with_a_clear_message(tmp_path, number):
    result = _cli("lesson", number, "--no-run", cwd=tmp_path)
    assert result.returncode == 2
    assert "there is no lesson" in result.stderr
    assert "Traceback" not in result.stderr


def test_catalogue_is_cached_and_a_changed_lesson_is_validated_again(tmp_path, monkeypatch):
    from calccourse.content.catalogue import catalogue

    lessons = tmp_path / "lessons"
    lessons.mkdir()
    path = _write(lessons, MINIMAL)
    monkeypatch.setenv("CALCCOURSE_LESSONS_DIR", str(lessons))
    first = catalogue()
    assert [entry.title["en"] for entry in first] == ["Minimal"]
    cache = Path(os.environ["CALCCOURSE_HOME"]) / "cache" / "catalogue.json"
    assert cache.exists()
    assert catalogue() == first
    path.write_text(MINIMAL.replace("minutes: 5", "minutes: twenty"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    with pytest.raises(LessonError, match="minutes"):
        catalogue()


def test_a_corrupt_catalogue_cache_is_rebuilt(tmp_path, monkeypatch):
    from calccourse.content.catalogue import catalogue

    lessons = tmp_path / "lessons"
    lessons.mkdir()
    _write(lessons, MINIMAL)
    monkeypatch.setenv("CALCCOURSE_LESSONS_DIR", str(lessons))
    cache = Path(os.environ["CALCCOURSE_HOME"]) / "cache" / "catalogue.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("{not json", encoding="utf-8")
    assert catalogue()[0].number == 1
    assert json.loads(cache.read_text(encoding="utf-8"))["entries"][0]["number"] == 1
