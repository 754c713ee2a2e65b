"""What every oracle is: it prepares its references, then grades one declared check."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from calccourse.i18n import Lang

if TYPE_CHECKING:
    from calccourse.grading.model import TestResult
    from calccourse.grading.sandbox import LearnerSession
    from calccourse.grading.specs import CheckBase


class Oracle(ABC):
    """Grades one check of a lesson against a learner's running file."""

    kinds: ClassVar[tuple[str, ...]]

    def __init__(self, spec: CheckBase, lang: Lang) -> None:
        self.spec = spec
        self.lang = lang

    def prepare(self) -> None:
        """Parent-side work (parse expressions, compute references) done while the child loads."""

    @abstractmethod
    def grade(self, session: LearnerSession) -> list[TestResult]:
        """Call the learner's function through ``session`` and judge what comes back."""


_REGISTRY: dict[str, type[Oracle]] = {}


def register(cls: type[Oracle]) -> type[Oracle]:
    """Class decorator: make ``cls`` the oracle for each of its ``kinds``."""
    for kind in cls.kinds:
        _REGISTRY[kind] = cls
    return cls


def oracle_for(spec: CheckBase, lang: Lang) -> Oracle:
    """The oracle that grades ``spec`` (its module must have been imported)."""
    from calccourse.grading import oracles  # noqa: F401  (imports every oracle module)

    return _REGISTRY[spec.kind](spec, lang)  # type: ignore[attr-defined]
