"""The learner's own views: what `init` copied, and `progress`."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from calccourse.i18n import Lang
from calccourse.learner.scaffold import InitResult
from calccourse.progress.store import ProgressSummary

_STATUS = {
    "en": {"done": "✓ done", "attempted": "… attempted", "not started": "not started"},
    "zh": {"done": "✓ 完成", "attempted": "… 进行中", "not started": "未开始"},
}
_LABELS = {
    "en": {
        "title": "Your progress", "lesson": "Lesson", "status": "Status", "passed": "Checks passed",
        "last": "Last attempt", "failing": "Still failing", "next": "Next: `calccourse lesson {n}`, then "
        "`calccourse check {n} lesson{n}.py`.", "all_done": "Every lesson is done. Congratulations!",
        "done_count": "{done} of {total} lessons done.",
    },
    "zh": {
        "title": "你的进度", "lesson": "课程", "status": "状态", "passed": "通过的检查",
        "last": "最近一次", "failing": "仍未通过", "next": "下一步：`calccourse lesson {n}`，然后 "
        "`calccourse check {n} lesson{n}.py`。", "all_done": "所有课程都已完成，恭喜！",
        "done_count": "已完成 {done}/{total} 课。",
    },
}


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def render_init(console: Console, result: InitResult) -> None:
    """Say, starter by starter, what was copied, what was already there, which edits were kept."""
    notes = {"created": "created", "unchanged": "unchanged (already there)",
             "kept": "kept (you have edited it; not overwritten)"}
    rows = [(path, "created") for path in result.created] + [(path, "unchanged") for path in result.unchanged]
    rows += [(path, "kept") for path in result.kept]
    for path, state in sorted(rows, key=lambda row: row[0].name):
        console.print(f"{_relative(path):40} {notes[state]}", markup=False, soft_wrap=True)
    first = result.first_file
    if first is not None:
        console.print("\nNext steps:", markup=False)
        console.print("  calccourse lesson 1", markup=False, soft_wrap=True)
        console.print(f"  (write your answer in {_relative(first)})", markup=False, soft_wrap=True)
        console.print(f"  calccourse check 1 {_relative(first)}", markup=False, soft_wrap=True)


def render_progress(console: Console, summary: ProgressSummary, lang: Lang) -> None:
    """A table of lessons: status, checks passed in the last attempt, when, and what still fails."""
    labels = _LABELS[lang]
    table = Table(title=labels["title"], expand=False)
    table.add_column("#", justify="right")
    table.add_column(labels["lesson"])
    table.add_column(labels["status"], no_wrap=True)
    table.add_column(labels["passed"], justify="right")
    table.add_column(labels["last"], no_wrap=True)
    for lesson in summary.lessons:
        passed = "" if lesson.tasks_passed is None else f"{lesson.tasks_passed}/{lesson.tasks_total}"
        when = lesson.last_attempt.astimezone().strftime("%Y-%m-%d %H:%M") if lesson.last_attempt else ""
        table.add_row(str(lesson.number), Text(lesson.title[lang]), _STATUS[lang][lesson.status], passed, when)
    console.print(table)
    for lesson in summary.lessons:
        failing = ", ".join(sorted({check.function for check in lesson.failing}))
        if failing:
            console.print(Text(f"{labels['failing']} ({lesson.number}): {failing}"))
    console.print(labels["done_count"].format(done=summary.done_count, total=len(summary.lessons)), markup=False)
    if summary.next_lesson is None:
        console.print(Text(labels["all_done"], style="bold green"))
    else:
        console.print(labels["next"].format(n=summary.next_lesson), markup=False)
