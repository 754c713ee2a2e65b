"""The learner sandbox: isolation, time/memory limits, hostile files, and the warm pool."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from calccourse.grading.model import Diagnosis
from calccourse.grading.process import WarmPool
from calccourse.grading.protocol import (
    CallFailure,
    LoadProblem,
    Probe,
    ProtocolError,
    Returned,
    decode_call_answer,
    decode_load_answer,
    decode_returned,
)
from calccourse.grading.sandbox import LearnerSession

LEARNERS = Path(__file__).parent / "learners" / "sandbox"
TIMEOUT = 2.0
SLACK = 2.0  # every hostile case must be answered within TIMEOUT + SLACK

pytestmark = pytest.mark.slow
T = TypeVar("T")


def value(result: Returned | CallFailure) -> np.ndarray:
    assert isinstance(result, Returned), result
    assert result.array is not None, result
    return result.array


@pytest.fixture(scope="module")
def honest() -> Iterator[LearnerSession]:
    with LearnerSession(LEARNERS / "honest.py", preload=("numpy", "sympy")) as session:
        session.start()
        assert session.wait_loaded() is None
        yield session


@pytest.fixture(scope="module")
def scalar_only() -> Iterator[LearnerSession]:
    with LearnerSession(LEARNERS / "scalar_only.py") as session:
        assert session.wait_loaded() is None
        yield session


@pytest.fixture(scope="module")
def pool() -> Iterator[WarmPool]:
    with WarmPool() as warm:
        yield warm


def timed(action: Callable[[], T]) -> tuple[T, float]:
    """action()'s result and how many seconds it took."""
    started = time.monotonic()
    result = action()
    return result, time.monotonic() - started


# ------------------------------------------------------------------------- honest files


def test_defined_lists_the_learners_own_callables_sorted(honest: LearnerSession) -> None:
    assert honest.defined == [
        "cumulative_area",
        "df",
        "f",
        "gradient",
        "greeting",
        "jacobian_like",
        "numeric_text",
        "ragged",
        "rate_of_change",
        "symbolic_slope",
        "where",
    ]


def test_call_returns_the_value_as_a_float_array_with_its_python_type(
    honest: LearnerSession,
) -> None:
    result = honest.call("f", [2.0])
    assert isinstance(result, Returned)
    assert result.pytype == "float"
    assert result.array is not None and result.array.shape == ()
    assert float(result.array) == 1.0
    assert result.items is None and result.text is None
    assert float(value(honest.call("f", [np.float64(3.0)]))) == 10.0
    assert float(value(honest.call("f", [np.int64(3)]))) == 10.0


def test_ndarray_arguments_arrive_as_arrays_and_matrices_keep_their_shape(
    honest: LearnerSession,
) -> None:
    result = honest.call("jacobian_like", [np.array([1.0, 2.0])])
    assert isinstance(result, Returned) and result.pytype == "ndarray"
    assert value(result).shape == (3, 2, 2)
    assert value(honest.call("jacobian_like", [1.0])).tolist() == [[1, 2], [3, 4], [5, 6]]


def test_tuple_of_unequal_arrays_comes_back_item_by_item(honest: LearnerSession) -> None:
    result = honest.call("ragged", [3])
    assert isinstance(result, Returned) and result.array is None and result.pytype == "tuple"
    assert result.items is not None
    assert [item.array.tolist() for item in result.items] == [[0, 1, 2], [0, 1, 2, 3]]


def test_strings_are_text_never_numbers(honest: LearnerSession) -> None:
    greeting = honest.call("greeting", ["Ada"])
    assert isinstance(greeting, Returned)
    assert (greeting.pytype, greeting.text, greeting.array) == ("str", "hello Ada", None)
    numeric = honest.call("numeric_text", [1.5])
    assert isinstance(numeric, Returned) and numeric.array is None and numeric.text == "1.5"


def test_missing_function_is_diagnosed(honest: LearnerSession) -> None:
    result = honest.call("antiderivative", [1.0])
    assert isinstance(result, CallFailure)
    assert result.diagnosis is Diagnosis.MISSING_FUNCTION
    assert "antiderivative" in result.message


def test_probe_is_a_numeric_function_inside_the_learners_code(honest: LearnerSession) -> None:
    result = honest.call("rate_of_change", [Probe("sin(x)", ("x",)), 0.5, 1e-7])
    assert value(result) == pytest.approx(math.cos(0.5), abs=1e-6)


def test_probe_accepts_arrays_from_a_vectorised_learner(honest: LearnerSession) -> None:
    result = honest.call("cumulative_area", [Probe("3*x**2 - 4*x", ("x",)), 0.0, 2.0, 0.001])
    xs, areas = value(result)
    assert xs[-1] == pytest.approx(1.999)
    assert areas[-1] == pytest.approx(1.999**3 - 2 * 1.999**2, abs=1e-2)


def test_probe_called_with_symbols_gives_the_expression(honest: LearnerSession) -> None:
    result = honest.call("symbolic_slope", [Probe("x**3", ("x",)), 2.0])
    assert value(result) == pytest.approx(12.0)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=40))
def test_call_many_equals_one_call_per_row(honest: LearnerSession, xs: list[float]) -> None:
    batched = honest.call_many("df", [[x] for x in xs])
    # numpy's vectorised power may differ from Python's in the last bit
    assert [float(value(r)) for r in batched] == pytest.approx([3 * x**2 - 4 * x for x in xs], rel=1e-12, abs=1e-12)


def test_call_many_splits_a_vectorised_tuple_per_row(honest: LearnerSession) -> None:
    rows = [[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]]
    results = honest.call_many("gradient", rows)
    assert [value(r).tolist() for r in results] == [[2, 10], [4, 10], [6, 10]]
    assert all(isinstance(r, Returned) and r.pytype == "tuple" for r in results)


def test_call_many_picks_the_layout_that_agrees_with_single_calls(
    honest: LearnerSession,
) -> None:
    results = honest.call_many("gradient", [[1.0, 3.0], [2.0, 5.0]])  # N = 2 = len(result)
    assert [value(r).tolist() for r in results] == [[2, 6], [4, 10]]


def test_call_many_ignores_a_vectorised_answer_that_disagrees_with_single_calls(
    scalar_only: LearnerSession,
) -> None:
    results = scalar_only.call_many("squares_only_for_scalars", [[1.0], [2.0], [3.0]])
    assert [float(value(r)) for r in results] == [1.0, 4.0, 9.0]


def test_call_many_with_scalar_only_math_falls_back_to_float64_scalars(
    scalar_only: LearnerSession,
) -> None:
    zs = [-2.0, 0.0, 3.0]
    sigmoid = scalar_only.call_many("sigmoid", [[z] for z in zs])
    assert [float(value(r)) for r in sigmoid] == pytest.approx([1 / (1 + math.exp(-z)) for z in zs])
    assert [float(value(r)) for r in scalar_only.call_many("drelu", [[z] for z in zs])] == [0, 0, 1]
    kinds = scalar_only.call_many("kind", [[z] for z in zs])
    assert [r.text for r in kinds if isinstance(r, Returned)] == ["float64"] * 3


def test_call_many_reports_each_rows_own_failure(scalar_only: LearnerSession) -> None:
    results = scalar_only.call_many("sigmoid", [[1.0], [-1000.0]])
    assert isinstance(results[0], Returned)
    assert isinstance(results[1], CallFailure)
    assert results[1].message.startswith("OverflowError")


def test_symbolic_returns_the_srepr_of_the_learners_expression(honest: LearnerSession) -> None:
    text = honest.symbolic("df", ["x"])
    assert isinstance(text, str)
    x = sympy.Symbol("x", real=True)
    learners = sympy.parse_expr(text, {"Symbol": sympy.Symbol})
    assert sympy.expand(learners - (3 * x**2 - 4 * x)) == 0


def test_symbolic_tuple_becomes_a_sympy_tuple_with_assumptions(honest: LearnerSession) -> None:
    text = honest.symbolic("gradient", ["x", "y"], {"x": {"positive": True}})
    x = sympy.Symbol("x", real=True, positive=True)
    y = sympy.Symbol("y", real=True)
    assert text == sympy.srepr(sympy.Tuple(2 * x, 2 * y))


def test_symbolic_rows_become_a_matrix(honest: LearnerSession) -> None:
    x = sympy.Symbol("x", real=True)
    expected = sympy.ImmutableMatrix([[x, 2 * x], [3 * x, 4 * x], [5 * x, 6 * x]])
    assert honest.symbolic("jacobian_like", ["x"]) == sympy.srepr(expected)


def test_symbolic_is_none_when_the_function_rejects_symbols(scalar_only: LearnerSession) -> None:
    assert scalar_only.symbolic("sigmoid", ["z"]) is None
    assert scalar_only.symbolic("kind", ["z"]) is None  # a str is not parsed as an expression


def test_child_runs_with_closed_stdin_agg_backend_one_thread_and_limits(tmp_path: Path) -> None:
    learner = tmp_path / "environment.py"
    learner.write_text(
        "import os, resource, sys\n"
        "def stdin(_):\n    return sys.stdin.read()\n"
        "def env(name):\n    return os.environ.get(name, '')\n"
        "def limit(name):\n    return resource.getrlimit(getattr(resource, name))[0]\n"
        "def name(_):\n    return __name__\n",
        encoding="utf-8",
    )
    with LearnerSession(learner, memory_mb=1500) as session:
        assert session.call("stdin", [0]).text == ""
        assert session.call("env", ["MPLBACKEND"]).text == "Agg"
        assert session.call("env", ["OPENBLAS_NUM_THREADS"]).text == "1"
        assert float(value(session.call("limit", ["RLIMIT_AS"]))) == 1500 * 1024 * 1024
        assert float(value(session.call("limit", ["RLIMIT_CORE"]))) == 0
        assert float(value(session.call("limit", ["RLIMIT_FSIZE"]))) == 50 * 1024 * 1024
        assert 0 < float(value(session.call("limit", ["RLIMIT_CPU"]))) <= 10 * 30 + 1  # a backstop
        assert session.call("name", [0]).text != "__main__"


def test_a_child_dies_with_its_checker(tmp_path: Path) -> None:
    import subprocess
    import sys
    import tempfile
    import textwrap

    learner = tmp_path / "hang.py"
    learner.write_text("import os\nopen('pid', 'w').write(str(os.getpid()))\nwhile True:\n    pass\n",
                       encoding="utf-8")
    parent = textwrap.dedent(f"""
        from pathlib import Path
        from calccourse.grading.sandbox import LearnerSession
        session = LearnerSession(Path({str(learner)!r}), timeout=60)
        session.start()
        import time
        time.sleep(60)
    """)
    checker = subprocess.Popen([sys.executable, "-c", parent])
    deadline = time.monotonic() + 20
    pid_files = []
    while not pid_files and time.monotonic() < deadline:
        time.sleep(0.1)
        pid_files = list(Path(tempfile.gettempdir()).glob("calccourse-run-*/pid"))
        pid_files = [p for p in pid_files if p.stat().st_mtime > time.time() - 30]
    assert pid_files, "the child never started"
    child_pid = int(pid_files[0].read_text())
    checker.kill()
    checker.wait()
    for _ in range(50):
        if not Path(f"/proc/{child_pid}").exists() or "Z" in Path(f"/proc/{child_pid}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the learner's child outlived the checker")


def test_default_memory_cap_lets_the_heavy_libraries_work(tmp_path: Path) -> None:
    source = (
        "import numpy as np, sympy, scipy.optimize, matplotlib.pyplot as plt\n"
        "from sklearn.svm import SVC\n"
        "def margin(_):\n"
        "    points = np.array([[0, 0], [1, 2], [2, 1], [3, 3], [0, -1], [-1, 0]], float)\n"
        "    labels = np.array([-1, 1, 1, 1, -1, -1])\n"
        "    model = SVC(kernel='linear', C=1e6).fit(points, labels)\n"
        "    return np.r_[model.coef_[0], model.intercept_]\n"
    )
    with LearnerSession(tmp_path / "heavy.py", source=source, timeout=30) as session:
        assert session.wait_loaded() is None
        a, b, c = value(session.call("margin", [0]))
    assert (a, b, c) == pytest.approx((2 / 3, 2 / 3, -1), abs=1e-3)


def test_writing_a_huge_file_fails_with_an_exception_not_a_kill(tmp_path: Path) -> None:
    source = "def f(_):\n    open('big.bin', 'wb').write(b'0' * 60 * 1024 * 1024)\n"
    with LearnerSession(tmp_path / "writer.py", source=source) as session:
        failure = session.call("f", [0])
    assert isinstance(failure, CallFailure) and failure.diagnosis is Diagnosis.EXCEPTION
    assert "File too large" in failure.message


def test_working_directory_is_private_and_removed_on_close(tmp_path: Path) -> None:
    session = LearnerSession(LEARNERS / "honest.py")
    workdir = Path(session.call("where", [0]).text)
    assert workdir.is_dir() and workdir != LEARNERS and not workdir.is_relative_to(tmp_path)
    session.close()
    assert not workdir.exists()


def test_source_overrides_the_file_and_filename_names_it_in_messages(tmp_path: Path) -> None:
    source = "def f(x):\n    return 1 / 0\n"
    with LearnerSession(tmp_path / "notebook.ipynb", source=source, filename="notebook.ipynb") as s:
        failure = s.call("f", [1.0])
    assert isinstance(failure, CallFailure) and failure.diagnosis is Diagnosis.EXCEPTION
    assert failure.message == "ZeroDivisionError: division by zero"
    assert 'File "notebook.ipynb", line 2, in f' in failure.traceback
    assert "child.py" not in failure.traceback


def test_start_returns_at_once_and_the_parent_never_imports_sympy() -> None:
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from calccourse.grading.sandbox import LearnerSession\n"
        f"s = LearnerSession(Path({str(LEARNERS / 'sleepy_import.py')!r}), timeout=1)\n"
        "t = time.monotonic(); s.start(); started = time.monotonic() - t\n"
        "problem = s.wait_loaded(); s.close()\n"
        "print(started, problem.diagnosis, 'sympy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=30
    ).stdout.split()
    assert float(out[0]) < 1.0  # it does not wait for the child (which sleeps past the timeout)
    assert out[1:] == ["timeout", "False"]


# ----------------------------------------------------------------------- hostile files


def load(name: str) -> tuple[LearnerSession, LoadProblem | None, float]:
    session = LearnerSession(LEARNERS / name, timeout=TIMEOUT)
    session.start()
    problem, elapsed = timed(session.wait_loaded)
    return session, problem, elapsed


@pytest.mark.parametrize(
    ("name", "diagnosis", "fragment"),
    [
        ("import_infinite_loop.py", Diagnosis.TIMEOUT, "longer than 2 s"),
        ("sleepy_import.py", Diagnosis.TIMEOUT, "longer than 2 s"),
        ("memory_bomb_import.py", Diagnosis.MEMORY, "MemoryError"),
        ("segfault_import.py", Diagnosis.IMPORT_ERROR, "crashed (signal SIGSEGV)"),
        ("sys_exit_import.py", Diagnosis.IMPORT_ERROR, "called sys.exit(0) while being imported"),
        ("os_exit_import.py", Diagnosis.IMPORT_ERROR, "os._exit"),
        ("input_import.py", Diagnosis.IMPORT_ERROR, "stdin is closed"),
        ("import_error.py", Diagnosis.IMPORT_ERROR, "No module named 'module_that_does_not_exist'"),
    ],
)
def test_file_that_fails_while_loading_is_diagnosed_in_time(
    name: str, diagnosis: Diagnosis, fragment: str
) -> None:
    session, problem, elapsed = load(name)
    with session:
        assert isinstance(problem, LoadProblem)
        assert problem.diagnosis is diagnosis
        assert fragment in problem.message
        assert elapsed < TIMEOUT + SLACK
        later, again = timed(lambda: session.call("f", [1.0]))
        assert isinstance(later, CallFailure) and later.diagnosis is diagnosis
        assert again < 0.1  # the load problem is not re-run for every call


def test_exception_at_import_points_at_the_learners_line() -> None:
    session, problem, _ = load("input_import.py")
    with session:
        assert problem is not None
        assert (problem.line, problem.source_line) == (1, 'name = input("your name? ")')
        assert "EOFError" in problem.traceback
        assert session.output == "your name? "


def test_syntax_error_gives_line_text_and_column() -> None:
    session, problem, _ = load("syntax_error.py")
    with session:
        assert problem == LoadProblem(
            Diagnosis.SYNTAX_ERROR, "SyntaxError: expected ':'", 5, "def df(x)", 10
        )


def test_source_with_a_nul_byte_is_a_syntax_error_not_a_crash(tmp_path: Path) -> None:
    with LearnerSession(tmp_path / "nul.py", source="x = 1\0\n") as session:
        problem = session.wait_loaded()
    assert problem is not None and problem.diagnosis is Diagnosis.SYNTAX_ERROR
    assert "null bytes" in problem.message


def test_input_inside_a_function_says_stdin_is_closed(tmp_path: Path) -> None:
    source = "def f(x):\n    return float(input())\n"
    with LearnerSession(tmp_path / "ask.py", source=source) as session:
        failure = session.call("f", [1.0])
    assert isinstance(failure, CallFailure) and failure.diagnosis is Diagnosis.EXCEPTION
    assert "stdin is closed" in failure.message


@pytest.mark.parametrize(
    ("name", "function", "diagnosis", "fragment"),
    [
        ("function_infinite_loop.py", "df", Diagnosis.TIMEOUT, "2 s time limit"),
        ("sleepy.py", "f", Diagnosis.TIMEOUT, "2 s time limit"),
        ("memory_bomb.py", "big_list", Diagnosis.MEMORY, "MemoryError"),
        ("memory_bomb.py", "big_array", Diagnosis.MEMORY, "Unable to allocate"),
        ("recursion.py", "f", Diagnosis.EXCEPTION, "RecursionError"),
        ("recursion_crash.py", "f", Diagnosis.EXCEPTION, "the process crashed (signal SIGSEGV)"),
        ("segfault_call.py", "f", Diagnosis.EXCEPTION, "the process crashed (signal SIGSEGV)"),
        ("sys_exit_call.py", "f", Diagnosis.EXCEPTION, "your function called sys.exit(0)"),
        ("os_exit_call.py", "f", Diagnosis.EXCEPTION, "os._exit"),
        ("starter.py", "f", Diagnosis.NOT_IMPLEMENTED, "NotImplementedError: write f"),
        ("starter.py", "df", Diagnosis.NOT_IMPLEMENTED, "NotImplementedError"),
    ],
)
def test_function_that_fails_is_diagnosed_in_time(
    name: str, function: str, diagnosis: Diagnosis, fragment: str
) -> None:
    session, problem, _ = load(name)
    with session:
        assert problem is None
        result, elapsed = timed(lambda: session.call(function, [1.0]))
        assert isinstance(result, CallFailure)
        assert result.diagnosis is diagnosis
        assert fragment in result.message
        assert elapsed < TIMEOUT + SLACK


@pytest.mark.parametrize(
    "name",
    ["function_infinite_loop.py", "recursion_crash.py", "segfault_call.py", "os_exit_call.py"],
)
def test_a_broken_function_does_not_stop_the_others(name: str) -> None:
    session, _, _ = load(name)
    with session:
        broken = "df" if name == "function_infinite_loop.py" else "f"
        first = session.call(broken, [1.0])
        again, elapsed = timed(lambda: session.call(broken, [2.0]))
        assert again == first and elapsed < 0.1
        assert session.call_many(broken, [[1.0], [2.0]]) == [first, first]
        assert float(value(session.call("g", [1.0]))) in (-1.0, 2.0)
        assert isinstance(session.symbolic(broken, ["x"]), CallFailure)


def test_a_check_lasts_at_most_one_timeout_per_broken_function_plus_one(tmp_path: Path) -> None:
    source = "".join(f"def loop{i}(x):\n    while True:\n        pass\n" for i in range(3))
    source += "def f(x):\n    return x\n"
    with LearnerSession(tmp_path / "loops.py", source=source, timeout=1.0) as session:
        started = time.monotonic()
        results = [session.call(f"loop{i}", [0.0]) for i in range(3)]
        assert float(value(session.call("f", [4.0]))) == 4.0
        assert time.monotonic() - started < 4 * 1.0 + SLACK
    assert all(r.diagnosis is Diagnosis.TIMEOUT for r in results)


def test_the_import_and_every_call_each_get_the_whole_time_limit(tmp_path: Path) -> None:
    source = ("import time\ntime.sleep(1.0)\ndef slow(x):\n    time.sleep(1.0)\n    return x\n"
              "def too_slow(x):\n    time.sleep(3.0)\n    return x\n")
    with LearnerSession(tmp_path / "slow.py", source=source, timeout=1.8) as session:
        assert session.wait_loaded() is None
        assert [float(value(session.call("slow", [n]))) for n in (1.0, 2.0, 3.0)] == [1.0, 2.0, 3.0]
        result = session.call("too_slow", [1.0])
    assert isinstance(result, CallFailure) and result.diagnosis is Diagnosis.TIMEOUT


def test_time_the_parent_spends_between_calls_is_not_counted(tmp_path: Path) -> None:
    source = "def f(x):\n    return x\n"
    with LearnerSession(tmp_path / "quick.py", source=source, timeout=1.5) as session:
        assert session.wait_loaded() is None
        time.sleep(2.0)
        assert float(value(session.call("f", [3.0]))) == 3.0


def test_flood_of_output_is_capped_and_the_file_still_answers() -> None:
    session, problem, elapsed = load("flood.py")
    with session:
        assert problem is None and elapsed < TIMEOUT + SLACK
        assert float(value(session.call("f", [1.0]))) == 2.0
        output = session.output
    assert output.startswith("x" * 1023 + "\n")
    assert len(output) < 2 * 64 * 1024 + 200
    assert "[+" in output and "bytes]" in output
    assert "e" * 100 in output  # stderr is kept too


def test_printed_fake_report_is_ignored_and_the_value_is_still_checked() -> None:
    session, problem, _ = load("fake_report.py")
    with session:
        assert problem is None
        assert session.defined == ["f"]
        assert float(value(session.call("f", [1.0]))) == 100.0
        assert "All checks passed" in session.output


def test_objects_with_lying_methods_come_back_as_plain_data() -> None:
    session, _, _ = load("lying_objects.py")
    with session:
        liar = session.call("liar", [1.0])
        assert liar == Returned(pytype="Liar", array=None, items=None, text="a liar")
        fibber = session.call("fibber", [1.0])
        assert isinstance(fibber, Returned) and fibber.pytype == "Fibber"
        assert float(value(fibber)) == 41.0  # its __eq__ is never consulted
        unprintable = session.call("unprintable", [1.0])
        assert isinstance(unprintable, Returned) and unprintable.pytype == "Unprintable"
        mixed = session.call("mixed", [1.0])
        assert isinstance(mixed, Returned) and mixed.array is None and mixed.items is not None
        assert [item.pytype for item in mixed.items] == ["float", "str", "float"]


def test_script_style_file_with_plots_loads_within_the_limit_and_quietly() -> None:
    session, problem, elapsed = load("script_style.py")
    with session:
        assert problem is None and elapsed < TIMEOUT + SLACK
        assert float(value(session.call("f", [2.0]))) == 1.0
        assert session.output == "plotting 50 points\n"
    assert not (LEARNERS / "figure.png").exists()


def test_main_guard_block_does_not_run() -> None:
    session, problem, elapsed = load("main_guard.py")
    with session:
        assert problem is None and elapsed < TIMEOUT
        assert float(value(session.call("f", [0.0]))) == 1.0


# ---------------------------------------------------------------------- the protocol


@pytest.mark.parametrize(
    "answer",
    [
        "not a dict",
        {"kind": "returned", "value": {"pytype": 3}},
        {"kind": "returned", "value": {"pytype": "float", "array": {"shape": [2], "data": [1.0]}}},
        {"kind": "returned", "value": {"pytype": "x", "array": {"shape": [1], "data": ["1"]}}},
        {"kind": "returned", "value": {"pytype": "x", "text": 5}},
        {"kind": "failure", "diagnosis": "wrong_value", "message": "", "traceback": ""},
        {"kind": "failure", "diagnosis": "exception", "message": None, "traceback": ""},
        {"kind": "passed"},
    ],
)
def test_parent_rejects_answers_that_are_not_the_expected_plain_data(answer: object) -> None:
    with pytest.raises(ProtocolError):
        decode_call_answer(json.loads(json.dumps(answer)))


def test_parent_rejects_malformed_load_answers() -> None:
    with pytest.raises(ProtocolError):
        decode_load_answer({"kind": "loaded", "defined": [1]})
    with pytest.raises(ProtocolError):
        decode_load_answer({"kind": "load_problem", "diagnosis": "timeout", "message": "m"})


@given(
    st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=0, max_size=12).map(
        np.array
    )
)
def test_returned_arrays_survive_the_json_round_trip(array: np.ndarray) -> None:
    data = {"pytype": "ndarray", "array": {"shape": [len(array)], "data": array.tolist()}}
    decoded = decode_returned(json.loads(json.dumps(data)))
    np.testing.assert_array_equal(decoded.array, array)


# ------------------------------------------------------------------------ warm pool


def test_pool_session_grades_like_a_cold_one(pool: WarmPool, honest: LearnerSession) -> None:
    with pool.session(LEARNERS / "honest.py") as warm:
        assert warm.wait_loaded() is None
        assert warm.defined == honest.defined
        rows = [[x] for x in np.linspace(-2, 2, 9)]
        warm_values = [value(r).tolist() for r in warm.call_many("df", rows)]
        assert warm_values == [value(r).tolist() for r in honest.call_many("df", rows)]
        assert warm.call("greeting", ["Ada"]) == honest.call("greeting", ["Ada"])
        assert warm.symbolic("df", ["x"]) == honest.symbolic("df", ["x"])


def test_pool_runs_do_not_share_module_state(pool: WarmPool) -> None:
    counts = []
    for _ in range(2):
        with pool.session(LEARNERS / "state.py") as session:
            counts.append(float(value(session.call("remember", [1.0]))))
    assert counts == [1.0, 1.0]


def test_pool_sessions_have_the_same_limits_and_isolation(pool: WarmPool) -> None:
    with pool.session(LEARNERS / "memory_bomb.py", memory_mb=1024) as session:
        assert session.call("big_list", [0]).diagnosis is Diagnosis.MEMORY
        assert float(value(session.call("f", [1.0]))) == 2.0
    with pool.session(LEARNERS / "honest.py") as session:
        workdir = Path(session.call("where", [0]).text)
        assert workdir.is_dir()
    assert not workdir.exists()


def test_pool_survives_learner_crashes_and_timeouts(pool: WarmPool) -> None:
    with pool.session(LEARNERS / "segfault_import.py", timeout=TIMEOUT) as session:
        problem = session.wait_loaded()
        assert problem is not None and "SIGSEGV" in problem.message
    with pool.session(LEARNERS / "function_infinite_loop.py", timeout=TIMEOUT) as session:
        assert session.call("df", [1.0]).diagnosis is Diagnosis.TIMEOUT
        assert float(value(session.call("g", [1.0]))) == 2.0
    with pool.session(LEARNERS / "honest.py") as session:
        assert float(value(session.call("f", [2.0]))) == 1.0


def test_pool_restarts_a_dead_zygote() -> None:
    with WarmPool(preload=("numpy",)) as warm:
        with warm.session(LEARNERS / "honest.py") as session:
            assert session.wait_loaded() is None
        zygote = warm._zygote
        assert zygote is not None
        zygote.kill()
        zygote.wait()
        with warm.session(LEARNERS / "honest.py") as session:
            assert float(value(session.call("f", [2.0]))) == 1.0


def test_pool_session_loads_much_faster_than_a_cold_one(pool: WarmPool, tmp_path: Path) -> None:
    learner = tmp_path / "small.py"
    shutil.copy(LEARNERS / "honest.py", learner)
    with pool.session(learner) as warmup:
        warmup.wait_loaded()

    def cold() -> None:
        with LearnerSession(learner, preload=pool.preload) as session:
            session.wait_loaded()

    def warm() -> None:
        with pool.session(learner) as session:
            session.wait_loaded()

    cold_time = min(timed(cold)[1] for _ in range(2))
    warm_time = min(timed(warm)[1] for _ in range(3))
    assert warm_time < 0.5 * cold_time
