"""The schema of a lesson file: every lesson is data validated by these models."""

from __future__ import annotations

import keyword
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from calccourse.grading.specs import CheckSpec
from calccourse.i18n import Lang


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A piece of prose in both course languages."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


def _python_identifier(name: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"{name!r} is not a Python identifier")
    return name


def _compiles(source: str) -> str:
    try:
        compile(source, "<lesson code>", "exec")
    except SyntaxError as error:
        raise ValueError(f"Python syntax error on line {error.lineno} of the code: {error.msg}") from None
    return source


Identifier = Annotated[str, AfterValidator(_python_identifier)]
PythonSource = Annotated[str, AfterValidator(_compiles)]


class Section(_Strict):
    """One panel of explanation."""

    heading: Text
    body: Text


class Formula(_Strict):
    """A formula, given as a SymPy expression (pretty-printed) or as Unicode text."""

    label: Text
    sympy: str | None = None
    text: str | None = None

    @model_validator(mode="after")
    def _exactly_one_form(self) -> Formula:
        if (self.sympy is None) == (self.text is None):
            raise ValueError("a formula needs exactly one of 'sympy' or 'text'")
        return self


class OutputLimit(_Strict):
    """How a long output is summarised: the first and last lines are kept."""

    head: int = Field(default=20, ge=1)
    tail: int = Field(default=10, ge=1)


class WorkedCode(_Strict):
    """A worked computation: code that is shown, run, and whose output is shown."""

    title: Text
    explanation: Text | None = None
    source: PythonSource
    output: OutputLimit = OutputLimit()


class Figure(_Strict):
    """A figure: code that draws on Matplotlib and leaves the figure in ``fig``."""

    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Text
    source: PythonSource


class TaskFunction(_Strict):
    """A function the learner writes."""

    name: Identifier
    signature: str
    returns: Text


class Task(_Strict):
    """The lesson's exercise."""

    file: Annotated[str, Field(pattern=r"^[a-z0-9_]+\.py$")]
    summary: Text
    statement: Text
    functions: list[TaskFunction] = Field(min_length=1)


class Lesson(_Strict):
    """A whole lesson, as read from ``lessons/lessonN.yaml``."""

    number: int = Field(ge=1, le=99)
    slug: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Text
    teaches: Text
    minutes: int = Field(ge=1, le=240)
    sections: list[Section] = Field(min_length=1)
    formulas: list[Formula] = []
    worked: list[WorkedCode] = []
    figures: list[Figure] = []
    task: Task
    checks: list[CheckSpec] = []
    hints: list[Text] = []

    @model_validator(mode="after")
    def _checks_name_task_functions(self) -> Lesson:
        names = {function.name for function in self.task.functions}
        for check in self.checks:
            if check.function not in names:
                raise ValueError(
                    f"check {check.id!r} grades {check.function!r}, "
                    f"which is not one of the task's functions ({', '.join(sorted(names))})"
                )
        return self
