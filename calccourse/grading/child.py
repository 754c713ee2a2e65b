"""The child side of the learner sandbox: runs ONE learner file and answers calls.

Run as a standalone script (``python -I child.py ...``); it imports only the standard
library, numpy and (lazily) SymPy, never calccourse. The parent (process.py, in the
wire format of protocol.py) talks to it over two pipes: commands arrive as JSON lines on
``--cmd-fd`` and answers leave as JSON lines on ``--result-fd``; the learner's
stdout/stderr are plain pipes the parent drains.

The learner can reach the result fd too. We do not defend against that beyond the parent
accepting only well-formed messages of the expected shapes: everything sent here is
plain data (numbers, strings), and the grade is decided by the parent's oracles, so a
forged message can at most claim a value, which is then checked like any other.

``--zygote`` mode: import the preload modules once, then fork one fresh child per request
received (with its pipe fds) over a Unix socket, and report each child's wait status.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import select
import signal
import socket
import sys
import traceback
import types
import warnings
from typing import Any

THIS_FILE = os.path.abspath(__file__)
LEARNER_MODULE = "learner_submission"
TEXT_CAP = 1000
TRACEBACK_CAP = 4000
MESSAGE_CAP = 300
SREPR_CAP = 20_000
ARRAY_CAP = 2_000_000  # elements sent back per returned array
ITEMS_CAP = 1000
DEPTH_CAP = 4
FRAMES_KEPT = 20
CLOSED_STATUS = -1  # reported for a run ended because its pool closed (not a wait status)


# ----------------------------------------------------------------------------- limits


def apply_limits(memory_mb: int, cpu_seconds: int) -> None:
    """Cap memory, core dumps, file sizes and CPU time before any learner code runs."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    file_size = 50 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 2))
    # Writing past RLIMIT_FSIZE raises OSError instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    die_with_parent()


def die_with_parent() -> None:
    """Ask Linux to kill this process if the checker dies, so a hung learner never lingers."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the CPU limit remains the backstop
        pass


def quiet_plotting() -> None:
    """plt.show() under the Agg backend is a no-op; drop its 'non-interactive' warning."""
    warnings.filterwarnings("ignore", message=".*non-interactive.*")


# --------------------------------------------------------------------------- messages


class Channel:
    """JSON lines in from the command fd, out to the result fd."""

    def __init__(self, cmd_fd: int, result_fd: int) -> None:
        self.commands = os.fdopen(cmd_fd, "rb", buffering=1 << 16)
        self.result_fd = result_fd

    def receive(self) -> dict[str, Any] | None:
        line = self.commands.readline()
        return json.loads(line) if line else None

    def send(self, message: dict[str, Any]) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # the learner may have replaced or closed the stream
                pass
        data = (json.dumps(message) + "\n").encode()
        view = memoryview(data)
        while view:
            written = os.write(self.result_fd, view)
            view = view[written:]


def printable(text: str) -> str:
    """text without lone surrogates, so the parent can print it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def one_line(text: str) -> str:
    line = " ".join(printable(text).split())
    return line if len(line) <= MESSAGE_CAP else line[: MESSAGE_CAP - 1] + "…"


def safe_str(value: object) -> str:
    """str(value) for learner objects whose __str__ may raise."""
    try:
        return printable(str(value))
    except BaseException:
        return f"<{type(value).__name__} object>"


def describe_exception(error: BaseException) -> str:
    detail = safe_str(error)
    name = type(error).__name__
    return one_line(f"{name}: {detail}" if detail else name)


def learner_traceback(error: BaseException, filename: str) -> tuple[str, int | None]:
    """The learner's frames of an exception (child.py frames removed) and its last line."""
    walked = [
        (frame, line)
        for frame, line in traceback.walk_tb(error.__traceback__)
        if frame.f_code.co_filename != THIS_FILE
    ]
    own = [item for item in walked if item[0].f_code.co_filename == filename]
    shown = own or walked
    parts = [shown]
    if len(shown) > 2 * FRAMES_KEPT:  # deep recursion: the two ends tell the story
        parts = [shown[:FRAMES_KEPT], shown[-FRAMES_KEPT:]]
    omitted = f"  ... {len(shown) - 2 * FRAMES_KEPT} more calls ...\n"
    text = omitted.join(
        "".join(traceback.StackSummary.extract(iter(part)).format()) for part in parts
    )
    text = printable(text) + describe_exception(error) + "\n"
    if len(text) > TRACEBACK_CAP:
        text = "…\n" + text[-TRACEBACK_CAP:]
    return text, (own[-1][1] if own else None)


def failure(error: BaseException, filename: str) -> dict[str, Any]:
    """A call failure message for an exception raised by learner code."""
    if isinstance(error, NotImplementedError):
        code = "not_implemented"
    elif isinstance(error, MemoryError):
        code = "memory"
    else:
        code = "exception"
    if isinstance(error, SystemExit):
        message = f"your function called sys.exit({safe_str(error.code)})"
    elif isinstance(error, EOFError):
        message = "EOFError: your function asked for input(), but stdin is closed during a check"
    else:
        message = describe_exception(error)
    tb, _ = learner_traceback(error, filename)
    return {"kind": "failure", "diagnosis": code, "message": message, "traceback": tb}


# ------------------------------------------------------------------------ conversions


def decode_arg(value: Any, scalar: type) -> Any:
    """A tagged JSON argument from the parent -> the Python value passed to the learner."""
    tag, payload = next(iter(value.items()))
    if tag == "float":
        return scalar(payload)
    if tag in ("int", "str", "bool", "none"):
        return payload
    if tag == "list":
        return [decode_arg(item, scalar) for item in payload]
    if tag == "tuple":
        return tuple(decode_arg(item, scalar) for item in payload)
    if tag == "ndarray":
        import numpy as np

        return np.array(payload["data"], dtype=payload["dtype"]).reshape(payload["shape"])
    if tag == "probe":
        return Probe(payload["expr"], payload["variables"])
    raise ValueError(f"unknown argument tag {tag!r}")


class Probe:
    """A checker-supplied function: numeric via lambdify, symbolic via substitution."""

    def __init__(self, expr: str, variables: list[str]) -> None:
        import numpy as np
        import sympy

        self._symbols = tuple(sympy.Symbol(name, real=True) for name in variables)
        namespace = {str(symbol): symbol for symbol in self._symbols}
        self._expr = sympy.sympify(expr, locals=namespace)
        self._numeric = sympy.lambdify(self._symbols, self._expr, [np])  # no star-import of numpy
        self.__name__ = "func"

    def __call__(self, *args: Any) -> Any:
        import sympy

        if any(isinstance(arg, sympy.Basic) for arg in args):
            return self._expr.subs(dict(zip(self._symbols, args)), simultaneous=True)
        return self._numeric(*args)

    def __repr__(self) -> str:
        names = ", ".join(map(str, self._symbols))
        return f"<function ({names}) -> {self._expr}>"


def contains_text(value: Any, depth: int = 0) -> bool:
    """True if a (nested) list/tuple holds a string anywhere (never treated as numbers)."""
    if isinstance(value, (str, bytes)):
        return True
    if isinstance(value, (list, tuple)) and depth < DEPTH_CAP:
        return any(contains_text(item, depth + 1) for item in value)
    return False


def float_array(value: Any) -> Any:
    """value as a float64 numpy array, or None when it is not rectangular real numbers."""
    import numpy as np

    if contains_text(value):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            array = np.asarray(value)
            if array.dtype.kind in "USVcmM":
                return None
            return array.astype(np.float64)
    except Exception:
        return None


def encode_array(array: Any) -> dict[str, Any]:
    return {"shape": list(array.shape), "data": array.ravel().tolist()}


def encode_value(value: Any, depth: int = 0) -> dict[str, Any]:
    """What a learner's function returned, as plain data (see protocol.Returned)."""
    pytype = type(value).__name__
    if isinstance(value, str):
        text = printable(value[:TEXT_CAP])
        return {"pytype": pytype, "array": None, "items": None, "text": text}
    array = float_array(value)
    if array is not None and array.size <= ARRAY_CAP:
        return {"pytype": pytype, "array": encode_array(array), "items": None, "text": None}
    if array is not None:
        text = f"<{pytype} of shape {array.shape}, too large to send>"
        return {"pytype": pytype, "array": None, "items": None, "text": text}
    if isinstance(value, (list, tuple)) and depth < DEPTH_CAP and len(value) <= ITEMS_CAP:
        items = [encode_value(item, depth + 1) for item in value]
        return {"pytype": pytype, "array": None, "items": items, "text": None}
    return {"pytype": pytype, "array": None, "items": None, "text": safe_str(value)[:TEXT_CAP]}


def has_array(answer: dict[str, Any]) -> bool:
    return answer["kind"] == "returned" and answer["value"]["array"] is not None


def returned_array(answer: dict[str, Any]) -> Any:
    import numpy as np

    array = answer["value"]["array"]
    return np.array(array["data"], float).reshape(array["shape"])


def to_sympy(value: Any) -> Any:
    """A learner's symbolic result as a SymPy object (sequences -> Matrix or Tuple)."""
    import numpy as np
    import sympy

    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        items = [to_sympy(item) for item in value]
        rows = [item for item in items if isinstance(item, sympy.Tuple)]
        if items and len(rows) == len(items) and len({len(row) for row in rows}) == 1:
            return sympy.ImmutableMatrix([list(row) for row in rows])
        return sympy.Tuple(*items)
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value)
    return sympy.sympify(value, strict=True)


# --------------------------------------------------------------------------- running


class Runner:
    """The learner's module and the commands the parent can run against it."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.module = types.ModuleType(LEARNER_MODULE)
        self.filename = "<learner>"

    # -- loading

    def load(self, source: str, filename: str, directory: str | None) -> dict[str, Any]:
        self.filename = filename
        self.module.__file__ = filename
        sys.modules[LEARNER_MODULE] = self.module
        if directory:
            sys.path.append(directory)
        try:
            code = compile(source, filename, "exec", dont_inherit=True)
        except SyntaxError as error:
            return {
                "kind": "load_problem",
                "diagnosis": "syntax_error",
                "message": one_line(f"{type(error).__name__}: {error.msg}"),
                "line": error.lineno,
                "source_line": (error.text or "").rstrip("\n") or None,
                "column": error.offset,
                "traceback": "",
            }
        except (ValueError, RecursionError, MemoryError) as error:  # e.g. NUL bytes, deep nesting
            return {
                "kind": "load_problem",
                "diagnosis": "syntax_error",
                "message": describe_exception(error),
                "line": None,
                "source_line": None,
                "column": None,
                "traceback": "",
            }
        try:
            exec(code, self.module.__dict__)
        except BaseException as error:  # noqa: BLE001 - every failure is reported
            return self.import_problem(error, source)
        return {"kind": "loaded", "defined": self.defined()}

    def import_problem(self, error: BaseException, source: str) -> dict[str, Any]:
        tb, line = learner_traceback(error, self.filename)
        if isinstance(error, SystemExit):
            code, message = "import_error", (
                f"your file called sys.exit({safe_str(error.code)}) while being imported"
            )
        elif isinstance(error, MemoryError):
            code, message = "memory", describe_exception(error)
        elif isinstance(error, EOFError):
            code, message = "import_error", (
                "EOFError: your file asked for input() while being imported, "
                "but stdin is closed during a check"
            )
        else:
            code, message = "import_error", describe_exception(error)
        lines = source.splitlines()
        source_line = lines[line - 1] if line and 0 < line <= len(lines) else None
        return {
            "kind": "load_problem",
            "diagnosis": code,
            "message": message,
            "line": line,
            "source_line": source_line,
            "column": None,
            "traceback": tb,
        }

    def defined(self) -> list[str]:
        """Callables the learner's file defines itself (imported functions/classes left out)."""
        import inspect

        def own(value: Any) -> bool:
            if inspect.ismodule(value) or not callable(value):
                return False
            plain = inspect.isfunction(value) or inspect.isclass(value) or inspect.isbuiltin(value)
            return not plain or getattr(value, "__module__", LEARNER_MODULE) == LEARNER_MODULE

        names = []
        for name, value in list(self.module.__dict__.items()):
            try:
                if isinstance(name, str) and not name.startswith("__") and own(value):
                    names.append(name)
            except Exception:  # noqa: BLE001 - a learner object with a raising __class__
                continue
        return sorted(names)

    # -- calling

    def lookup(self, name: str) -> Any:
        value = self.module.__dict__.get(name)
        return value if callable(value) else None

    def missing(self, name: str) -> dict[str, Any]:
        return {
            "kind": "failure",
            "diagnosis": "missing_function",
            "message": f"your file does not define a function named {name}",
            "traceback": "",
        }

    def invoke(self, function: Any, args: list[Any]) -> dict[str, Any]:
        try:
            value = function(*args)
        except BaseException as error:  # noqa: BLE001
            return failure(error, self.filename)
        try:
            return {"kind": "returned", "value": encode_value(value)}
        except BaseException as error:  # noqa: BLE001 - a lying __float__/__str__ etc.
            return failure(error, self.filename)

    def call(self, name: str, args: list[Any]) -> dict[str, Any]:
        function = self.lookup(name)
        if function is None:
            return self.missing(name)
        return self.invoke(function, [decode_arg(arg, float) for arg in args])

    def call_many(self, name: str, rows: list[list[Any]]) -> dict[str, Any]:
        """Every row's answer; ONE vectorised call when it agrees with the first and last row."""
        import numpy as np

        function = self.lookup(name)
        if function is None:
            return {"kind": "many", "results": [self.missing(name)] * len(rows)}
        decoded = [[decode_arg(arg, np.float64) for arg in row] for row in rows]
        args = self.vector_args(rows, decoded)
        first = self.invoke(function, decoded[0])
        if args is None or not has_array(first):
            return {"kind": "many", "results": [first, *self.each(function, decoded[1:])]}
        last = self.invoke(function, decoded[-1])
        results = None
        if has_array(last):
            results = self.vectorised(function, args, first, last, len(rows))
        if results is None:
            results = [first, *self.each(function, decoded[1:-1]), last]
        return {"kind": "many", "results": results}

    def each(self, function: Any, rows: list[list[Any]]) -> list[dict[str, Any]]:
        return [self.invoke(function, row) for row in rows]

    @staticmethod
    def vector_args(rows: list[list[Any]], decoded: list[list[Any]]) -> list[Any] | None:
        """Arguments for one vectorised call: positions whose numbers vary become 1-D arrays.

        None when no position varies or a varying position is not a plain number."""
        import numpy as np

        if len(rows) < 2:
            return None
        args: list[Any] = []
        varies = False
        for position, column in enumerate(zip(*rows)):
            if all(item == column[0] for item in column):
                args.append(decoded[0][position])
            elif all(next(iter(item)) in ("float", "int") for item in column):
                args.append(np.array([next(iter(item.values())) for item in column], float))
                varies = True
            else:
                return None
        return args if varies else None

    @staticmethod
    def vectorised(
        function: Any, args: list[Any], first: dict, last: dict, count: int
    ) -> list[dict[str, Any]] | None:
        """The rows of ONE vectorised call, if its layout is (N,)+S or S+(N,) and its first
        and last slices equal the point-by-point answers for the first and last rows."""
        import numpy as np

        try:
            result = float_array(function(*args))
        except BaseException:  # noqa: BLE001 - fall back to point-by-point calls
            return None
        if result is None:
            return None
        shape = tuple(first["value"]["array"]["shape"])
        ends = [returned_array(first), returned_array(last)]
        layouts = []
        if result.shape == (count, *shape):
            layouts.append([result[index] for index in range(count)])
        if result.shape == (*shape, count):
            layouts.append([result[..., index] for index in range(count)])
        for per_row in layouts:
            if ends[1].shape != shape:
                continue
            if all(
                np.allclose(got, want, rtol=1e-9, atol=1e-12, equal_nan=True)
                for got, want in zip((per_row[0], per_row[-1]), ends)
            ):
                pytype = first["value"]["pytype"]
                return [
                    {
                        "kind": "returned",
                        "value": {
                            "pytype": pytype,
                            "array": encode_array(np.asarray(row)),
                            "items": None,
                            "text": None,
                        },
                    }
                    for row in per_row
                ]
        return None

    def symbolic(self, name: str, symbols: list[str], assumptions: dict) -> dict[str, Any]:
        import sympy

        function = self.lookup(name)
        if function is None:
            return self.missing(name)
        args = [sympy.Symbol(s, **{"real": True, **assumptions.get(s, {})}) for s in symbols]
        try:
            value = function(*args)
        except MemoryError as error:
            return failure(error, self.filename)
        except BaseException:  # noqa: BLE001 - "does not accept symbols"
            return {"kind": "symbolic", "srepr": None}
        try:
            text = sympy.srepr(to_sympy(value))
        except MemoryError as error:
            return failure(error, self.filename)
        except BaseException:  # noqa: BLE001 - not convertible to SymPy
            return {"kind": "symbolic", "srepr": None}
        return {"kind": "symbolic", "srepr": text if len(text) <= SREPR_CAP else None}

    # -- the loop

    def serve(self) -> None:
        request = self.channel.receive()
        if request is None:
            return
        answer = self.load(request["source"], request["filename"], request.get("directory"))
        self.channel.send(answer)
        if answer["kind"] != "loaded":
            return
        warm_up_probes()  # while the parent is still preparing its references
        while (request := self.channel.receive()) is not None:
            op = request["op"]
            if op == "call":
                answer = self.call(request["function"], request["args"])
            elif op == "call_many":
                answer = self.call_many(request["function"], request["rows"])
            elif op == "symbolic":
                answer = self.symbolic(
                    request["function"], request["symbols"], request["assumptions"]
                )
            else:
                raise ValueError(f"unknown op {op!r}")
            self.channel.send(answer)


def run_child(cmd_fd: int, result_fd: int) -> None:
    """Serve one learner file; exits the process when the parent closes the command pipe."""
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    Runner(Channel(cmd_fd, result_fd)).serve()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(0)


def warm_up_probes() -> None:
    """Pay lambdify's first-use cost (printer imports) before the first Probe is needed."""
    if "sympy" not in sys.modules:
        return
    try:
        Probe("sin(x) + exp(x)**2", ["x"])
    except Exception:  # the learner's file may have broken SymPy: the real call will say so
        pass


def preload(modules: list[str]) -> None:
    for name in modules:
        importlib.import_module(name)


# ----------------------------------------------------------------------------- zygote


def forked_child(
    request: dict[str, Any], fds: list[int], control: socket.socket, others: list[int]
) -> None:
    """In the fork: become a normal sandbox child with the run's pipes and limits."""
    os.setsid()
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    cmd_fd, result_fd, out_fd, err_fd, status_fd = fds
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    control.close()
    for fd in (out_fd, err_fd, status_fd, *others):
        os.close(fd)
    os.chdir(request["cwd"])
    apply_limits(request["memory_mb"], request["cpu_seconds"])
    import random

    random.seed()
    if "numpy.random" in sys.modules:
        sys.modules["numpy.random"].seed()
    run_child(cmd_fd, result_fd)


def run_zygote(control_fd: int) -> None:
    """Fork a fresh child for every request on the control socket; report wait statuses."""
    control = socket.socket(fileno=control_fd)
    statuses: dict[int, int] = {}  # child pid -> the fd to write its wait status to
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_read, False)
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes select() when a child ends
    while True:
        readable, _, _ = select.select([control, wake_read], [], [])
        if wake_read in readable:
            while True:
                try:
                    if not os.read(wake_read, 512):
                        break
                except BlockingIOError:
                    break
        reap(statuses)
        if control not in readable:
            continue
        data, fds, _, _ = socket.recv_fds(control, 1 << 16, 5)
        if not data or len(fds) != 5:
            end_all(statuses)
            return
        request = json.loads(data)
        pid = os.fork()
        if pid == 0:
            forked_child(request, fds, control, [wake_read, wake_write, *statuses.values()])
        for fd in fds[:4]:
            os.close(fd)
        statuses[pid] = fds[4]
        control.sendall((json.dumps({"pid": pid}) + "\n").encode())


def end_all(statuses: dict[int, int]) -> None:
    """The pool is closing: kill every run still going and report how each ended."""
    for pid in statuses:
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    for pid in list(statuses):
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        report(statuses, pid, CLOSED_STATUS)


def reap(statuses: dict[int, int]) -> None:
    """waitpid every finished child and report its wait status."""
    for pid in list(statuses):
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # already reaped elsewhere: its status is lost
            done, status = pid, CLOSED_STATUS
        if done:
            report(statuses, pid, status)


def report(statuses: dict[int, int], pid: int, status: int) -> None:
    """Write a child's wait status to its status pipe and forget it."""
    fd = statuses.pop(pid)
    try:
        os.write(fd, f"{status}\n".encode())
    except OSError:
        pass
    os.close(fd)


# ------------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cmd-fd", type=int)
    parser.add_argument("--result-fd", type=int)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--cpu-seconds", type=int, default=60)
    parser.add_argument("--preload", default="")
    parser.add_argument("--zygote", type=int, metavar="CONTROL_FD")
    options = parser.parse_args()
    quiet_plotting()
    modules = [name for name in options.preload.split(",") if name]
    if options.zygote is not None:
        preload(modules)
        warm_up_probes()  # once here, not in every forked run
        run_zygote(options.zygote)
        return
    apply_limits(options.memory_mb, options.cpu_seconds)
    preload(modules)
    run_child(options.cmd_fd, options.result_fd)


if __name__ == "__main__":
    main()
