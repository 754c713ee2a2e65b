"""Run a learner's file in an isolated child process and call its functions.

The child (child.py, started as ``python -I``) executes untrusted code under resource
limits, in a fresh temporary directory, in its own process group. The parent only ever
json-decodes plain data from a dedicated result pipe: it never unpickles, evals or calls
a learner object, and it enforces every time limit with its own clock.
"""

from __future__ import annotations

import json
import math
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Union

from calccourse.grading.model import Diagnosis

if TYPE_CHECKING:
    import numpy as np

CHILD_SCRIPT = Path(__file__).with_name("child.py")
OUTPUT_CAP = 64 * 1024
MESSAGE_CAP = 256 * 1024 * 1024  # one result line; arrays are capped child-side
POLL_SECONDS = 0.1
KILL_GRACE_SECONDS = 2.0
EXIT_UNKNOWN = 1 << 16  # an exit code for a child whose wait status nobody could read


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
    _expect(isinstance(data, dict), "answer")
    if data.get("kind") == "returned":
        return decode_returned(data.get("value"))
    _expect(data.get("kind") == "failure", "answer kind")
    return CallFailure(
        diagnosis=_diagnosis(data.get("diagnosis"), CALL_CODES),
        message=_text(data.get("message"), "message"),
        traceback=_text(data.get("traceback"), "traceback"),
    )


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


# ------------------------------------------------------------------------ the child


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        MPLBACKEND="Agg",
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
    )
    return env


class OutputDrain:
    """Keeps reading one pipe so the child never blocks; remembers the first 64 KiB."""

    def __init__(self, fd: int) -> None:
        os.set_blocking(fd, False)
        self._fd = fd
        self._kept = bytearray()
        self._total = 0
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _read_available(self) -> bool:
        """Read what is there now; False once the pipe is at EOF."""
        with self._lock:
            while not self._closed:
                try:
                    chunk = os.read(self._fd, 1 << 16)
                except BlockingIOError:
                    return True
                if not chunk:
                    self._closed = True
                    os.close(self._fd)
                    return False
                self._total += len(chunk)
                room = OUTPUT_CAP - len(self._kept)
                if room > 0:
                    self._kept += chunk[:room]
            return False

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                fd = self._fd
            try:
                select.select([fd], [], [], POLL_SECONDS)
            except (OSError, ValueError):
                return
            if not self._read_available():
                return

    def text(self) -> str:
        """What was kept so far (after reading whatever is already in the pipe)."""
        self._read_available()
        with self._lock:
            text = self._kept.decode("utf-8", errors="replace")
            cut = self._total - len(self._kept)
        return text + (f"\n… [+{cut} bytes]\n" if cut else "")

    def finish(self) -> None:
        self._thread.join(timeout=KILL_GRACE_SECONDS)
        self._read_available()


class ChildProcess(Protocol):
    """A started child: its pid (= its process group) and how it ended."""

    pid: int

    def exitcode(self) -> int | None:
        """None while running; else like Popen.returncode (negative = killed by a signal)."""

    def kill(self) -> None:
        """SIGKILL the whole process group and wait until the child is reaped."""


class ColdProcess:
    """A child started with subprocess.Popen."""

    def __init__(self, popen: subprocess.Popen) -> None:
        self.popen = popen
        self.pid = popen.pid

    def exitcode(self) -> int | None:
        return self.popen.poll()

    def kill(self) -> None:
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.popen.wait(timeout=KILL_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            pass


class ForkedProcess:
    """A child forked by the WarmPool's zygote, which writes its wait status to a pipe."""

    def __init__(self, pid: int, status_fd: int) -> None:
        os.set_blocking(status_fd, False)
        self.pid = pid
        self._status_fd = status_fd
        self._buffer = b""
        self._code: int | None = None

    def _read_status(self) -> None:
        try:
            chunk = os.read(self._status_fd, 64)
        except BlockingIOError:
            return
        self._buffer += chunk
        if self._buffer.endswith(b"\n"):
            status = int(self._buffer)
            self._code = os.waitstatus_to_exitcode(status) if status >= 0 else EXIT_UNKNOWN
        if self._code is not None or not chunk:
            os.close(self._status_fd)
            self._status_fd = -1

    def exitcode(self) -> int | None:
        if self._code is None and self._status_fd >= 0:
            self._read_status()
        if self._code is None and self._status_fd < 0:
            # The zygote is gone (pool closed or killed): the child was re-parented.
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self._code = EXIT_UNKNOWN
        return self._code

    def kill(self) -> None:
        if self.exitcode() is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        deadline = time.monotonic() + KILL_GRACE_SECONDS
        while self.exitcode() is None and time.monotonic() < deadline:
            if self._status_fd >= 0:
                select.select([self._status_fd], [], [], POLL_SECONDS)
            else:
                time.sleep(0.01)


@dataclass(frozen=True)
class Pipes:
    """The parent's ends and the child's ends of one run's four pipes."""

    cmd_read: int
    cmd_write: int
    result_read: int
    result_write: int

    @staticmethod
    def create() -> Pipes:
        import fcntl

        cmd_read, cmd_write = os.pipe()
        result_read, result_write = os.pipe()
        for fd in (cmd_write, result_write):
            try:  # room for a learner's whole file, so start() never blocks
                fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
            except OSError:
                pass
        return Pipes(cmd_read, cmd_write, result_read, result_write)


class Launcher(Protocol):
    def launch(
        self, pipes: Pipes, workdir: str, memory_mb: int, cpu_seconds: int
    ) -> tuple[ChildProcess, int, int]:
        """Start a child on these pipes; return it and the parent's stdout/stderr fds."""


@dataclass(frozen=True)
class ColdLauncher:
    """Starts a new interpreter that imports `preload` itself."""

    preload: tuple[str, ...]

    def launch(
        self, pipes: Pipes, workdir: str, memory_mb: int, cpu_seconds: int
    ) -> tuple[ChildProcess, int, int]:
        command = [
            sys.executable, "-I", str(CHILD_SCRIPT),
            "--cmd-fd", str(pipes.cmd_read),
            "--result-fd", str(pipes.result_write),
            "--memory-mb", str(memory_mb),
            "--cpu-seconds", str(cpu_seconds),
            "--preload", ",".join(self.preload),
        ]  # fmt: skip
        popen = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(pipes.cmd_read, pipes.result_write),
            cwd=workdir,
            env=child_environment(),
            start_new_session=True,
        )
        stdout, stderr = popen.stdout.fileno(), popen.stderr.fileno()
        # The drains own these fds from now on; detach them from the Popen file objects.
        stdout, stderr = os.dup(stdout), os.dup(stderr)
        popen.stdout.close()
        popen.stderr.close()
        popen.stdout = popen.stderr = None
        return ColdProcess(popen), stdout, stderr


class Child:
    """One running child: its process, pipes, output drains and deadline."""

    def __init__(self, launcher: Launcher, load: dict[str, Any], timeout: float, memory_mb: int):
        self.workdir = tempfile.mkdtemp(prefix="calccourse-run-")
        pipes = Pipes.create()
        cpu_seconds = math.ceil(timeout) + 1
        try:
            self.process, out_fd, err_fd = launcher.launch(
                pipes, self.workdir, memory_mb, cpu_seconds
            )
        except BaseException:
            for fd in (pipes.cmd_read, pipes.cmd_write, pipes.result_read, pipes.result_write):
                os.close(fd)
            shutil.rmtree(self.workdir, ignore_errors=True)
            raise
        self.deadline = time.monotonic() + timeout
        self._remaining = timeout
        os.close(pipes.cmd_read)
        os.close(pipes.result_write)
        self.cmd_fd, self.result_fd = pipes.cmd_write, pipes.result_read
        os.set_blocking(self.cmd_fd, False)
        os.set_blocking(self.result_fd, False)
        self.stdout, self.stderr = OutputDrain(out_fd), OutputDrain(err_fd)
        self._buffer = bytearray()
        self._pending = (json.dumps(load) + "\n").encode()
        self._flush_pending()
        self._finalizer = weakref.finalize(
            self, Child._cleanup, self.process, self.cmd_fd, self.result_fd, self.workdir
        )

    def _flush_pending(self) -> None:
        while self._pending:
            try:
                written = os.write(self.cmd_fd, self._pending)
            except (BlockingIOError, BrokenPipeError):
                return
            self._pending = self._pending[written:]

    def pause(self) -> None:
        """Stop the clock: the child is idle until the next command."""
        self._remaining = max(0.0, self.deadline - time.monotonic())

    def resume(self) -> None:
        """Restart the clock with what is left of the child's time."""
        self.deadline = time.monotonic() + self._remaining

    def send(self, message: dict[str, Any]) -> bool:
        """Write one command before the deadline; False if the child is gone or stuck."""
        self._pending += (json.dumps(message) + "\n").encode()
        while self._pending:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                return False
            try:
                written = os.write(self.cmd_fd, self._pending)
            except BlockingIOError:
                select.select([], [self.cmd_fd], [], min(remaining, POLL_SECONDS))
                continue
            except BrokenPipeError:
                return False
            self._pending = self._pending[written:]
        return True

    def receive(self) -> dict[str, Any] | None:
        """The next JSON message, or None on deadline, death or EOF (see `ended`)."""
        complete = b"\n" in self._buffer
        while not complete:
            self._flush_pending()
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                return None
            readable, _, _ = select.select([self.result_fd], [], [], min(remaining, POLL_SECONDS))
            if not readable:
                if self.process.exitcode() is not None:
                    return None  # died; a grandchild may still hold the pipe open
                continue
            try:
                chunk = os.read(self.result_fd, 1 << 20)
            except BlockingIOError:
                continue
            if not chunk:
                return None
            self._buffer += chunk
            complete = b"\n" in chunk
            if len(self._buffer) > MESSAGE_CAP:
                raise ProtocolError("answer too large")
        end = self._buffer.index(b"\n")
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        try:
            message = json.loads(line)
        except ValueError as error:
            raise ProtocolError("not JSON") from error
        _expect(isinstance(message, dict), "message")
        return message

    def ended(self) -> int | None:
        """The exit code if the child has died (waiting briefly for it to be reaped)."""
        limit = time.monotonic() + KILL_GRACE_SECONDS
        while (code := self.process.exitcode()) is None and time.monotonic() < limit:
            time.sleep(0.01)
        return code

    def output(self) -> str:
        return self.stdout.text() + self.stderr.text()

    def close(self) -> None:
        self._finalizer()
        self.stdout.finish()
        self.stderr.finish()

    @staticmethod
    def _cleanup(process: ChildProcess, cmd_fd: int, result_fd: int, workdir: str) -> None:
        process.kill()
        for fd in (cmd_fd, result_fd):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(workdir, ignore_errors=True)


# -------------------------------------------------------------------- failure wording


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def death_during_call(code: int | None, timeout: float) -> CallFailure:
    """Why a child died during a call, from its exit code."""
    if code is None or code == EXIT_UNKNOWN:
        return CallFailure(Diagnosis.EXCEPTION, "the process ended unexpectedly during the call")
    if code is not None and code < 0:
        if -code == signal.SIGXCPU:
            return CallFailure(Diagnosis.TIMEOUT, f"the call used more than {timeout:g} s of CPU")
        if -code == signal.SIGKILL:
            return CallFailure(
                Diagnosis.MEMORY, "the process was killed during the call (out of memory?)"
            )
        return CallFailure(
            Diagnosis.EXCEPTION, f"the process crashed (signal {signal_name(-code)})"
        )
    return CallFailure(
        Diagnosis.EXCEPTION,
        f"the process ended (exit status {code}) during the call, e.g. by os._exit()",
    )


def death_during_load(code: int | None, timeout: float) -> LoadProblem:
    """Why a child died while executing the learner's file, from its exit code."""
    if code is None or code == EXIT_UNKNOWN:
        return LoadProblem(
            Diagnosis.IMPORT_ERROR, "the process ended unexpectedly while loading your file"
        )
    if code is not None and code < 0:
        if -code == signal.SIGXCPU:
            return LoadProblem(
                Diagnosis.TIMEOUT, f"your file used more than {timeout:g} s of CPU while loading"
            )
        if -code == signal.SIGKILL:
            return LoadProblem(
                Diagnosis.MEMORY, "the process was killed while loading your file (out of memory?)"
            )
        return LoadProblem(
            Diagnosis.IMPORT_ERROR,
            f"the process crashed (signal {signal_name(-code)}) while your file was being imported",
        )
    return LoadProblem(
        Diagnosis.IMPORT_ERROR,
        f"the process ended (exit status {code}) while your file was being imported, "
        "e.g. by os._exit()",
    )


def as_call_failure(problem: LoadProblem) -> CallFailure:
    return CallFailure(problem.diagnosis, problem.message, problem.traceback)


# -------------------------------------------------------------------------- the session


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
    ) -> None:
        """`source` (with `filename` for messages) overrides reading `path`; `preload`
        names modules the child imports before running the learner's file."""
        self.path = Path(path)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self._source = source
        self._filename = filename or str(self.path.resolve())
        self._launcher: Launcher = ColdLauncher(tuple(preload))
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
                child.pause()
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
            child.pause()
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

    def _decode_or_break(self, function: str, decode: Any, answer: dict[str, Any]) -> Any:
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

        def decode(data: dict[str, Any]) -> list[Returned | CallFailure]:
            results = data.get("results")
            _expect(data.get("kind") == "many" and isinstance(results, list), "many")
            _expect(len(results) == len(rows), "row count")
            return [decode_call_answer(item) for item in results]

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

        def decode(data: dict[str, Any]) -> str | CallFailure | None:
            if data.get("kind") == "symbolic":
                return _text(data.get("srepr"), "srepr", optional=True)
            return decode_call_answer(data)

        return self._decode_or_break(function, decode, answer)

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


# ---------------------------------------------------------------------- the warm pool


class WarmPool:
    """A zygote process that has already imported numpy and sympy (and whatever `preload`
    names); each LearnerSession it makes is a fresh os.fork() of it, so no learner state
    leaks between runs, but no import cost is paid."""

    def __init__(self, preload: tuple[str, ...] = ("numpy", "sympy")) -> None:
        self.preload = tuple(preload)
        self._lock = threading.Lock()
        self._zygote: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        self._closed = False
        self._start_zygote()

    def _start_zygote(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with theirs:
            self._zygote = subprocess.Popen(
                [
                    sys.executable, "-I", str(CHILD_SCRIPT),
                    "--zygote", str(theirs.fileno()),
                    "--preload", ",".join(self.preload),
                ],  # fmt: skip
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(theirs.fileno(),),
                cwd=tempfile.gettempdir(),
                env=child_environment(),
                start_new_session=True,
            )
        self._control = ours

    def _ensure_zygote(self) -> None:
        """Restart the zygote if it has died (call with the lock held)."""
        if self._closed:
            raise RuntimeError("this WarmPool is closed; close it after its sessions")
        if self._zygote is None or self._zygote.poll() is not None:
            self._stop_zygote()
            self._start_zygote()

    def _stop_zygote(self) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._zygote is not None:
            try:
                self._zygote.wait(timeout=KILL_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                self._zygote.kill()
                self._zygote.wait()
            self._zygote = None

    def _fork(self, fds: list[int], request: dict[str, Any]) -> int:
        """Ask the zygote for one child on these fds; its pid (OSError if the zygote is gone)."""
        assert self._control is not None
        socket.send_fds(self._control, [json.dumps(request).encode()], fds)
        self._control.settimeout(10.0)
        reply = b""
        while not reply.endswith(b"\n"):
            chunk = self._control.recv(256)
            if not chunk:
                raise ConnectionError("the zygote closed its socket")
            reply += chunk
        pid = json.loads(reply)["pid"]
        if type(pid) is not int or pid <= 0:
            raise ConnectionError("the zygote sent no pid")
        return pid

    def launch(
        self, pipes: Pipes, workdir: str, memory_mb: int, cpu_seconds: int
    ) -> tuple[ChildProcess, int, int]:
        """Fork a child from the zygote (restarting the zygote once if it has died)."""
        out_read, out_write = os.pipe()
        err_read, err_write = os.pipe()
        status_read, status_write = os.pipe()
        fds = [pipes.cmd_read, pipes.result_write, out_write, err_write, status_write]
        request = {"cwd": workdir, "memory_mb": memory_mb, "cpu_seconds": cpu_seconds}
        try:
            with self._lock:
                self._ensure_zygote()
                try:
                    pid = self._fork(fds, request)
                except (OSError, ValueError, KeyError):
                    self._stop_zygote()
                    self._start_zygote()
                    pid = self._fork(fds, request)
        except BaseException:
            for fd in (out_read, err_read, status_read):
                os.close(fd)
            raise
        finally:
            for fd in (out_write, err_write, status_write):
                os.close(fd)
        return ForkedProcess(pid, status_read), out_read, err_read

    def session(
        self,
        path: Path,
        *,
        timeout: float = 10.0,
        memory_mb: int = 2048,
        source: str | None = None,
        filename: str | None = None,
    ) -> LearnerSession:
        """A LearnerSession whose children are forks of the warm zygote."""
        with self._lock:
            self._ensure_zygote()
        session = LearnerSession(
            path,
            timeout=timeout,
            memory_mb=memory_mb,
            source=source,
            filename=filename,
            preload=self.preload,
        )
        session._launcher = self
        return session

    def close(self) -> None:
        """Stop the zygote; runs still going are ended (close sessions first)."""
        with self._lock:
            self._closed = True
            self._stop_zygote()

    def __enter__(self) -> WarmPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
