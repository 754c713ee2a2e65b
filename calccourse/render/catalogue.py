"""`calccourse list`: the lessons as one table, with the learner's status."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from calccourse.content.catalogue import CatalogueEntry
from calccourse.i18n import Lang

_HEADERS = {
    "en": ("#", "Lesson", "What it teaches", "Your task", "Status"),
    "zh": ("#", "课程", "内容", "任务", "状态"),
}
_STATUS = {
    "en": {"done": "✓ done", "attempted": "… attempted", "not started": "not started"},
    "zh": {"done": "✓ 完成", "attempted": "… 进行中", "not started": "未开始"},
}
_STATUS_STYLE = {"done": "green", "attempted": "yellow", "not started": "dim"}


def render_catalogue(console: Console, lessons: list[CatalogueEntry], statuses: Mapping[int, str], lang: Lang) -> None:
    """Print the table of lessons; ``statuses`` maps a lesson number to its progress status."""
    number, title, teaches, task, status = _HEADERS[lang]
    table = Table(title="calccourse", show_lines=True, expand=False)
    table.add_column(number, justify="right", no_wrap=True)
    table.add_column(f"{title} · {teaches}", ratio=3, overflow="fold")
    table.add_column(task, ratio=2, overflow="fold")
    table.add_column(status, no_wrap=True)
    for lesson in lessons:
        state = statuses.get(lesson.number, "not started")
        table.add_row(
            str(lesson.number),
            Text.assemble((lesson.title[lang], "bold"), "\n", (lesson.teaches[lang], "dim")),
            Text(lesson.task[lang]),
            Text(_STATUS[lang][state], style=_STATUS_STYLE[state]),
        )
    console.print(table)
