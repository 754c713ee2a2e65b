"""`calccourse hint`: one hint level of a lesson's exercise."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel

from calccourse.content.schema import Lesson
from calccourse.i18n import Lang
from calccourse.render.prose import prose


def render_hint(console: Console, lesson: Lesson, level: int, lang: Lang) -> None:
    """Print hint ``level`` (1-based) and say whether a stronger one exists."""
    total = len(lesson.hints)
    title = f"提示 {level}/{total} · 第 {lesson.number} 课" if lang == "zh" else f"Hint {level} of {total} · lesson {lesson.number}"
    console.print(Panel(prose(lesson.hints[level - 1](lang)), title=title, title_align="left", border_style="yellow"))
    if level < total:
        more = "更具体的提示" if lang == "zh" else "A more concrete hint"
        console.print(f"{more}: calccourse hint {lesson.number} --level {level + 1}", style="dim", markup=False)
