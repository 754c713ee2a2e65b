"""Kind ``expression``: the learner's function equals a SymPy expression of its arguments.

Numbers always decide first: seeded points over the domain (round ones first, so
messages read well) plus the check's ``unseen`` inputs. When the function also accepts
SymPy symbols, the exact answer must agree too; an undecided exact comparison defers to
the numbers. Known mistakes from the YAML are recognised before the generic diagnoses.
"""

from __future__ import annotations

import dataclasses
import zlib
from typing import TYPE_CHECKING, Any

from calccourse.grading.compare import (
    Mismatch,
    RowProblem,
    all_close,
    call_text,
    close,
    find_problem,
    show,
    simplicity,
    stack_values,
)
from calccourse.grading.diagnose import (
    Finding,
    diagnose_values,
    failed_result,
    failure_result,
    mismatch_result,
    passed_result,
)
from calccourse.grading.messages import say
from calccourse.grading.model import Diagnosis, TestResult
from calccourse.grading.oracles.base import Oracle, register
from calccourse.grading.specs import ExpressionCheck, ExpressionText, Mistake

if TYPE_CHECKING:
    import numpy as np

    from calccourse.grading.sandbox import LearnerSession

_NICE_SHARE = 4  # one sample in four is a round number (a multiple of ½)
_SYMBOLIC_SECONDS = 2.0
_MAX_FORMULA_IN_MESSAGE = 40
_MAX_DIFFERENCE_IN_MESSAGE = 100  # a longer symbolic difference is noise, not help


@dataclasses.dataclass(frozen=True)
class _PreparedMistake:
    mistake: Mistake
    values: np.ndarray


@register
class ExpressionOracle(Oracle):
    """Grades ``function(*args) == expect`` numerically and, where possible, exactly."""

    kinds = ("expression",)
    spec: ExpressionCheck

    def prepare(self) -> None:
        """Parse the reference, pick the inputs, and evaluate the reference and the mistakes."""
        import numpy as np
        import sympy

        spec = self.spec
        self._symbols = [sympy.Symbol(name, real=True, **spec.assumptions.get(name, {})) for name in spec.args]
        self._expected = self._parse(spec.expect)
        self._rows = self._sample_rows()
        self._shape = _value_shape(spec.expect)
        reference = self._evaluate(self._expected, self._rows)
        finite = np.isfinite(reference.reshape(len(self._rows), -1)).all(axis=1)
        self._rows = [row for row, keep in zip(self._rows, finite, strict=True) if keep]
        self._reference = reference[finite]
        self._mistakes = [_PreparedMistake(m, self._evaluate(self._parse(m.expect), self._rows))
                          for m in spec.mistakes]
        from calccourse.grading.symbolic import unicode_text

        self._formula = unicode_text(self._expected)

    # -- preparation helpers

    def _parse(self, text: ExpressionText) -> Any:
        """A SymPy expression (or Matrix for a list / list of lists) from YAML text."""
        import sympy
        from sympy.parsing.sympy_parser import parse_expr

        names = {symbol.name: symbol for symbol in self._symbols}
        if isinstance(text, str):
            return parse_expr(text, local_dict=names)
        if all(isinstance(item, str) for item in text):
            return sympy.Matrix([parse_expr(item, local_dict=names) for item in text])
        return sympy.Matrix([[parse_expr(item, local_dict=names) for item in row] for row in text])

    def _evaluate(self, expression: Any, rows: list[list[float]]) -> np.ndarray:
        """The expression at every row, shape (rows, *value shape)."""
        import numpy as np
        import sympy

        columns = [np.array([row[i] for row in rows], dtype=float) for i in range(len(self._symbols))]
        entries = list(expression) if isinstance(expression, sympy.MatrixBase) else [expression]
        values = []
        with np.errstate(all="ignore"):
            for entry in entries:
                function = sympy.lambdify(self._symbols, entry, [np])  # the module: no star-import
                values.append(np.broadcast_to(np.asarray(function(*columns), dtype=float), (len(rows),)))
        stacked = np.stack(values, axis=1)
        return stacked.reshape((len(rows), *self._shape))

    def _sample_rows(self) -> list[list[float]]:
        """Seeded inputs over the domain: round ones first, then arbitrary ones, then unseen."""
        import numpy as np

        spec = self.spec
        generator = np.random.default_rng(zlib.crc32(spec.id.encode()))
        rows: list[list[float]] = []
        for index in range(spec.samples):
            row = []
            for name in spec.args:
                low, high = spec.domain[name]
                value = generator.uniform(low, high)
                if index % _NICE_SHARE == 0:
                    value = float(np.clip(np.round(value * 2) / 2, low, high))
                row.append(float(value) + 0.0)  # + 0.0 turns -0.0 into 0.0
            if not self._near_avoided(row) and row not in rows:
                rows.append(row)
        rows.sort(key=lambda row: [value * 2 != round(value * 2) for value in row].count(True))
        return rows + [[float(value) for value in row] for row in spec.unseen]

    def _near_avoided(self, row: list[float]) -> bool:
        for name, value in zip(self.spec.args, row, strict=True):
            low, high = self.spec.domain[name]
            if any(abs(value - avoided) < 1e-3 * (high - low) for avoided in self.spec.avoid):
                return True
        return False

    # -- grading

    def grade(self, session: LearnerSession) -> list[TestResult]:
        spec = self.spec
        results = session.call_many(spec.function, self._rows)
        reference = self._reference
        got = stack_values(results, self._shape)
        if spec.up_to_constant and got is not None:
            reference = reference + _constant_between(got, reference)
        problem = find_problem(self._rows, results, list(reference), spec.tolerance)
        if problem is None:
            return [self._judge_exactly(session)]
        return [self._explain(session, problem, results, got, reference)]

    def _judge_exactly(self, session: LearnerSession) -> TestResult:
        """Numbers agree: pass, unless the learner's symbolic answer is provably different."""
        from calccourse.grading.symbolic import Different, Equal

        verdict = self._exact_verdict(session)
        count = len(self._rows)
        if isinstance(verdict, Equal):
            return passed_result(self.spec, self.lang, say("passed_exactly", self.lang,
                                                           function=self.spec.function, count=count))
        if isinstance(verdict, Different):
            from calccourse.grading.symbolic import signed_text, unicode_text

            difference = signed_text(verdict.difference)
            key = "symbolic_differs" if len(difference) <= _MAX_DIFFERENCE_IN_MESSAGE else "symbolic_differs_short"
            message = say(key, self.lang, function=self.spec.function,
                          got=_shortened(unicode_text(self._expected + verdict.difference)), difference=difference)
            return failed_result(self.spec, self.lang, Diagnosis.WRONG_VALUE, message)
        return passed_result(self.spec, self.lang, say("passed", self.lang, function=self.spec.function,
                                                       count=count))

    def _exact_verdict(self, session: LearnerSession) -> Any:
        """Equal / Different / Undecided; None when the function is not tried symbolically."""
        from calccourse.grading.symbolic import NotSymbolic, compare_exactly, parse_srepr

        spec = self.spec
        if not spec.symbolic:
            return None
        text = session.symbolic(spec.function, spec.args, spec.assumptions)
        if not isinstance(text, str):
            return None
        try:
            learner = parse_srepr(text)
        except NotSymbolic:
            return None
        return compare_exactly(learner, self._expected, self._symbols, up_to_constant=spec.up_to_constant,
                               domain=spec.domain, tolerance=max(spec.tolerance.rtol, 1e-12),
                               seconds=_SYMBOLIC_SECONDS)

    def _difference_text(self, verdict: Any) -> str:
        from calccourse.grading.symbolic import signed_text

        difference = signed_text(verdict.difference)
        if len(difference) > _MAX_DIFFERENCE_IN_MESSAGE:
            return ""
        return say("differs_by", self.lang, function=self.spec.function, difference=difference)

    def _explain(self, session: LearnerSession, problem: RowProblem, results: list[Any],
                 got: np.ndarray | None, reference: np.ndarray) -> TestResult:
        """The failing TestResult for the chosen row, with the best diagnosis we can name."""
        spec = self.spec
        called = call_text(spec.function, self._rows[problem.index])
        if problem.failure is not None:
            defined = session.defined if problem.failure.diagnosis is Diagnosis.MISSING_FUNCTION else ()
            return failure_result(spec, problem.failure, called=called, lang=self.lang, defined=defined)
        mismatch = problem.mismatch
        assert mismatch is not None
        if mismatch.diagnosis is not Diagnosis.WRONG_VALUE:
            return mismatch_result(spec, self._with_formula(mismatch), called=called, lang=self.lang)
        mismatch = self._with_formula(mismatch)
        note = ""
        if spec.up_to_constant and got is not None:
            called, mismatch = self._anchored(got)
            note = say("up_to_constant", self.lang)
        known = self._known_mistake(got)
        if known is not None:
            generic = self._generic_finding(got, reference, mismatch)
            finding = generic if generic.diagnosis is known.diagnosis else Finding(known.diagnosis)
            note = getattr(known.message, self.lang) if known.message else note
            return mismatch_result(spec, mismatch, called=called, lang=self.lang, finding=finding, note=note)
        finding = self._generic_finding(got, reference, mismatch)
        if finding.diagnosis is Diagnosis.WRONG_VALUE and spec.symbolic:
            from calccourse.grading.symbolic import Different

            verdict = self._exact_verdict(session)
            if isinstance(verdict, Different):
                note = _joined(self.lang, note, self._difference_text(verdict))
        return mismatch_result(spec, mismatch, called=called, lang=self.lang, finding=finding, note=note)

    def _anchored(self, got: np.ndarray) -> tuple[str, Mismatch]:
        """For answers defined up to a constant, show F(b) − F(a): the constant cancels."""
        import numpy as np

        tidiest = sorted(range(len(self._rows)), key=lambda index: simplicity(self._rows[index]))
        anchor = tidiest[0]
        got_steps = got - got[anchor]
        expected_steps = self._reference - self._reference[anchor]
        agrees = close(got_steps, expected_steps, self.spec.tolerance).reshape(len(self._rows), -1).all(axis=1)
        shown = next((index for index in tidiest if not agrees[index]), tidiest[-1])
        function = self.spec.function
        called = f"{call_text(function, self._rows[shown])} − {call_text(function, self._rows[anchor])}"
        mismatch = Mismatch(Diagnosis.WRONG_VALUE, show(got_steps[shown]), show(expected_steps[shown]),
                            got_array=np.asarray(got_steps[shown]), expected_array=np.asarray(expected_steps[shown]))
        return called, mismatch

    def _known_mistake(self, got: np.ndarray | None) -> Mistake | None:
        if got is None:
            return None
        for prepared in self._mistakes:
            values = prepared.values
            if prepared.mistake.up_to_constant:
                values = values + _constant_between(got, values)
            if all_close(got, values, self.spec.tolerance):
                return prepared.mistake
        return None

    def _generic_finding(self, got: np.ndarray | None, reference: np.ndarray, mismatch: Mismatch) -> Finding:
        """Sign flip, constant factor, offset … over every input when all returned numbers."""
        if got is None:
            return diagnose_values(mismatch.got_array, mismatch.expected_array, self.spec.tolerance)
        if self.spec.up_to_constant:  # compare shapes of the curves: anchor both at the first input
            return diagnose_values(got - got[0], reference - reference[0], self.spec.tolerance)
        return diagnose_values(got, reference, self.spec.tolerance)

    def _with_formula(self, mismatch: Mismatch) -> Mismatch:
        """'expected 4.0 (3·x² − 4·x)' for scalar answers with a short formula."""
        if self._shape or len(self._formula) > _MAX_FORMULA_IN_MESSAGE or self.spec.up_to_constant \
                or "Piecewise" in self._formula:
            return mismatch
        return dataclasses.replace(mismatch, expected=f"{mismatch.expected} ({self._formula})")


def _shortened(text: str) -> str:
    if len(text) <= _MAX_DIFFERENCE_IN_MESSAGE:
        return text
    return text[: _MAX_DIFFERENCE_IN_MESSAGE - 1] + "…"


def _joined(lang: str, *parts: str) -> str:
    return say("separator", lang).join(part for part in parts if part)  # type: ignore[arg-type]


def _value_shape(text: ExpressionText) -> tuple[int, ...]:
    """() for one expression, (n,) for a vector, (m, n) for a matrix."""
    if isinstance(text, str):
        return ()
    if all(isinstance(item, str) for item in text):
        return (len(text),)
    return (len(text), len(text[0]))


def _constant_between(got: np.ndarray, reference: np.ndarray) -> float:
    """The constant that best lines ``reference`` up with ``got`` (for up-to-a-constant checks)."""
    import numpy as np

    with np.errstate(all="ignore"):
        offset = float(np.median(got - reference))
    return offset if np.isfinite(offset) else 0.0

