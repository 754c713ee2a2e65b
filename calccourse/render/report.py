"""A check report for people (a rich table, then the evidence under each failure)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from calccourse.grading.model import Report, Status, TestResult
from calccourse.i18n import Lang

_LABELS = {
    "en": {
        "check": "Check", "result": "Result", "called": "called", "expected": "expected",
        "got": "got", "difference": "difference", "score": "Score", "passed": "All checks pass. Well done!",
        "hint": "Stuck? Try `calccourse hint {n}` (and `--level 2` for more).",
        "cannot_load": "Your file could not be loaded", "output": "What your file printed (last lines)",
        "pass": "✓ pass", "fail": "✗ fail", "error": "✗ error",
    },
    "zh": {
        "check": "检查", "result": "结果", "called": "调用", "expected": "期望",
        "got": "得到", "difference": "差异", "score": "得分", "passed": "全部通过，做得好！",
        "hint": "卡住了？试试 `calccourse hint {n}`（加 `--level 2` 更具体）。",
        "cannot_load": "无法加载你的文件", "output": "你的文件的输出（最后几行）",
        "pass": "✓ 通过", "fail": "✗ 未通过", "error": "✗ 错误",
    },
}
_STYLE = {Status.PASS: "green", Status.FAIL: "red", Status.ERROR: "red"}


def _evidence(test: TestResult, lang: Lang) -> Group:
    labels = _LABELS[lang]
    lines: list[Text] = [Text(test.message)]
    if test.evidence:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row(labels["called"], Text(test.evidence.called))
        grid.add_row(labels["expected"], Text(test.evidence.expected))
        grid.add_row(labels["got"], Text(test.evidence.got))
        if test.evidence.difference:
            grid.add_row(labels["difference"], Text(test.evidence.difference))
        return Group(*lines, grid)
    return Group(*lines)


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def render_report(console: Console, report: Report, lang: Lang) -> None:
    """Print ``report``: a ✓/✗ table of checks, then what went wrong under each failure."""
    labels = _LABELS[lang]
    if report.load_problem is not None:
        problem = report.load_problem
        console.print(Panel(Text(problem.message), title=Text(f"{labels['cannot_load']} ({problem.diagnosis})"),
                            title_align="left", border_style="red"))
        if report.learner_output.strip():
            console.print(Panel(Text(_tail(report.learner_output)), title=labels["output"], title_align="left",
                                border_style="dim"))
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column(labels["check"], overflow="fold")
    table.add_column(labels["result"], no_wrap=True)
    for test in report.tests:
        verdict = labels[test.status.value]
        if test.diagnosis:
            verdict += f" ({test.diagnosis})"
        table.add_row(Text(test.title), Text(verdict, style=_STYLE[test.status]))
    console.print(table)
    failures = [test for test in report.tests if test.status is not Status.PASS]
    if report.load_problem is None:
        for test in failures:
            heading = test.title if len(test.title) <= 60 else test.function
            console.print(Panel(_evidence(test, lang), title=Text(f"✗ {heading}"), title_align="left",
                                border_style="red"))
    console.print(Text(f"{labels['score']}: {report.score}/{report.max_score}", style="bold"))
    if report.status is Status.PASS:
        console.print(Text(labels["passed"], style="bold green"))
    elif report.hint_available:
        console.print(Text(labels["hint"].format(n=report.lesson), style="dim"))
