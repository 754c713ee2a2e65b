"""Run a learner's file in an isolated child process and call its functions.

LearnerSession is the API the grader uses. It is built on two modules: protocol.py (the
plain data that crosses the process boundary, and its JSON encoding) and process.py
(starting, timing and ending the children, including the WarmPool zygote). Nothing is
re-exported: import the data types from protocol.py and WarmPool from process.py.
The parent only ever json-decodes plain data from the child: it never unpickles, evals
or calls a learner object, and it enforces every time limit with its own clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from calccourse.grading.model import Diagnosis
from calccourse.grading.process import (
    Child,
    ColdLauncher,
    Launcher,
    death_during_call,
    death_during_load,
)
from calccourse.grading.protocol import (
    Arg,
    CallFailure,
    LoadProblem,
    ProtocolError,
    Returned,
    decode_call_answer,
    decode_load_answer,
    decode_many_answer,
    decode_symbolic_answer,
    encode_arg,
)


def as_call_failure(problem: LoadProblem) -> CallFailure:
    """A load problem reported as the failure of a call that needed the file loaded."""
    return CallFailure(problem.diagnosis, problem.message, problem.traceback)


class LearnerSession:
    """A learner's file running in an isolated child process.

    Time limit: each child gets `timeout` seconds of working time, counted from start()
    until the file is loaded, then during every call (time the parent spends between
    calls is not counted). A call that runs out of time, or kills the child, marks its
    function broken (later calls return the same failure at once) and the next call to
    another function transparently gets a fresh child that executes the file again.
    """

    def __init__(
        self,
        path: Path,
        *,
        timeout: float = 10.0,
        memory_mb: int = 2048,
        source: str | None = None,
        filename: str | None = None,
        preload: tuple[str, ...] = ("numpy",),
        launcher: Launcher | None = None,
    ) -> None:
        """`source` (with `filename` for messages) overrides reading `path`; `preload`
        names modules the child imports before running the learner's file. `launcher`
        starts the children (e.g. a WarmPool, whose own preload then applies); by
        default each child is a new interpreter."""
        self.path = Path(path)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self._source = source
        self._filename = filename or str(self.path.resolve())
        self._launcher: Launcher = (
            launcher if launcher is not None else ColdLauncher(tuple(preload))
        )
        self._child: Child | None = None
        self._first_output: str | None = None
        self._load_problem: LoadProblem | None = None
        self._loaded = False
        self._defined: list[str] = []
        self._broken: dict[str, CallFailure] = {}

    # -- life cycle

    def _load_message(self) -> dict[str, Any]:
        if self._source is None:
            self._source = self.path.read_text(encoding="utf-8-sig", errors="replace")
        directory = str(self.path.resolve().parent) if self.path.is_file() else None
        return {"source": self._source, "filename": self._filename, "directory": directory}

    def _spawn(self) -> None:
        self._child = Child(self._launcher, self._load_message(), self.timeout, self.memory_mb)

    def start(self) -> None:
        """Spawn the child now and return at once (it executes the file in the background)."""
        if self._child is None and not self._loaded:
            self._spawn()

    def _await_load(self, child: Child) -> tuple[LoadProblem | None, list[str]]:
        try:
            message = child.receive()
            if message is not None:
                return decode_load_answer(message)
        except ProtocolError:
            child.close()
            return LoadProblem(Diagnosis.IMPORT_ERROR, "the sandbox sent an unreadable answer"), []
        if time.monotonic() >= child.deadline and child.process.exitcode() is None:
            child.close()
            return LoadProblem(
                Diagnosis.TIMEOUT, f"your file took longer than {self.timeout:g} s to load"
            ), []
        code = child.ended()
        child.close()
        return death_during_load(code, self.timeout), []

    def wait_loaded(self) -> LoadProblem | None:
        """Block until the file has been executed (or failed); None if it loaded."""
        if not self._loaded:
            self.start()
            assert self._child is not None
            self._load_problem, self._defined = self._await_load(self._child)
            self._loaded = True
            if self._load_problem is not None:
                self._retire_child()
        return self._load_problem

    def _retire_child(self) -> None:
        """Kill the current child; keep the first child's output for `output`."""
        if self._child is None:
            return
        self._child.close()
        if self._first_output is None:
            self._first_output = self._child.output()
        self._child = None

    def _live_child(self) -> Child | CallFailure:
        """The running child, restarting one after an earlier call killed the last."""
        problem = self.wait_loaded()
        if problem is not None:
            return as_call_failure(problem)
        if self._child is None:
            self._spawn()
            assert self._child is not None
            problem, _ = self._await_load(self._child)
            if problem is not None:
                self._load_problem = problem
                self._retire_child()
                return as_call_failure(problem)
        return self._child

    def _exchange(self, function: str, message: dict[str, Any]) -> dict[str, Any] | CallFailure:
        """Send one command for `function` and read its answer, or why there is none."""
        if function in self._broken:
            return self._broken[function]
        child = self._live_child()
        if isinstance(child, CallFailure):
            return child
        child.resume()
        try:
            answer = child.receive() if child.send(message) else None
        except ProtocolError:
            answer, failure = None, CallFailure(
                Diagnosis.EXCEPTION, "the sandbox sent an unreadable answer"
            )
        else:
            failure = None
        if answer is not None:
            return answer
        if failure is None:
            alive = child.process.exitcode() is None
            if alive and time.monotonic() >= child.deadline:
                failure = CallFailure(
                    Diagnosis.TIMEOUT,
                    f"the call did not finish within the {self.timeout:g} s time limit",
                )
            else:
                failure = death_during_call(child.ended(), self.timeout)
        self._broken[function] = failure
        self._retire_child()
        return failure

    def _decode_or_break(
        self, function: str, decode: Callable[[dict[str, Any]], Any], answer: dict[str, Any]
    ) -> Any:
        """`decode(answer)`, or a failure that marks `function` broken if it is malformed."""
        try:
            return decode(answer)
        except ProtocolError:
            failure = CallFailure(Diagnosis.EXCEPTION, "the sandbox sent an unreadable answer")
            self._broken[function] = failure
            self._retire_child()
            return failure

    # -- the API

    @property
    def defined(self) -> list[str]:
        """Names of callables the learner's module defines at top level (sorted)."""
        self.wait_loaded()
        return list(self._defined)

    def call(self, function: str, args: Sequence[Arg]) -> Returned | CallFailure:
        """`function(*args)` in the child."""
        message = {"op": "call", "function": function, "args": [encode_arg(a) for a in args]}
        answer = self._exchange(function, message)
        if isinstance(answer, CallFailure):
            return answer
        return self._decode_or_break(function, decode_call_answer, answer)

    def call_many(
        self, function: str, rows: Sequence[Sequence[Arg]]
    ) -> list[Returned | CallFailure]:
        """`function(*row)` for every row in ONE round trip.

        The child calls the first row point by point (numpy.float64 scalars for floats),
        then tries ONE vectorised call where every argument position whose numbers vary
        across rows is a 1-D float array (other positions keep the first row's value).
        That result is accepted when it is a float array of shape (N,)+S or S+(N,), S
        being the first row's result shape, and its first slice equals the first row's
        result; it is then split per row (with the first row's type name). Otherwise each
        remaining row is called point by point.
        """
        if not rows:
            return []
        encoded = [[encode_arg(a) for a in row] for row in rows]
        message = {"op": "call_many", "function": function, "rows": encoded}
        answer = self._exchange(function, message)
        if isinstance(answer, CallFailure):
            return [answer] * len(rows)
        decode = partial(decode_many_answer, rows=len(rows))
        decoded = self._decode_or_break(function, decode, answer)
        return [decoded] * len(rows) if isinstance(decoded, CallFailure) else decoded

    def symbolic(
        self,
        function: str,
        symbols: Sequence[str],
        assumptions: Mapping[str, Mapping[str, bool]] = {},  # noqa: B006 - read only
    ) -> str | CallFailure | None:
        """Call with SymPy Symbols (real=True plus `assumptions[name]`).

        Returns ``sympy.srepr(result)`` where sequences become an ImmutableMatrix when
        they are rectangular 2-D (rows of equal length) and a Tuple otherwise (capped at
        20 000 characters), or None if the function does not accept symbols (it raised,
        or returned something SymPy cannot take). A timeout or memory failure is a
        CallFailure.
        """
        message = {
            "op": "symbolic",
            "function": function,
            "symbols": list(symbols),
            "assumptions": {name: dict(flags) for name, flags in assumptions.items()},
        }
        answer = self._exchange(function, message)
        if isinstance(answer, CallFailure):
            return answer
        return self._decode_or_break(function, decode_symbolic_answer, answer)

    @property
    def output(self) -> str:
        """The learner's captured stdout+stderr (capped, with a note when cut).

        This is the first run's output: a child restarted after a timeout or crash
        executes the file again, and its repeated prints are not added.
        """
        if self._first_output is not None:
            return self._first_output
        return self._child.output() if self._child is not None else ""

    def close(self) -> None:
        """Kill the child if alive and remove its temporary directory."""
        self._retire_child()

    def __enter__(self) -> LearnerSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

