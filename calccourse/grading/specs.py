"""Schemas of the checks a lesson declares; each ``kind`` has one oracle in ``oracles/``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from calccourse.grading.model import Diagnosis


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Text(_Strict):
    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)


def _identifier(name: str) -> str:
    if not name.isidentifier():
        raise ValueError(f"{name!r} is not a Python identifier")
    return name


Identifier = Annotated[str, AfterValidator(_identifier)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
# A SymPy expression as text; a list for a vector, a list of lists for a matrix.
ExpressionText = str | list[str] | list[list[str]]


class Tolerance(_Strict):
    """|got - expected| <= atol + rtol * |expected|."""

    rtol: float = Field(default=1e-6, ge=0)
    atol: float = Field(default=1e-9, ge=0)


class Mistake(_Strict):
    """A known wrong answer and the diagnosis it earns."""

    expect: ExpressionText
    diagnosis: Diagnosis
    message: _Text | None = None


class CheckBase(_Strict):
    id: Slug
    function: Identifier
    title: _Text
    points: int = Field(default=1, ge=1)


class ExpressionCheck(CheckBase):
    """The function must equal a SymPy expression of its arguments."""

    kind: Literal["expression"]
    args: list[Identifier] = Field(min_length=1)
    expect: ExpressionText
    domain: dict[Identifier, tuple[float, float]]
    samples: int = Field(default=64, ge=4)
    unseen: list[list[float]] = []
    up_to_constant: bool = False
    symbolic: bool = True
    tolerance: Tolerance = Tolerance()
    mistakes: list[Mistake] = []


# Oracle kinds join this union as they are added.
CheckSpec = ExpressionCheck
