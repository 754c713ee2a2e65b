"""Comparing what a learner's function returned with a reference, fairly.

Type and shape are checked before values; values agree when
|got − expected| ≤ atol + rtol·|expected| elementwise (PrairieLearn's rule).
Everything here works on plain data (``Returned`` values built by the sandbox).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from calccourse.grading.model import Diagnosis

if TYPE_CHECKING:
    import numpy as np

    from calccourse.grading.protocol import CallFailure, Returned


class ToleranceLike(Protocol):
    rtol: float
    atol: float


@dataclass(frozen=True)
class Mismatch:
    """Why one returned value does not match its reference.

    ``got``/``expected`` are display texts; ``got_array`` is the returned value reshaped
    to the reference's shape when the shapes agree (for ``diagnose_values``) next to
    ``expected_array``, ``entry`` the index of the first differing entry of an array, and
    ``ragged`` marks a tuple/list whose parts have different sizes.
    """

    diagnosis: Diagnosis
    got: str
    expected: str
    pytype: str = ""
    entry: tuple[int, ...] | None = None
    got_array: np.ndarray | None = None
    expected_array: np.ndarray | None = None
    ragged: bool = False


@dataclass(frozen=True)
class RowProblem:
    """The row (input) chosen to show the learner: a failed call or a mismatch."""

    index: int
    failure: CallFailure | None = None
    mismatch: Mismatch | None = None


def close(got: Any, expected: Any, tol: ToleranceLike) -> np.ndarray:
    """Elementwise |got − expected| ≤ atol + rtol·|expected| (equal infinities agree)."""
    import numpy as np

    got_array, expected_array = np.broadcast_arrays(np.asarray(got, float), np.asarray(expected, float))
    with np.errstate(invalid="ignore", over="ignore"):
        ok = np.abs(got_array - expected_array) <= tol.atol + tol.rtol * np.abs(expected_array)
        ok |= got_array == expected_array
    ok |= np.isnan(got_array) & np.isnan(expected_array)
    return ok


def all_close(got: Any, expected: Any, tol: ToleranceLike) -> bool:
    """True when every entry of ``got`` agrees with ``expected`` (see :func:`close`)."""
    return bool(close(got, expected, tol).all())


def check_numeric(got: Returned, expected: Any, tol: ToleranceLike) -> Mismatch | None:
    """None when ``got`` matches ``expected``; else the first problem, in the order
    type → shape (incl. transposed) → non-finite → values."""
    import numpy as np

    reference = np.asarray(expected, dtype=float)
    shown_expected = show(reference)
    if got.pytype == "NoneType":
        return Mismatch(Diagnosis.WRONG_TYPE, "None", shown_expected, got.pytype)
    if got.array is None:
        if got.items is not None:
            return Mismatch(Diagnosis.WRONG_SHAPE, show_returned(got), shape_text(reference.shape),
                            got.pytype, ragged=True)
        return Mismatch(Diagnosis.WRONG_TYPE, show_returned(got), shown_expected, got.pytype)
    array = np.asarray(got.array, dtype=float)
    if array.shape != reference.shape:
        if array.squeeze().shape == reference.squeeze().shape:
            array = array.reshape(reference.shape)
        elif array.ndim == 2 and array.T.shape == reference.shape and all_close(array.T, reference, tol):
            return Mismatch(Diagnosis.TRANSPOSED, show(array), shown_expected, got.pytype)
        else:
            return Mismatch(Diagnosis.WRONG_SHAPE, shape_text(array.shape), shape_text(reference.shape),
                            got.pytype)
    non_finite = ~np.isfinite(array) & np.isfinite(reference)
    if non_finite.any():
        return Mismatch(Diagnosis.NON_FINITE, show(array), shown_expected, got.pytype,
                        _first(non_finite), array, reference)
    agrees = close(array, reference, tol)
    if not agrees.all():
        return Mismatch(Diagnosis.WRONG_VALUE, show(array), shown_expected, got.pytype,
                        _first(~agrees), array, reference)
    return None


_SEVERITY = {
    Diagnosis.WRONG_TYPE: 1,
    Diagnosis.WRONG_SHAPE: 2,
    Diagnosis.TRANSPOSED: 3,
    Diagnosis.NON_FINITE: 4,
    Diagnosis.WRONG_VALUE: 5,
}


def find_problem(rows: Sequence[Sequence[Any]], results: Sequence[Returned | CallFailure],
                 expected: Sequence[Any], tol: ToleranceLike) -> RowProblem | None:
    """The problem to show among many calls, or None if every row matches.

    Failed calls come first, then the most basic mismatch (type, shape, …, value); among
    equals, the row with the simplest input (round numbers, small magnitudes) wins.
    """
    problems: list[tuple[tuple[int, tuple[int, float]], RowProblem]] = []
    for index, (row, result, reference) in enumerate(zip(rows, results, expected, strict=True)):
        if is_failure(result):
            problems.append(((0, simplicity(row)), RowProblem(index, failure=result)))  # type: ignore[arg-type]
            continue
        mismatch = check_numeric(result, reference, tol)  # type: ignore[arg-type]
        if mismatch is not None:
            problems.append(((_SEVERITY[mismatch.diagnosis], simplicity(row)),
                             RowProblem(index, mismatch=mismatch)))
    if not problems:
        return None
    return min(problems, key=lambda problem: problem[0])[1]


def stack_values(results: Sequence[Returned | CallFailure], shape: tuple[int, ...]) -> np.ndarray | None:
    """Every result's array reshaped to ``shape`` and stacked on a new first axis; None if
    any call failed or returned something of another size."""
    import numpy as np

    values = []
    for result in results:
        if is_failure(result) or result.array is None:  # type: ignore[union-attr]
            return None
        array = np.asarray(result.array, dtype=float)  # type: ignore[union-attr]
        if array.squeeze().shape != np.empty(shape).squeeze().shape:
            return None
        values.append(array.reshape(shape))
    return np.stack(values) if values else None


def is_failure(result: object) -> bool:
    """True for a sandbox ``CallFailure`` (a call that raised, timed out, …)."""
    return hasattr(result, "diagnosis") and not hasattr(result, "pytype")


def simplicity(row: Sequence[Any]) -> tuple[int, float]:
    """Sort key: inputs that are multiples of ½ and small in size are easiest to read."""
    untidy, size = 0, 0.0
    for value in row:
        if isinstance(value, int | float) and not isinstance(value, bool):
            untidy += float(value) * 2 != round(float(value) * 2)
            size += abs(float(value))
    return untidy, size


# --- display ---------------------------------------------------------------------------

def show(value: Any) -> str:
    """A compact display of a number or an array (6 significant digits)."""
    import numpy as np

    array = np.asarray(value, dtype=float)
    if array.ndim == 0:
        return show_number(float(array))
    text = np.array2string(array, separator=", ", threshold=12, edgeitems=3, max_line_width=10**6,
                           formatter={"float_kind": show_number})
    return " ".join(text.split())


def show_number(value: float) -> str:
    """2.0 stays '2.0'; others get up to 6 significant digits."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return f"{value:.1f}"
    text = f"{value:.6g}"
    return text + ".0" if text.lstrip("-").isdigit() else text  # 2.00000000006 reads "2.0", like 2.0


def show_returned(got: Returned) -> str:
    """A display of any returned value, numeric or not."""
    if got.array is not None:
        return show(got.array)
    if got.items is not None:
        return "(" + ", ".join(show_returned(item) for item in got.items) + ")"
    if got.pytype == "str":
        return repr(got.text)
    if got.text is not None:
        return got.text if len(got.text) <= 80 else got.text[:77] + "..."
    return f"<{got.pytype}>"


def shape_text(shape: tuple[int, ...]) -> str:
    """(3, 2) for a matrix, () for a single number."""
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def show_argument(value: Any) -> str:
    """An argument as it would appear in a call: numbers, arrays, and probes by formula."""
    if hasattr(value, "expr") and hasattr(value, "variables"):
        return f"lambda {', '.join(value.variables)}: {value.expr}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return show_number(float(value))
    return show(value)


def call_text(function: str, args: Sequence[Any]) -> str:
    """How a call reads in a message, e.g. ``df(2.0)``."""
    return f"{function}({', '.join(show_argument(arg) for arg in args)})"


def _first(mask: np.ndarray) -> tuple[int, ...]:
    import numpy as np

    return tuple(int(i) for i in np.argwhere(mask)[0])
