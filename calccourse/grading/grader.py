"""Grade one submission against one lesson: start the learner's file, run every oracle."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from calccourse.grading.model import Diagnosis, Report, Status, TestResult
from calccourse.grading.protocol import LoadProblem
from calccourse.grading.sandbox import LearnerSession
from calccourse.i18n import Lang

if TYPE_CHECKING:
    from calccourse.content.schema import Lesson
    from calccourse.grading.notebook import LineMap

SUPPORTED_SUFFIXES = (".py", ".ipynb")

_SYMPY_FREE_KINDS = {"max_margin_line", "support_vectors"}  # kinds that pass no Probe to the learner

_WORDS = {
    "en": {
        "title": "Loading your file",
        "not_run": "not checked: your file did not load ({diagnosis})",
        "syntax": "{message}\n  {where}:\n    {code}\n    {caret}",
        "line": "line {line}",
        "notebook": "the notebook could not be read: {error}",
    },
    "zh": {
        "title": "加载你的文件",
        "not_run": "未检查：你的文件没能加载（{diagnosis}）",
        "syntax": "{message}\n  {where}：\n    {code}\n    {caret}",
        "line": "第 {line} 行",
        "notebook": "无法读取这个 notebook：{error}",
    },
}

SessionFactory = Callable[..., LearnerSession]


@dataclass(frozen=True)
class Submission:
    """A learner's file whose child process has been started (or that could not be read)."""

    path: Path
    session: LearnerSession | None
    line_map: LineMap | None = None
    problem: LoadProblem | None = None


def preload_for(lesson: Lesson) -> tuple[str, ...]:
    """Modules the child imports before the learner's file: numpy always, SymPy when a
    check calls the learner with symbols or hands it a Probe."""
    needs_sympy = any(
        getattr(check, "symbolic", False) if check.kind == "expression" else check.kind not in _SYMPY_FREE_KINDS
        for check in lesson.checks
    )
    return ("numpy", "sympy") if needs_sympy else ("numpy",)


def open_submission(path: Path, *, timeout: float = 10.0, lang: Lang = "en",
                    session_factory: SessionFactory = LearnerSession) -> Submission:
    """Start the learner's file in its child process now, so it imports while the parent
    prepares its references. A notebook is converted to Python source first."""
    options: dict[str, Any] = {"timeout": timeout}
    line_map = None
    if path.suffix == ".ipynb":
        from calccourse.grading.notebook import NotebookError, notebook_to_source

        try:
            source, line_map = notebook_to_source(path)
        except NotebookError as error:
            problem = LoadProblem(Diagnosis.IMPORT_ERROR, _WORDS[lang]["notebook"].format(error=error))
            return Submission(path, None, problem=problem)
        options |= {"source": source, "filename": str(path)}
    session = session_factory(path, **options)
    session.start()
    return Submission(path, session, line_map)


def grade_submission(lesson: Lesson, submission: Submission, lang: Lang = "en") -> Report:
    """Run every check of ``lesson`` against a started submission, then stop its child."""
    from calccourse.grading.oracles.base import oracle_for

    session = submission.session
    if session is None:
        return _unloadable(lesson, submission.path, submission.problem, lang, line_map=None, output="")
    try:
        oracles = [oracle_for(check, lang) for check in lesson.checks]
        for oracle in oracles:
            oracle.prepare()
        problem = session.wait_loaded()
        if problem is not None:
            return _unloadable(lesson, submission.path, problem, lang, line_map=submission.line_map,
                               output=session.output)
        tests = [result for oracle in oracles for result in oracle.grade(session)]
        return Report(lesson=lesson.number, submission=str(submission.path), tests=tests,
                      learner_output=session.output, hint_available=bool(lesson.hints))
    finally:
        session.close()


def grade(lesson: Lesson, path: Path, *, timeout: float = 10.0, lang: Lang = "en",
          session_factory: SessionFactory | None = None) -> Report:
    """Check the learner's file at ``path`` against every check of ``lesson``.

    ``session_factory`` may be a warm pool's ``session``; by default a cold session that
    preloads what the lesson's checks need.
    """
    factory = session_factory or partial(LearnerSession, preload=preload_for(lesson))
    return grade_submission(lesson, open_submission(path, timeout=timeout, lang=lang, session_factory=factory), lang)


def _unloadable(lesson: Lesson, path: Path, problem: LoadProblem, lang: Lang, *,
                line_map: LineMap | None, output: str) -> Report:
    """A report whose load problem explains itself and whose every check fails with it."""
    words = _WORDS[lang]
    load = TestResult(name="load", title=words["title"], function="", status=Status.ERROR,
                      message=load_problem_message(problem, lang, line_map), diagnosis=problem.diagnosis,
                      points=0)
    not_run = words["not_run"].format(diagnosis=problem.diagnosis.value)
    tests = [
        TestResult(name=check.id, title=check.title.zh if lang == "zh" else check.title.en,
                   function=check.function, status=Status.FAIL, message=not_run,
                   diagnosis=problem.diagnosis, points=check.points)
        for check in lesson.checks
    ]
    return Report(lesson=lesson.number, submission=str(path), tests=tests, load_problem=load,
                  learner_output=output, hint_available=bool(lesson.hints))


def load_problem_message(problem: LoadProblem, lang: Lang, line_map: LineMap | None = None) -> str:
    """A syntax error with the learner's line and a caret under the column; anything else
    with the learner's traceback."""
    words = _WORDS[lang]
    if problem.diagnosis is Diagnosis.SYNTAX_ERROR and problem.line is not None and problem.source_line:
        if line_map is not None:
            from calccourse.grading.notebook import describe_location

            where = describe_location(line_map, problem.line, lang)
        else:
            where = words["line"].format(line=problem.line)
        code = problem.source_line.rstrip("\n")
        indent = len(code) - len(code.lstrip())
        column = max(problem.column or 1, indent + 1)
        caret = " " * (column - 1 - indent) + "^"
        return words["syntax"].format(message=problem.message, where=where, code=code.strip(), caret=caret)
    if problem.traceback.strip():
        return f"{problem.message}\n{problem.traceback.rstrip()}"
    return problem.message
