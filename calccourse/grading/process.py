"""Process plumbing for the learner sandbox: starting, feeding, timing and ending children.

A child is child.py (started as ``python -I``), run under resource limits in a fresh
temporary directory and its own process group. ColdLauncher starts a new interpreter per
child; WarmPool keeps a zygote that has already imported the heavy modules and forks one
child per run. `Child` owns one running child's pipes, output drains and deadline; the
parent enforces every time limit with its own clock. What the messages mean is
protocol.py's job, and LearnerSession (sandbox.py) is the API built on top.
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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from calccourse.grading.model import Diagnosis
from calccourse.grading.protocol import (
    CallFailure,
    LoadProblem,
    ProtocolError,
    decode_message,
    encode_message,
)

if TYPE_CHECKING:
    from calccourse.grading.sandbox import LearnerSession

CHILD_SCRIPT = Path(__file__).with_name("child.py")
OUTPUT_CAP = 64 * 1024
MESSAGE_CAP = 256 * 1024 * 1024  # one result line; arrays are capped child-side
POLL_SECONDS = 0.1
KILL_GRACE_SECONDS = 2.0
CPU_BACKSTOP_STEPS = 30  # RLIMIT_CPU = this many time limits: room for every call of a check
EXIT_UNKNOWN = 1 << 16  # an exit code for a child whose wait status nobody could read

# ------------------------------------------------------------------------ the child


def child_environment() -> dict[str, str]:
    """Our environment plus a headless matplotlib backend and single-threaded BLAS."""
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
    """Something that starts children: ColdLauncher or WarmPool."""

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
        # A backstop only: the parent's clock limits each step; the child also dies with the parent.
        cpu_seconds = math.ceil(timeout) * CPU_BACKSTOP_STEPS + 1
        try:
            self.process, out_fd, err_fd = launcher.launch(
                pipes, self.workdir, memory_mb, cpu_seconds
            )
        except BaseException:
            for fd in (pipes.cmd_read, pipes.cmd_write, pipes.result_read, pipes.result_write):
                os.close(fd)
            shutil.rmtree(self.workdir, ignore_errors=True)
            raise
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        os.close(pipes.cmd_read)
        os.close(pipes.result_write)
        self.cmd_fd, self.result_fd = pipes.cmd_write, pipes.result_read
        os.set_blocking(self.cmd_fd, False)
        os.set_blocking(self.result_fd, False)
        self.stdout, self.stderr = OutputDrain(out_fd), OutputDrain(err_fd)
        self._buffer = bytearray()
        self._pending = encode_message(load)
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

    def resume(self) -> None:
        """Start the clock for the next step: every call gets the whole time limit."""
        self.deadline = time.monotonic() + self.timeout

    def send(self, message: dict[str, Any]) -> bool:
        """Write one command before the deadline; False if the child is gone or stuck."""
        self._pending += encode_message(message)
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
        return decode_message(line)

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
    """E.g. "SIGSEGV" for 11."""
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
        from calccourse.grading.sandbox import LearnerSession  # sandbox.py imports this module

        with self._lock:
            self._ensure_zygote()
        return LearnerSession(
            path,
            timeout=timeout,
            memory_mb=memory_mb,
            source=source,
            filename=filename,
            launcher=self,
        )

    def close(self) -> None:
        """Stop the zygote; runs still going are ended (close sessions first)."""
        with self._lock:
            self._closed = True
            self._stop_zygote()

    def __enter__(self) -> WarmPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
