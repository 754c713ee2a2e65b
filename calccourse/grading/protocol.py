"""The plain data that crosses the sandbox's process boundary, and its JSON wire format.

The parent sends commands as JSON lines (arguments tagged by `encode_arg`) and reads the
child's answers back with the `decode_*` functions, which check every field's type and
raise ProtocolError on anything else: nothing the child sends is ever unpickled, evaluated
or called. The child's side of the format is in child.py.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from calccourse.grading.model import Diagnosis

if TYPE_CHECKING:
    import numpy as np


# ------------------------------------------------------------------------ public types


@dataclass(frozen=True)
class Probe:
    """A function the checker passes INTO a learner's function (e.g. rate_of_change(func, ...)).

    Built in the child from a SymPy expression: numeric calls go through
    sympy.lambdify(vars, expr, "numpy"); called with SymPy objects it returns the
    expression with them substituted (so a learner may call sympy.diff(func(x), x)).
    """

    expr: str
    variables: tuple[str, ...]


Arg = Union[float, int, str, "np.ndarray", list, tuple, Probe]


@dataclass(frozen=True)
class Returned:
    """What a learner's function returned, as plain data (built from the child's JSON)."""

    pytype: str
    array: np.ndarray | None
    items: tuple[Returned, ...] | None
    text: str | None


@dataclass(frozen=True)
class CallFailure:
    """A call that produced no value (see Diagnosis for the codes used)."""

    diagnosis: Diagnosis
    message: str
    traceback: str = ""


@dataclass(frozen=True)
class LoadProblem:
    """Why the learner's file could not be executed."""

    diagnosis: Diagnosis
    message: str
    line: int | None = None
    source_line: str | None = None
    column: int | None = None
    traceback: str = ""


class ProtocolError(Exception):
    """The child sent something that is not a well-formed message of the expected shape."""


# ---------------------------------------------------------------------------- messages


def encode_message(message: dict[str, Any]) -> bytes:
    """One command as a JSON line."""
    return (json.dumps(message) + "\n").encode()


def decode_message(line: bytes) -> dict[str, Any]:
    """One JSON line from the child, which must be an object."""
    try:
        message = json.loads(line)
    except ValueError as error:
        raise ProtocolError("not JSON") from error
    _expect(isinstance(message, dict), "message")
    return message


# ---------------------------------------------------------------------- encoding args


def encode_arg(arg: Any) -> dict[str, Any]:
    """An argument as tagged JSON; the child rebuilds the same Python/numpy value."""
    import numbers

    numpy = sys.modules.get("numpy")  # an ndarray argument means numpy is already imported
    if numpy is not None and isinstance(arg, numpy.generic):
        arg = arg.item()
    if isinstance(arg, Probe):
        return {"probe": {"expr": arg.expr, "variables": list(arg.variables)}}
    if isinstance(arg, bool):
        return {"bool": arg}
    if arg is None:
        return {"none": None}
    if isinstance(arg, str):
        return {"str": arg}
    if isinstance(arg, numbers.Integral):
        return {"int": int(arg)}
    if isinstance(arg, numbers.Real):
        return {"float": float(arg)}
    if isinstance(arg, list):
        return {"list": [encode_arg(item) for item in arg]}
    if isinstance(arg, tuple):
        return {"tuple": [encode_arg(item) for item in arg]}
    if numpy is not None and isinstance(arg, numpy.ndarray):
        return {
            "ndarray": {
                "shape": list(arg.shape),
                "dtype": arg.dtype.str,
                "data": numpy.asarray(arg).ravel().tolist(),
            }
        }
    raise TypeError(f"cannot pass a {type(arg).__name__} to a learner's function")


# --------------------------------------------------------------------- decoding answers


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise ProtocolError(what)


def _text(value: Any, what: str, optional: bool = False) -> str | None:
    _expect(isinstance(value, str) or (optional and value is None), what)
    return value


def decode_returned(data: Any, depth: int = 0) -> Returned:
    """A Returned from the child's JSON, checking every field's type."""
    import numpy as np

    _expect(isinstance(data, dict) and depth <= 8, "returned value")
    pytype = _text(data.get("pytype"), "pytype")
    array = None
    if data.get("array") is not None:
        raw = data["array"]
        _expect(isinstance(raw, dict), "array")
        shape, values = raw.get("shape"), raw.get("data")
        _expect(isinstance(shape, list) and all(type(n) is int and n >= 0 for n in shape), "shape")
        _expect(isinstance(values, list) and len(values) == math.prod(shape), "array data")
        _expect(all(type(v) in (int, float) for v in values), "array numbers")
        array = np.array(values, dtype=np.float64).reshape(shape)
    items = None
    if data.get("items") is not None:
        _expect(isinstance(data["items"], list), "items")
        items = tuple(decode_returned(item, depth + 1) for item in data["items"])
    text = _text(data.get("text"), "text", optional=True)
    return Returned(pytype=pytype, array=array, items=items, text=text)


def _diagnosis(value: Any, allowed: set[Diagnosis]) -> Diagnosis:
    _expect(value in {code.value for code in allowed}, "diagnosis")
    return Diagnosis(value)


CALL_CODES = {
    Diagnosis.NOT_IMPLEMENTED,
    Diagnosis.EXCEPTION,
    Diagnosis.MEMORY,
    Diagnosis.MISSING_FUNCTION,
}
LOAD_CODES = {Diagnosis.SYNTAX_ERROR, Diagnosis.IMPORT_ERROR, Diagnosis.MEMORY}


def decode_call_answer(data: Any) -> Returned | CallFailure:
    """The answer to one "call": a value, or why the learner's code produced none."""
    _expect(isinstance(data, dict), "answer")
    if data.get("kind") == "returned":
        return decode_returned(data.get("value"))
    _expect(data.get("kind") == "failure", "answer kind")
    return CallFailure(
        diagnosis=_diagnosis(data.get("diagnosis"), CALL_CODES),
        message=_text(data.get("message"), "message"),
        traceback=_text(data.get("traceback"), "traceback"),
    )


def decode_many_answer(data: dict[str, Any], rows: int) -> list[Returned | CallFailure]:
    """The answer to a "call_many" of `rows` rows: one call answer per row."""
    results = data.get("results")
    _expect(data.get("kind") == "many" and isinstance(results, list), "many")
    _expect(len(results) == rows, "row count")
    return [decode_call_answer(item) for item in results]


def decode_symbolic_answer(data: dict[str, Any]) -> str | CallFailure | None:
    """The answer to a "symbolic" call: an srepr, None (no symbolic result) or a failure."""
    if data.get("kind") == "symbolic":
        return _text(data.get("srepr"), "srepr", optional=True)
    return decode_call_answer(data)


def _optional_int(value: Any) -> int | None:
    _expect(value is None or type(value) is int, "line/column")
    return value


def decode_load_answer(data: Any) -> tuple[LoadProblem | None, list[str]]:
    """(problem, defined names) from the child's first message."""
    _expect(isinstance(data, dict), "load answer")
    if data.get("kind") == "loaded":
        names = data.get("defined")
        _expect(isinstance(names, list) and all(isinstance(n, str) for n in names), "defined")
        return None, sorted(names)
    _expect(data.get("kind") == "load_problem", "load answer kind")
    problem = LoadProblem(
        diagnosis=_diagnosis(data.get("diagnosis"), LOAD_CODES),
        message=_text(data.get("message"), "message"),
        line=_optional_int(data.get("line")),
        source_line=_text(data.get("source_line"), "source_line", optional=True),
        column=_optional_int(data.get("column")),
        traceback=_text(data.get("traceback"), "traceback"),
    )
    return problem, []
