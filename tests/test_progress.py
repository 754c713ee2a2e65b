"""The progress store: attempts survive restarts, concurrent writers and damaged files."""

from __future__ import annotations

import json
import multiprocessing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calccourse.content.catalogue import CatalogueEntry
from calccourse.grading.model import Diagnosis, Report, Status, TestResult
from calccourse.progress.store import ProgressStore, ProgressUnavailable, attempt_from_report, default_home


def _result(name: str, passed: bool, diagnosis: Diagnosis | None = None) -> TestResult:
    return TestResult(
        name=name, title=name, function=name.split("-")[0],
        status=Status.PASS if passed else Status.FAIL,
        message="ok" if passed else "wrong",
        diagnosis=None if passed else (diagnosis or Diagnosis.WRONG_VALUE),
    )


def _report(lesson: int, *passed: bool, load_problem: bool = False) -> Report:
    tests = [_result(f"f-{i}", ok) for i, ok in enumerate(passed)]
    problem = None
    if load_problem:
        problem = TestResult(name="load", title="load", function="", status=Status.ERROR,
                             message="SyntaxError", diagnosis=Diagnosis.SYNTAX_ERROR)
    return Report(lesson=lesson, submission=f"lesson{lesson}.py", tests=tests, load_problem=problem)


def _entries(*numbers: int) -> list[CatalogueEntry]:
    return [CatalogueEntry(number=n, title={"en": f"Lesson {n}", "zh": f"第{n}课"}, teaches={}, task={}, preload=[])
            for n in numbers]


def test_calccourse_home_overrides_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CALCCOURSE_HOME", str(tmp_path / "synced"))
    assert default_home() == tmp_path / "synced"
    assert ProgressStore.default().path == tmp_path / "synced" / "progress.json"


def test_without_calccourse_home_the_platform_user_data_folder_is_used(monkeypatch):
    from platformdirs import user_data_dir

    monkeypatch.delenv("CALCCOURSE_HOME")
    assert default_home() == Path(user_data_dir("calccourse", appauthor=False))


def test_a_lesson_never_checked_is_not_started(tmp_path):
    assert ProgressStore(tmp_path).lesson_status(3) == "not started"


def test_a_lesson_whose_last_attempt_passed_every_check_is_done(tmp_path):
    store = ProgressStore(tmp_path)
    store.record(_report(1, True, False))
    store.record(_report(1, True, True))
    assert store.lesson_status(1) == "done"


def test_a_lesson_whose_last_attempt_failed_is_attempted_even_after_an_earlier_pass(tmp_path):
    store = ProgressStore(tmp_path)
    store.record(_report(2, True, True))
    store.record(_report(2, True, False))
    assert store.lesson_status(2) == "attempted"


def test_a_load_problem_counts_as_attempted_not_done(tmp_path):
    store = ProgressStore(tmp_path)
    store.record(_report(4, load_problem=True))
    assert store.lesson_status(4) == "attempted"


def test_progress_survives_a_restart_with_every_check_time_and_diagnosis(tmp_path):
    report = Report(lesson=1, submission="answer.py", tests=[
        _result("df-values", True), _result("df-sign", False, Diagnosis.SIGN_FLIP)])
    ProgressStore(tmp_path).record(report)

    (attempt,) = ProgressStore(tmp_path).attempts(1)
    assert [(c.name, c.passed, c.diagnosis) for c in attempt.checks] == [
        ("df-values", True, None), ("df-sign", False, "sign_flip")]
    assert attempt.submission == "answer.py"
    assert abs(datetime.now(timezone.utc) - attempt.time) < timedelta(minutes=1)


def test_every_attempt_is_kept_in_order(tmp_path):
    store = ProgressStore(tmp_path)
    for passed in (False, False, True):
        store.record(_report(5, passed))
    assert [a.passed_all for a in store.attempts(5)] == [False, False, True]


def test_summary_counts_tasks_passed_in_the_last_attempt_and_points_to_the_next_lesson(tmp_path):
    store = ProgressStore(tmp_path)
    store.record(_report(1, True, True))
    store.record(_report(2, True, False, False))

    summary = store.summary(_entries(1, 2, 3))

    one, two, three = summary.lessons
    assert (one.status, one.tasks_passed, one.tasks_total) == ("done", 2, 2)
    assert (two.status, two.tasks_passed, two.tasks_total) == ("attempted", 1, 3)
    assert [c.name for c in two.failing] == ["f-1", "f-2"]
    assert (three.status, three.tasks_passed, three.last_attempt) == ("not started", None, None)
    assert two.title["zh"] == "第2课"
    assert summary.next_lesson == 2
    assert summary.done_count == 1


def test_summary_has_no_next_lesson_when_every_lesson_is_done(tmp_path):
    store = ProgressStore(tmp_path)
    for n in (1, 2):
        store.record(_report(n, True))
    assert store.summary(_entries(1, 2)).next_lesson is None


def test_reset_of_one_lesson_forgets_only_that_lesson(tmp_path):
    store = ProgressStore(tmp_path)
    store.record(_report(1, True))
    store.record(_report(2, True))
    store.reset(1)
    assert (store.lesson_status(1), store.lesson_status(2)) == ("not started", "done")


def test_reset_without_a_lesson_forgets_everything(tmp_path):
    store = ProgressStore(tmp_path)
    store.record(_report(1, True))
    store.record(_report(2, False))
    store.reset()
    assert store.attempts() == []


def _record_many(home: str, lesson: int, count: int) -> None:
    store = ProgressStore(Path(home))
    for _ in range(count):
        assert store.record(_report(lesson, True, False)) == []


def test_two_processes_writing_at_once_lose_no_record(tmp_path):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_record_many, args=(str(tmp_path), lesson, 20)) for lesson in (1, 2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    attempts = ProgressStore(tmp_path).attempts()
    assert len(attempts) == 40
    assert sorted(a.lesson for a in attempts) == [1] * 20 + [2] * 20
    assert not list(tmp_path.glob(".progress-*.tmp"))


@pytest.mark.parametrize("damage", [
    b"{\"version\": 1, \"attempts\": [",  # cut short
    b"\xff\xfe not utf-8",
    b"[1, 2, 3]",
    b"{\"version\": 99, \"attempts\": []}",
    b"{\"version\": 1, \"attempts\": [{\"lesson\": \"one\"}]}",
])
def test_a_corrupt_file_is_moved_aside_with_a_warning_and_a_fresh_one_started(tmp_path, damage):
    (tmp_path / "progress.json").write_bytes(damage)
    store = ProgressStore(tmp_path)

    warnings = store.record(_report(3, True))

    (warning,) = warnings
    assert warning.moved_to is not None and warning.moved_to.name.startswith("progress.json.corrupt-")
    assert warning.moved_to.read_bytes() == damage
    assert str(warning.moved_to) in str(warning)
    assert store.lesson_status(3) == "done"
    assert len(ProgressStore(tmp_path).attempts()) == 1


def test_reading_a_corrupt_file_warns_instead_of_crashing(tmp_path):
    (tmp_path / "progress.json").write_text("not json at all")
    store = ProgressStore(tmp_path)
    assert store.lesson_status(1) == "not started"
    assert len(store.warnings) == 1
    assert list(tmp_path.glob("progress.json.corrupt-*"))


def test_a_folder_that_cannot_be_created_makes_the_store_unavailable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ProgressUnavailable):
        ProgressStore(blocker / "home")


def test_the_file_is_plain_json_with_a_version(tmp_path):
    ProgressStore(tmp_path).record(_report(1, True))
    data = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["attempts"][0]["checks"][0] == {"name": "f-0", "function": "f", "passed": True, "diagnosis": None}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=8))
def test_an_attempt_passes_all_exactly_when_every_check_passed(outcomes):
    attempt = attempt_from_report(_report(1, *outcomes))
    assert attempt.passed_all == all(outcomes)
    assert attempt.passed_count == sum(outcomes)


def test_only_the_latest_attempts_of_a_lesson_are_kept(tmp_path, monkeypatch):
    from calccourse.progress import store as store_module

    monkeypatch.setattr(store_module, "ATTEMPTS_KEPT_PER_LESSON", 3)
    store = ProgressStore(tmp_path)
    store.record(_report(2, False))
    for passed in (False, False, True, True):
        store.record(_report(1, passed))

    assert [a.passed_all for a in store.attempts(1)] == [False, True, True]
    assert len(store.attempts(2)) == 1
