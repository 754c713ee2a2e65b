"""Naming the mistake behind wrong numbers, and turning problems into TestResults.

:func:`diagnose_values` recognises the common slips (swapped components, flipped sign,
a constant factor, a constant offset); the ``*_result`` helpers build the learner-facing
TestResult for a failed call, a mismatch or a pass, in the learner's language.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from calccourse.grading.compare import Mismatch, ToleranceLike, all_close, show
from calccourse.grading.messages import describe_factor, nice_number, say
from calccourse.grading.model import Diagnosis, Evidence, Status, TestResult
from calccourse.i18n import Lang

if TYPE_CHECKING:
    import numpy as np

    from calccourse.grading.protocol import CallFailure
    from calccourse.grading.specs import CheckBase


_CALLABLE_TYPES = frozenset({"function", "method", "builtin_function_or_method", "partial", "vectorize"})
_SMALL_ARRAY = 6  # up to this many entries, the whole array is shown and no entry is singled out


class Finding(NamedTuple):
    """A diagnosis and its number: the factor (constant_factor) or the offset (off_by_constant)."""

    diagnosis: Diagnosis
    detail: float | None = None


def diagnose_values(got: Any, expected: Any, tol: ToleranceLike) -> Finding:
    """What kind of wrong ``got`` is, compared with ``expected`` (same shape; the first
    axis may index inputs). Checks a transposed square matrix, swapped last-axis components,
    sign flip, constant factor and constant offset, in that order; otherwise wrong_value."""
    import numpy as np

    got_array = np.asarray(got, dtype=float)
    reference = np.asarray(expected, dtype=float)
    finite = np.isfinite(got_array) & np.isfinite(reference)
    if not finite.all():
        return Finding(Diagnosis.NON_FINITE if np.isfinite(reference).all() else Diagnosis.WRONG_VALUE)
    if reference.ndim >= 2 and reference.shape[-1] == reference.shape[-2] \
            and all_close(np.swapaxes(got_array, -1, -2), reference, tol):
        return Finding(Diagnosis.TRANSPOSED)
    if _swapped(got_array, reference, tol):
        return Finding(Diagnosis.SWAPPED_COLUMNS)
    energy = float(np.sum(reference * reference))
    if energy > 0 and not np.allclose(reference, 0, atol=tol.atol):
        if all_close(got_array, -reference, tol):
            return Finding(Diagnosis.SIGN_FLIP)
        factor = float(np.sum(got_array * reference)) / energy
        if abs(factor) > 1e-9 and abs(factor - 1) > 1e-9 and _close_loosely(got_array, factor * reference, tol):
            return Finding(Diagnosis.CONSTANT_FACTOR, _tidy(factor))
    offset = float(np.median(got_array - reference))
    if offset != 0 and _close_loosely(got_array, reference + offset, tol):
        return Finding(Diagnosis.OFF_BY_CONSTANT, _tidy(offset))
    return Finding(Diagnosis.WRONG_VALUE)


def _swapped(got: np.ndarray, reference: np.ndarray, tol: ToleranceLike) -> bool:
    if reference.ndim == 0 or not 2 <= reference.shape[-1] <= 4:
        return False
    for order in itertools.permutations(range(reference.shape[-1])):
        if list(order) != sorted(order) and all_close(got[..., list(order)], reference, tol) \
                and not all_close(got, reference, tol):
            return True
    return False


def _close_loosely(got: np.ndarray, reference: np.ndarray, tol: ToleranceLike) -> bool:
    """Agreement for a fitted factor/offset: allow the fit's own rounding."""
    import numpy as np

    scale = float(np.max(np.abs(reference))) if reference.size else 0.0
    with np.errstate(invalid="ignore", over="ignore"):
        return bool(np.all(np.abs(got - reference) <= tol.atol + tol.rtol * np.abs(reference) + 1e-12 * scale))


def _tidy(value: float) -> float:
    """Snap 1.9999999999 to 2 and 0.33333333 to 1/3's float, so messages read well."""
    from fractions import Fraction

    fraction = Fraction(value).limit_denominator(1000)
    if abs(float(fraction) - value) <= 1e-9 * max(1.0, abs(value)):
        return float(fraction)
    return value


def explain(finding: Finding, lang: Lang) -> str:
    """The words for a finding ('twice too large', 'the sign is flipped', …); '' for a plain wrong value."""
    match finding.diagnosis:
        case Diagnosis.CONSTANT_FACTOR:
            return describe_factor(finding.detail or 0.0, lang)
        case Diagnosis.OFF_BY_CONSTANT:
            return say("explain_off_by_constant", lang, offset=_signed(finding.detail or 0.0))
        case Diagnosis.SIGN_FLIP | Diagnosis.TRANSPOSED | Diagnosis.SWAPPED_COLUMNS | Diagnosis.NON_FINITE \
                | Diagnosis.DIFFERENTIATED_INSTEAD | Diagnosis.INTEGRATED_INSTEAD:
            return say(f"explain_{finding.diagnosis.value}", lang)
    return ""


def _signed(value: float) -> str:
    text = nice_number(value)
    return text if text.startswith("-") else "+" + text


# --- building TestResults --------------------------------------------------------------

def _title(spec: CheckBase, lang: Lang) -> str:
    return getattr(spec.title, lang)


def passed_result(spec: CheckBase, lang: Lang, message: str) -> TestResult:
    """A passing TestResult for ``spec``."""
    return TestResult(name=spec.id, title=_title(spec, lang), function=spec.function,
                      status=Status.PASS, message=message, points=spec.points)


def failed_result(spec: CheckBase, lang: Lang, diagnosis: Diagnosis, message: str,
                  evidence: Evidence | None = None) -> TestResult:
    """A failing TestResult for ``spec`` (always with a diagnosis)."""
    return TestResult(name=spec.id, title=_title(spec, lang), function=spec.function,
                      status=Status.FAIL, message=message, diagnosis=diagnosis,
                      evidence=evidence, points=spec.points)


def failure_result(spec: CheckBase, failure: CallFailure, *, called: str, lang: Lang,
                   defined: Sequence[str] = ()) -> TestResult:
    """The failing TestResult for a call that did not return (not implemented, missing,
    raised, timed out, ran out of memory, or the file did not load)."""
    function = spec.function
    match failure.diagnosis:
        case Diagnosis.NOT_IMPLEMENTED:
            message = say("not_implemented", lang, function=function)
        case Diagnosis.MISSING_FUNCTION:
            message = missing_function_message(function, defined, lang)
        case Diagnosis.EXCEPTION:
            message = say("exception", lang, called=called, error=failure.message)
            if failure.traceback.strip():
                message += "\n" + failure.traceback.rstrip()
        case Diagnosis.TIMEOUT | Diagnosis.MEMORY:
            message = say(failure.diagnosis.value, lang, called=called, error=failure.message)
        case _:
            message = say("load_failed", lang, called=called, error=failure.message)
    return failed_result(spec, lang, failure.diagnosis, message)


def missing_function_message(function: str, defined: Sequence[str], lang: Lang) -> str:
    """'your file does not define `df`; it defines: f, dF (did you mean …?)'."""
    parts = [say("missing_function", lang, function=function)]
    if defined:
        parts.append(say("defines_these", lang, names=", ".join(defined)))
        by_lowercase = {name.lower(): name for name in defined}
        near = difflib.get_close_matches(function.lower(), list(by_lowercase), n=1, cutoff=0.75)
        if near:
            parts.append(say("did_you_mean", lang, name=by_lowercase[near[0]], function=function))
    else:
        parts.append(say("defines_nothing", lang))
    return say("separator", lang).join(parts)


def mismatch_result(spec: CheckBase, mismatch: Mismatch, *, called: str, lang: Lang,
                    finding: Finding | None = None, note: str = "") -> TestResult:
    """The failing TestResult for a value that came back wrong.

    ``finding`` (from :func:`diagnose_values`) refines a wrong_value mismatch; ``note``
    is appended, e.g. the expected formula or a symbolic difference.
    """
    diagnosis = finding.diagnosis if finding is not None else mismatch.diagnosis
    message = mismatch_message(mismatch, called=called, lang=lang, finding=finding)
    if note:
        message += say("separator", lang) + note
    evidence = Evidence(called=called, expected=mismatch.expected, got=mismatch.got,
                        difference=explain(finding, lang) if finding is not None else None)
    return failed_result(spec, lang, diagnosis, message, evidence)


def mismatch_message(mismatch: Mismatch, *, called: str, lang: Lang, finding: Finding | None = None) -> str:
    """'df(2.0) returned 6.0, expected 4.0: twice too large' and its variants."""
    fields = {"called": called, "got": mismatch.got, "expected": mismatch.expected, "pytype": mismatch.pytype}
    match mismatch.diagnosis:
        case Diagnosis.WRONG_TYPE if mismatch.pytype == "NoneType":
            text = say("returned_none", lang, **fields)
        case Diagnosis.WRONG_TYPE if mismatch.pytype == "str":
            text = say("returned_text", lang, **fields)
        case Diagnosis.WRONG_TYPE if mismatch.pytype in _CALLABLE_TYPES:
            text = say("returned_callable", lang, **fields)
        case Diagnosis.WRONG_TYPE:
            text = say("returned_object", lang, **fields)
        case Diagnosis.WRONG_SHAPE if mismatch.ragged:
            text = say("returned_ragged", lang, **fields)
        case Diagnosis.WRONG_SHAPE:
            text = say("wrong_shape", lang, **fields)
        case _:
            text = say("mismatch", lang, **fields)
    explanation = explain(finding if finding is not None else Finding(mismatch.diagnosis), lang)
    if explanation:
        text += say("colon", lang) + explanation
    if mismatch.entry is not None and mismatch.got_array is not None and mismatch.expected_array is not None \
            and mismatch.got_array.size > _SMALL_ARRAY:
        text += say("separator", lang) + say("first_difference", lang, entry=list(mismatch.entry),
                           got=show(mismatch.got_array[mismatch.entry]),
                           expected=show(mismatch.expected_array[mismatch.entry]))
    return text
