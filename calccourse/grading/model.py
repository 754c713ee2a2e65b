"""The one result model of a check run; renderers (terminal, JSON) only read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"


class Diagnosis(StrEnum):
    """Stable codes for what went wrong (COURSE.md, 'Diagnoses')."""

    MISSING_FUNCTION = "missing_function"
    NOT_IMPLEMENTED = "not_implemented"
    SYNTAX_ERROR = "syntax_error"
    IMPORT_ERROR = "import_error"
    EXCEPTION = "exception"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    WRONG_TYPE = "wrong_type"
    WRONG_SHAPE = "wrong_shape"
    NON_FINITE = "non_finite"
    WRONG_VALUE = "wrong_value"
    SIGN_FLIP = "sign_flip"
    CONSTANT_FACTOR = "constant_factor"
    DIFFERENTIATED_INSTEAD = "differentiated_instead"
    INTEGRATED_INSTEAD = "integrated_instead"
    TRANSPOSED = "transposed"
    SWAPPED_COLUMNS = "swapped_columns"
    OFF_BY_CONSTANT = "off_by_constant"
    MISSING_POINTS = "missing_points"
    EXTRA_POINTS = "extra_points"
    NOT_SEPARATING = "not_separating"
    NOT_MAX_MARGIN = "not_max_margin"
    WRONG_ORIENTATION = "wrong_orientation"


@dataclass(frozen=True)
class Evidence:
    """What was called, what was expected, what came back (all as display text)."""

    called: str
    expected: str
    got: str
    difference: str | None = None


@dataclass(frozen=True)
class TestResult:
    """One graded check. A passing result has no diagnosis."""

    name: str
    title: str
    function: str
    status: Status
    message: str
    diagnosis: Diagnosis | None = None
    evidence: Evidence | None = None
    points: int = 1

    __test__ = False  # not a pytest class


@dataclass(frozen=True)
class Report:
    """The outcome of checking one submission against one lesson."""

    lesson: int
    submission: str
    tests: list[TestResult]
    load_problem: TestResult | None = None
    learner_output: str = ""
    hint_available: bool = False
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def score(self) -> int:
        return sum(test.points for test in self.tests if test.status is Status.PASS)

    @property
    def max_score(self) -> int:
        return sum(test.points for test in self.tests)

    @property
    def status(self) -> Status:
        if self.load_problem is not None:
            return Status.ERROR
        if any(test.status is not Status.PASS for test in self.tests):
            return Status.FAIL
        return Status.PASS

    def to_dict(self) -> dict:
        """The documented JSON form (see README, 'Machine-readable results')."""
        tests = ([self.load_problem] if self.load_problem else []) + self.tests
        return {
            "lesson": self.lesson,
            "status": self.status.value,
            "score": self.score,
            "max_score": self.max_score,
            "tests": [
                {
                    "name": test.name,
                    "status": test.status.value,
                    "diagnosis": test.diagnosis.value if test.diagnosis else None,
                    "message": test.message,
                }
                for test in tests
            ],
        }
