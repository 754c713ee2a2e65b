"""Oracle for lesson 5's ``backward_layer(da, z, a_prev, W, dact)`` -> (dW, db, da_prev).

The reference gradients of L = Σ da ⊙ act(a_prev @ W + b) are central finite differences,
computed in the parent on random layers; no backpropagation formula is trusted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from calccourse.grading.compare import Mismatch, check_numeric, is_failure, shape_text, show_returned
from calccourse.grading.diagnose import (
    Finding,
    diagnose_values,
    failed_result,
    failure_result,
    mismatch_result,
    passed_result,
)
from calccourse.grading.messages import say
from calccourse.grading.model import Diagnosis, Evidence, TestResult
from calccourse.grading.oracles.base import Oracle, register

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np

    from calccourse.grading.protocol import Returned
    from calccourse.grading.sandbox import LearnerSession
    from calccourse.grading.specs import BackwardLayerCheck, LayerCase

STEP = 1e-5  # central-difference step
KINK_CLEARANCE = 0.05  # every |z| of a ReLU layer is at least this, far beyond STEP's effect
NAMES = ("dW", "db", "da_prev")

# The derivative each activation's ``dact`` probe computes, as SymPy text in z.
DERIVATIVES = {
    "sigmoid": "exp(-z)/(1 + exp(-z))**2",
    "relu": "Piecewise((1, z > 0), (0, True))",
    "tanh": "1 - tanh(z)**2",
}


def activation(name: str) -> Callable[[np.ndarray], np.ndarray]:
    """The activation function itself, in numpy."""
    import numpy as np

    return {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "relu": lambda z: np.maximum(z, 0.0), "tanh": np.tanh}[name]


def central_difference(loss: Callable[[], float], variable: np.ndarray, step: float = STEP) -> np.ndarray:
    """∂loss/∂variable by central differences, nudging ``variable`` in place entry by entry."""
    import numpy as np

    gradient = np.zeros_like(variable)
    for index in np.ndindex(variable.shape):
        original = variable[index]
        variable[index] = original + step
        above = loss()
        variable[index] = original - step
        below = loss()
        variable[index] = original
        gradient[index] = (above - below) / (2 * step)
    return gradient


@dataclass(frozen=True)
class Layer:
    """One random dense layer, the upstream gradient and the reference gradients."""

    case: LayerCase
    da: np.ndarray
    z: np.ndarray
    a_prev: np.ndarray
    W: np.ndarray
    gradients: tuple[np.ndarray, np.ndarray, np.ndarray]  # dW, db (n_out,), da_prev
    without_dact: tuple[np.ndarray, np.ndarray, np.ndarray]  # the same with dz = da (dact forgotten)


def make_layer(case: LayerCase) -> Layer:
    """A seeded random layer (for ReLU, with every |z| ≥ KINK_CLEARANCE) and its finite-difference gradients."""
    import numpy as np

    rng = np.random.default_rng(case.seed)
    act = activation(case.activation)
    while True:
        a_prev = rng.normal(size=(case.batch, case.n_in))
        W = rng.normal(size=(case.n_in, case.n_out))
        b = rng.normal(size=case.n_out)
        da = rng.normal(size=(case.batch, case.n_out))
        z = a_prev @ W + b
        if case.activation != "relu" or np.min(np.abs(z)) >= KINK_CLEARANCE:
            break

    def loss() -> float:
        return float(np.sum(da * act(a_prev @ W + b)))

    gradients = (central_difference(loss, W), central_difference(loss, b), central_difference(loss, a_prev))
    without_dact = (a_prev.T @ da, da.sum(axis=0), da @ W.T)
    return Layer(case, da, z, a_prev, W, gradients, without_dact)


@dataclass(frozen=True)
class _Relative:
    """Entries agree within rtol of the reference's largest entry (finite differences are
    accurate relative to the whole array, not to each tiny entry)."""

    rtol: float
    atol: float


@register
class BackwardLayerOracle(Oracle):
    """``backward_layer(da, z, a_prev, W, dact)`` returns the gradients of L w.r.t. W, b and a_prev."""

    kinds = ("backward_layer",)
    spec: BackwardLayerCheck

    def prepare(self) -> None:
        self.layers = [make_layer(case) for case in self.spec.cases]

    def grade(self, session: LearnerSession) -> list[TestResult]:
        from calccourse.grading.protocol import Probe

        rows = [[layer.da, layer.z, layer.a_prev, layer.W, Probe(DERIVATIVES[layer.case.activation], ("z",))]
                for layer in self.layers]
        results = session.call_many(self.spec.function, rows)
        for layer, got in zip(self.layers, results, strict=True):
            called = self._called(layer)
            if is_failure(got):
                return [failure_result(self.spec, got, called=called, lang=self.lang,  # type: ignore[arg-type]
                                       defined=session.defined)]
            problem = self._judge(layer, got, called)  # type: ignore[arg-type]
            if problem is not None:
                return [problem]
        return [passed_result(self.spec, self.lang, say("backprop_passed", self.lang, function=self.spec.function,
                                                          count=len(self.layers)))]

    def _called(self, layer: Layer) -> str:
        case = layer.case
        return say("backprop_called", self.lang, function=self.spec.function, activation=case.activation,
                   batch=case.batch, n_in=case.n_in, n_out=case.n_out)

    def _judge(self, layer: Layer, got: Returned, called: str) -> TestResult | None:
        parts = _three_parts(got)
        if parts is None:
            key = "returned_none" if got.pytype == "NoneType" else "backprop_not_three"
            message = say(key, self.lang, called=called, got=show_returned(got))
            return failed_result(self.spec, self.lang, Diagnosis.WRONG_TYPE, message,
                                 Evidence(called, "(dW, db, da_prev)", show_returned(got)))
        for position, (name, part, expected) in enumerate(zip(NAMES, parts, layer.gradients, strict=True)):
            tolerance = _tolerance(expected, self.spec.rtol)
            mismatch = self._db_shape(part, layer.case.n_out) if name == "db" else None
            mismatch = mismatch or check_numeric(part, expected, tolerance)  # db as (n_out,) or (1, n_out) alike
            if mismatch is None:
                continue
            which = say("backprop_which", self.lang, name=name, position=position + 1)
            finding, note = self._diagnose(layer, position, mismatch, tolerance)
            order = _returned_order(parts, layer.gradients, self.spec.rtol)
            if order is not None:
                finding, note = None, say("backprop_order", self.lang, order=", ".join(order))
            return mismatch_result(self.spec, mismatch, called=f"{called}{say('colon', self.lang)}{which}",
                                   lang=self.lang, finding=finding, note=note)
        return None

    def _db_shape(self, part: Returned, n_out: int) -> Mismatch | None:
        """db must have the shape of b, (n_out,) or (1, n_out): a column (n_out, 1) broadcasts
        into an (n_out, n_out) matrix in the learner's update ``b -= rate * db``."""
        if part.array is None or part.array.shape in ((n_out,), (1, n_out)) or part.array.size != n_out:
            return None
        return Mismatch(Diagnosis.WRONG_SHAPE, shape_text(part.array.shape),
                        say("backprop_db_shapes", self.lang, n=n_out), part.pytype)

    def _diagnose(self, layer: Layer, position: int, mismatch: Any, tolerance: _Relative) -> tuple[Finding | None, str]:
        """Name the mistake behind a wrong dW, db or da_prev (and a hint when one fits)."""
        import numpy as np

        if mismatch.diagnosis is Diagnosis.TRANSPOSED and NAMES[position] == "dW":
            return None, say("backprop_transposed", self.lang)
        if mismatch.diagnosis is not Diagnosis.WRONG_VALUE or mismatch.got_array is None:
            return None, ""
        got, expected = mismatch.got_array, layer.gradients[position]
        if np.allclose(got, layer.without_dact[position], rtol=tolerance.rtol, atol=tolerance.atol):
            return Finding(Diagnosis.WRONG_VALUE), say("backprop_forgot_dact", self.lang)
        finding = diagnose_values(got, expected, tolerance)
        if finding.diagnosis is Diagnosis.CONSTANT_FACTOR and finding.detail is not None:
            if abs(finding.detail * layer.case.batch - 1) < 1e-6:
                key = "backprop_batch_mean" if NAMES[position] == "db" else "backprop_divided_by_batch"
                return finding, say(key, self.lang, batch=layer.case.batch)
            if abs(finding.detail - 2) < 1e-6:
                return finding, say("backprop_twice", self.lang)
        return finding, ""


def _tolerance(expected: np.ndarray, rtol: float) -> _Relative:
    """rtol relative to the reference's largest entry."""
    import numpy as np

    scale = float(np.max(np.abs(expected))) if expected.size else 0.0
    return _Relative(rtol=rtol, atol=rtol * scale + 1e-12)


def _returned_order(parts: list[Returned], gradients: tuple[np.ndarray, ...], rtol: float) -> list[str] | None:
    """The names in the order the learner returned them, when the three values are right but
    come back in another order than (dW, db, da_prev); else None."""
    from itertools import permutations

    for order in permutations(range(3)):
        if order != (0, 1, 2) and all(
                check_numeric(parts[slot], gradients[name], _tolerance(gradients[name], rtol)) is None
                for slot, name in enumerate(order)):
            return [NAMES[name] for name in order]
    return None


def _three_parts(got: Returned) -> list[Returned] | None:
    """The three returned arrays, from a tuple of arrays or one (3, …) array."""
    import numpy as np

    from calccourse.grading.protocol import Returned

    if got.items is not None and len(got.items) == 3:
        return list(got.items)
    if got.array is not None and got.array.ndim >= 1 and got.array.shape[0] == 3 and got.pytype in ("tuple", "list"):
        return [Returned(pytype="ndarray", array=np.asarray(part), items=None, text=None) for part in got.array]
    return None

