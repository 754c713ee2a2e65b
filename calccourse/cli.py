"""The command line: each command parses its arguments, calls the core, and renders.

Nothing heavy is imported at module level, so `--help` and `list` stay fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional

import typer

from calccourse.i18n import LANGUAGES, Lang, default_language

if TYPE_CHECKING:
    from calccourse.content.catalogue import CatalogueEntry
    from calccourse.content.schema import Lesson

app = typer.Typer(
    name="calccourse",
    help="The calculus behind machine learning, in your terminal: read lessons, save figures, check your answers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LessonArg = typer.Argument(..., metavar="N", help="Lesson number (see `calccourse list`).", show_default=False)
LangOption = typer.Option(None, "--lang", metavar="en|zh", help="Language (default: from LC_ALL/LANG, else English).")
TimeoutOption = typer.Option(10.0, "--timeout", min=0.5, help="Seconds allowed to import your file, and again for each call.")


def _fail(message: str, code: int) -> NoReturn:
    from calccourse.render.console import make_console

    make_console(stderr=True).print(f"calccourse: error: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


def _language(lang: Optional[str]) -> Lang:
    if lang is None:
        return default_language()
    if lang not in LANGUAGES:
        _fail(f"unknown language {lang!r}; choose one of: {', '.join(LANGUAGES)}", 2)
    return lang  # type: ignore[return-value]


def _lesson(number: str) -> Lesson:
    from calccourse.content.errors import LessonError, UnknownLesson
    from calccourse.content.loader import load_lesson
    from calccourse.content.paths import parse_lesson_number

    try:
        return load_lesson(parse_lesson_number(number))
    except UnknownLesson as error:
        _fail(str(error), 2)
    except LessonError as error:
        _fail(f"a lesson file is broken: {error}", 1)


def _catalogue_entry(number: str) -> CatalogueEntry:
    """Lesson ``number``'s catalogue entry (fast: no schema validation when cached)."""
    from calccourse.content.catalogue import catalogue
    from calccourse.content.errors import LessonError, UnknownLesson
    from calccourse.content.paths import parse_lesson_number

    try:
        wanted = parse_lesson_number(number)
        return next(entry for entry in catalogue() if entry.number == wanted)
    except UnknownLesson as error:
        _fail(str(error), 2)
    except LessonError as error:
        _fail(f"a lesson file is broken: {error}", 1)


def _console():
    from calccourse.render.console import make_console

    return make_console()


def _progress_store():
    """The learner's progress store, or None (with a warning) if it cannot be used."""
    from calccourse.progress.store import ProgressStore, ProgressUnavailable

    try:
        return ProgressStore.default()
    except ProgressUnavailable as error:
        from calccourse.render.console import make_console

        make_console(stderr=True).print(f"calccourse: warning: {error}", markup=False)
        return None


@app.command("list")
def list_lessons(lang: Optional[str] = LangOption) -> None:
    """Show the seven lessons, what each teaches, its task, and your progress."""
    from calccourse.content.catalogue import catalogue
    from calccourse.content.errors import LessonError
    from calccourse.render.catalogue import render_catalogue

    language = _language(lang)
    try:
        lessons = catalogue()
    except LessonError as error:
        _fail(f"a lesson file is broken: {error}", 1)
    store = _progress_store()
    statuses = store.statuses([lesson.number for lesson in lessons]) if store else {}
    render_catalogue(_console(), lessons, statuses, language)
    if store is not None:
        for warning in store.warnings:
            _console_err_print(f"calccourse: warning: {warning}")


@app.command()
def lesson(
    number: str = LessonArg,
    no_run: bool = typer.Option(False, "--no-run", help="Show the worked code without running it."),
    lang: Optional[str] = LangOption,
) -> None:
    """Read a lesson: the idea, the formulas, worked code and its output, and your task."""
    from calccourse.reference.runner import run_worked
    from calccourse.render.lesson import render_lesson

    language = _language(lang)
    chosen = _lesson(number)
    run = None if no_run else run_worked(chosen)
    render_lesson(_console(), chosen, run, language)


@app.command()
def plot(
    number: str = LessonArg,
    out: Path = typer.Option(Path("."), "--out", "-o", help="Folder to save the figures in.", file_okay=False),
    image_format: str = typer.Option("png", "--format", "-f", metavar="png|svg|pdf", help="Image format."),
    lang: Optional[str] = LangOption,
) -> None:
    """Save every figure of a lesson as an image file and print the paths."""
    from calccourse.plotting.figures import FigureError, save_figures

    language = _language(lang)
    if image_format not in ("png", "svg", "pdf"):
        _fail(f"unsupported format {image_format!r}; choose png, svg or pdf", 2)
    chosen = _lesson(number)
    try:
        result = save_figures(chosen, out, image_format, language)  # type: ignore[arg-type]
    except OSError as error:
        _fail(f"cannot write figures to {out}: {error.strerror or error}", 1)
    except FigureError as error:
        _fail(str(error), 1)
    console = _console()
    if result.fell_back:
        console.print("No font with Chinese characters was found; the figures use English labels.", markup=False)
    for path in result.paths:
        console.print(str(path), markup=False, soft_wrap=True)


def _submission(path: Path) -> Path:
    from calccourse.grading.grader import SUPPORTED_SUFFIXES

    if not path.exists():
        _fail(f"no such file: {path}", 2)
    if path.is_dir():
        _fail(f"{path} is a folder; give the Python file (or notebook) with your answer", 2)
    if path.suffix not in SUPPORTED_SUFFIXES:
        _fail(f"cannot check {path.name}: give a {' or '.join(SUPPORTED_SUFFIXES)} file", 2)
    return path


@app.command()
def check(
    number: str = LessonArg,
    file: Path = typer.Argument(..., metavar="FILE", help="Your answer: a .py file or a .ipynb notebook."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (see README) instead of a table."),
    timeout: float = TimeoutOption,
    plot_dir: Optional[Path] = typer.Option(
        None, "--plot", is_flag=False, flag_value=".", metavar="[DIR]",
        help="Also save a figure of your function against the reference (default folder: .).",
    ),
    lang: Optional[str] = LangOption,
) -> None:
    """Grade your answer to a lesson's exercise (exit 0: all pass, 1: something fails, 2: usage)."""
    import json
    from functools import partial

    from calccourse.grading.grader import grade_submission, open_submission
    from calccourse.grading.sandbox import LearnerSession

    language = _language(lang)
    entry = _catalogue_entry(number)
    path = _submission(file)
    # Start the learner's child first: it imports while this process reads the lesson.
    submission = open_submission(path, timeout=timeout, lang=language,
                                 session_factory=partial(LearnerSession, preload=tuple(entry.preload)))
    try:
        chosen = _lesson(number)
    except BaseException:
        if submission.session is not None:
            submission.session.close()
        raise
    report = grade_submission(chosen, submission, language)
    _record(_progress_store(), report)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        from calccourse.render.report import render_report

        render_report(_console(), report, language)
    if plot_dir is not None and report.load_problem is None:
        _plot_answer(chosen, path, plot_dir, timeout, quiet=as_json)
    raise typer.Exit(0 if report.status.value == "pass" else 1)


def _record(store, report) -> None:
    """Save ``report`` in the learner's progress (if there is a store) and say any warning."""
    if store is not None:
        for warning in store.record(report):
            _console_err_print(f"calccourse: warning: {warning}")


def _console_err_print(message: str) -> None:
    from calccourse.render.console import make_console

    make_console(stderr=True).print(message, markup=False, soft_wrap=True)


def _plot_answer(chosen: Lesson, path: Path, out: Path, timeout: float, quiet: bool) -> None:
    from calccourse.plotting.answer_plots import plot_answer

    try:
        paths = plot_answer(chosen, path, out, timeout=timeout)
    except OSError as error:
        _fail(f"cannot write the figure to {out}: {error.strerror or error}", 1)
    report_to = _console_err_print if quiet else lambda text: _console().print(text, markup=False, soft_wrap=True)
    if not paths:
        report_to(f"Lesson {chosen.number} has no answer plot.")
    for saved in paths:
        report_to(f"Saved a plot of your answer: {saved}")


@app.command()
def watch(
    number: str = LessonArg,
    file: Path = typer.Argument(..., metavar="FILE", help="Your answer file; it is re-checked on every save."),
    as_json: bool = typer.Option(False, "--json", help="One JSON report per line, one line per run."),
    timeout: float = TimeoutOption,
    lang: Optional[str] = LangOption,
) -> None:
    """Check your answer now and again every time you save it, until Ctrl-C."""
    import json

    from calccourse.learner.watch import watch as watch_file
    from calccourse.render.report import render_report

    language = _language(lang)
    chosen = _lesson(number)
    path = _submission(file)
    console = _console()
    store = _progress_store()

    def show(report) -> None:
        _record(store, report)
        if as_json:
            sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            console.rule(f"{path.name}")
            render_report(console, report, language)
            console.print("Watching for changes… (Ctrl-C to stop)", style="dim")

    def missing(gone: Path) -> None:
        _console_err_print(f"calccourse: {gone} is missing; waiting for it to come back…")

    try:
        watch_file(chosen, path, timeout=timeout, lang=language, on_report=show, on_missing=missing)
    except KeyboardInterrupt:
        pass
    if not as_json:
        console.print("Stopped watching.", style="dim")


@app.command()
def hint(
    number: str = LessonArg,
    level: int = typer.Option(1, "--level", "-l", min=1, help="1 is a nudge; higher levels are more concrete."),
    lang: Optional[str] = LangOption,
) -> None:
    """Show a hint for a lesson's exercise."""
    from calccourse.render.hints import render_hint

    language = _language(lang)
    chosen = _lesson(number)
    if not chosen.hints:
        _fail(f"lesson {chosen.number} has no hints", 1)
    if level > len(chosen.hints):
        _fail(f"lesson {chosen.number} has {len(chosen.hints)} hint levels; try --level {len(chosen.hints)}", 2)
    render_hint(_console(), chosen, level, language)


@app.command()
def init(
    folder: Path = typer.Argument(Path("calccourse-exercises"), metavar="[DIR]", help="Where to put the starter files."),
) -> None:
    """Copy the seven starter files into a folder of yours (edited files are never overwritten)."""
    from calccourse.learner.scaffold import init_exercises
    from calccourse.render.learner import render_init

    try:
        result = init_exercises(folder)
    except OSError as error:
        _fail(f"cannot write to {folder}: {error.strerror or error}", 1)
    render_init(_console(), result)


@app.command()
def progress(
    reset: bool = typer.Option(False, "--reset", help="Forget your progress (all lessons, or lesson N)."),
    number: Optional[str] = typer.Argument(None, metavar="[N]", help="With --reset: only this lesson."),
    yes: bool = typer.Option(False, "--yes", "-y", help="With --reset: do not ask for confirmation."),
    lang: Optional[str] = LangOption,
) -> None:
    """Show how far you have got: tasks passed per lesson, last attempt, what is next."""
    from calccourse.content.catalogue import catalogue
    from calccourse.content.errors import LessonError
    from calccourse.render.learner import render_progress

    language = _language(lang)
    if number is not None and not reset:
        _fail("a lesson number goes with --reset (`calccourse progress --reset N`)", 2)
    store = _progress_store()
    if store is None:
        raise typer.Exit(1)
    if reset:
        lesson_number = _lesson(number).number if number is not None else None
        what = f"your progress on lesson {lesson_number}" if lesson_number else "all your progress"
        if not yes:
            if not sys.stdin.isatty():
                _fail(f"not forgetting {what} without confirmation: add --yes", 2)
            typer.confirm(f"Forget {what}?", abort=True)
        store.reset(lesson_number)
        _console().print(f"Forgot {what}.", markup=False)
        return
    try:
        lessons = catalogue()
    except LessonError as error:
        _fail(f"a lesson file is broken: {error}", 1)
    render_progress(_console(), store.summary(lessons), language)


def _exit_now(code: object) -> NoReturn:
    """Flush and leave without tearing down NumPy/SymPy (a fifth of `check`'s time).

    Everything calccourse writes (progress, figures) is complete and closed by now.
    """
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else 0)


def main() -> None:
    """Entry point: run the CLI; an unexpected error is reported in one line, not a traceback."""
    try:
        app()
    except SystemExit as finished:
        if "sympy" in sys.modules or "numpy" in sys.modules:
            _exit_now(finished.code)
        raise
    except Exception as error:  # the last line of defence: never a traceback for a user
        if os.environ.get("CALCCOURSE_DEBUG"):
            raise
        print(
            f"calccourse: internal error: {type(error).__name__}: {error}\n"
            "Set CALCCOURSE_DEBUG=1 to see the details, and please report it.",
            file=sys.stderr,
        )
        sys.exit(70)
