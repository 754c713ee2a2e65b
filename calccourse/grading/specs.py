"""Schemas of the checks a lesson declares; each ``kind`` has one oracle in ``oracles/``.

Expressions are SymPy expressions written as text (parsed by the oracles with SymPy); a
list is a vector and a list of lists a matrix.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from calccourse.grading.model import Diagnosis


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(_Strict):
    """Learner-facing text in both languages."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)


def _identifier(name: str) -> str:
    if not name.isidentifier():
        raise ValueError(f"{name!r} is not a Python identifier")
    return name


Identifier = Annotated[str, AfterValidator(_identifier)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
ExpressionText = str | list[str] | list[list[str]]
Interval = tuple[float, float]


class Tolerance(_Strict):
    """|got - expected| <= atol + rtol * |expected|."""

    rtol: float = Field(default=1e-6, ge=0)
    atol: float = Field(default=1e-9, ge=0)


class Mistake(_Strict):
    """A known wrong answer and the diagnosis (and message) it earns."""

    expect: ExpressionText
    diagnosis: Diagnosis
    up_to_constant: bool = False
    message: LocalText | None = None


class CheckBase(_Strict):
    id: Slug
    function: Identifier
    title: LocalText
    points: int = Field(default=1, ge=1)


class ExpressionCheck(CheckBase):
    """The function equals a SymPy expression of its arguments (numerically, and exactly
    when the learner's function accepts SymPy symbols)."""

    kind: Literal["expression"]
    args: list[Identifier] = Field(min_length=1)
    expect: ExpressionText
    domain: dict[Identifier, Interval]
    samples: int = Field(default=64, ge=4)
    avoid: list[float] = []  # sampled values too close to these are dropped (e.g. a kink at 0)
    unseen: list[list[float]] = []  # extra inputs, one value per argument
    assumptions: dict[Identifier, dict[str, bool]] = {}  # SymPy assumptions, e.g. {x: {positive: true}}
    up_to_constant: bool = False
    symbolic: bool = True
    tolerance: Tolerance = Tolerance()
    mistakes: list[Mistake] = []


class FunctionProbe(_Strict):
    """A function of one variable handed to a higher-order learner function."""

    expr: str
    var: Identifier = "x"
    lo: float
    hi: float
    samples: int = Field(default=12, ge=1)
    step: float = Field(default=1e-5, gt=0)


class DifferenceQuotientCheck(CheckBase):
    """``function(func, x, dx)`` estimates func'(x) to first order or better."""

    kind: Literal["difference_quotient"]
    probes: list[FunctionProbe] = Field(min_length=1)
    array_input: bool = True  # also call once with x as a numpy array
    tolerance: Tolerance = Tolerance(rtol=1e-3, atol=1e-4)


class AreaProbe(_Strict):
    expr: str
    var: Identifier = "x"
    start: float
    stop: float
    dx: float = Field(gt=0)


class CumulativeAreaCheck(CheckBase):
    """``function(func, start, stop, dx)`` returns ``(xs, areas)`` with xs = arange(start, stop, dx)
    and areas[i] ~ the integral of func from start to about xs[i], to O(dx)."""

    kind: Literal["cumulative_area"]
    probes: list[AreaProbe] = Field(min_length=1)


class GradientProbe(_Strict):
    expr: str  # in x and y
    points: list[tuple[float, float]] = Field(min_length=1)


class GradientEstimateCheck(CheckBase):
    """``function(func, x, y)`` estimates the gradient of func at (x, y)."""

    kind: Literal["gradient_estimate"]
    probes: list[GradientProbe] = Field(min_length=1)
    rtol: float = Field(default=1e-3, gt=0)  # relative to |grad f|


class LayerCase(_Strict):
    batch: int = Field(ge=1)
    n_in: int = Field(ge=1)
    n_out: int = Field(ge=1)
    activation: Literal["sigmoid", "relu", "tanh"]
    seed: int


class BackwardLayerCheck(CheckBase):
    """``function(da, z, a_prev, W, dact)`` returns (dW, db, da_prev), checked against central
    finite differences of L = sum(da * act(a_prev @ W + b))."""

    kind: Literal["backward_layer"]
    cases: list[LayerCase] = Field(min_length=1)
    rtol: float = Field(default=1e-6, gt=0)


class CriticalPointsProbe(_Strict):
    expr: str
    var: Identifier = "x"
    lo: float
    hi: float
    expected: list[str]  # exact values as SymPy text, e.g. ["0", "4/3"]


class CriticalPointsCheck(CheckBase):
    """``function(func, lo, hi)`` returns the sorted critical points in [lo, hi] (as a set)."""

    kind: Literal["critical_points"]
    probes: list[CriticalPointsProbe] = Field(min_length=1)
    atol: float = Field(default=1e-4, gt=0)


class ClassificationProbe(_Strict):
    expr: str
    var: Identifier = "x"
    at: str  # SymPy number, e.g. "4/3"
    expected: Literal["minimum", "maximum", "neither"]


class ClassificationCheck(CheckBase):
    """``function(func, x0)`` names the kind of critical point."""

    kind: Literal["classification"]
    probes: list[ClassificationProbe] = Field(min_length=1)


class PointSet(_Strict):
    points: list[tuple[float, float]] = Field(min_length=2)
    labels: list[Literal[-1, 1]] = Field(min_length=2)


class MarginCheck(CheckBase):
    """Max-margin classification: ``max_margin_line(points, labels)`` -> (a, b, c), or
    ``support_vectors(points, labels)`` -> indices; compared with SLSQP and scikit-learn on
    the given sets and on ``random_sets`` random separable sets."""

    kind: Literal["max_margin_line", "support_vectors"]
    sets: list[PointSet] = Field(min_length=1)
    random_sets: int = Field(default=3, ge=0)
    seed: int = 0
    atol: float = Field(default=1e-3, gt=0)


CheckSpec = Annotated[
    ExpressionCheck
    | DifferenceQuotientCheck
    | CumulativeAreaCheck
    | GradientEstimateCheck
    | BackwardLayerCheck
    | CriticalPointsCheck
    | ClassificationCheck
    | MarginCheck,
    Field(discriminator="kind"),
]
