"""A lesson in rich panels: idea, formulas, worked code and its output, the task."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from calccourse.content.schema import Lesson
from calccourse.i18n import Lang
from calccourse.reference.runner import BlockOutput, WorkedRun
from calccourse.render.formulas import formula_text
from calccourse.render.prose import prose

_LABELS = {
    "en": {
        "lesson": "Lesson",
        "minutes": "min",
        "formulas": "Formulas",
        "output": "Output",
        "not_run": "not run (--no-run): run `calccourse lesson {n}` to see the output",
        "error": "this example stopped with an error",
        "figures": "Figures",
        "figures_hint": "Save them with `calccourse plot {n}`: {names}",
        "task": "Your task",
        "write": "Write these functions in {file}:",
        "start": "Get a starter with `calccourse init`, then grade it with `calccourse check {n} {file}`; "
        "stuck? `calccourse hint {n}`",
    },
    "zh": {
        "lesson": "第",
        "minutes": "分钟",
        "formulas": "公式",
        "output": "输出",
        "not_run": "未运行（--no-run）：运行 `calccourse lesson {n}` 查看输出",
        "error": "这个示例运行出错",
        "figures": "图",
        "figures_hint": "用 `calccourse plot {n}` 保存：{names}",
        "task": "你的任务",
        "write": "在 {file} 中编写这些函数：",
        "start": "用 `calccourse init` 获取起始文件，然后用 `calccourse check {n} {file}` 检查；"
        "卡住了？试试 `calccourse hint {n}`",
    },
}


def _heading(lesson: Lesson, lang: Lang) -> Panel:
    labels = _LABELS[lang]
    number = f"{labels['lesson']} {lesson.number} 课" if lang == "zh" else f"{labels['lesson']} {lesson.number}"
    title = Text.assemble((f"{number} · {lesson.title(lang)}", "bold"), f"  ({lesson.minutes} {labels['minutes']})")
    return Panel(Group(title, Text(lesson.teaches(lang), style="italic")), border_style="cyan")


def _formulas(lesson: Lesson, lang: Lang) -> Panel:
    rows: list[Text | Padding] = []
    for index, formula in enumerate(lesson.formulas):
        if index:
            rows.append(Text(""))
        rows.append(Text(formula.label(lang), style="bold"))
        rows.append(Padding(Text(formula_text(formula, width=72), no_wrap=True, overflow="fold"), (0, 0, 0, 2)))
    return Panel(Group(*rows), title=_LABELS[lang]["formulas"], title_align="left", border_style="magenta")


def _output(block: BlockOutput | None, lesson: Lesson, lang: Lang) -> Panel:
    labels = _LABELS[lang]
    if block is None:
        body = Text(labels["not_run"].format(n=lesson.number), style="dim")
    elif block.error:
        body = Text.assemble(block.text + "\n" if block.text else "", (f"{labels['error']}: {block.error}", "red"))
    else:
        body = Text(block.text or "(no output)")
    return Panel(body, title=labels["output"], title_align="left", border_style="green")


def _task(lesson: Lesson, lang: Lang) -> Panel:
    labels = _LABELS[lang]
    task = lesson.task
    functions = Table(show_header=False, box=None, padding=(0, 1))
    functions.add_column(style="bold cyan", no_wrap=True)
    functions.add_column()
    for function in task.functions:
        functions.add_row(Text(function.signature), Text(function.returns(lang)))
    return Panel(
        Group(
            prose(task.statement(lang)),
            Text(""),
            Text(labels["write"].format(file=task.file), style="bold"),
            functions,
            Text(""),
            Text(labels["start"].format(n=lesson.number, file=task.file), style="dim"),
        ),
        title=labels["task"],
        title_align="left",
        border_style="yellow",
    )


def render_lesson(console: Console, lesson: Lesson, run: WorkedRun | None, lang: Lang) -> None:
    """Print ``lesson``; ``run`` holds the worked examples' output (None for --no-run)."""
    console.print(_heading(lesson, lang))
    for section in lesson.sections:
        console.print(Panel(prose(section.body(lang)), title=Text(section.heading(lang)), title_align="left"))
    if lesson.formulas:
        console.print(_formulas(lesson, lang))
    for index, worked in enumerate(lesson.worked):
        console.print(Rule(Text(worked.title(lang)), align="left"))
        if worked.explanation:
            console.print(prose(worked.explanation(lang)))
        console.print(Panel(Syntax(worked.source.rstrip(), "python", theme="ansi_dark", word_wrap=True)))
        console.print(_output(run.outputs[index] if run else None, lesson, lang))
    if lesson.figures:
        names = ", ".join(figure.name for figure in lesson.figures)
        console.print(Text(_LABELS[lang]["figures_hint"].format(n=lesson.number, names=names), style="dim"))
    console.print(_task(lesson, lang))
