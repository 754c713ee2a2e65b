"""Answer fixture files: where they live and what their names promise.

`good_*.py` answers every function of its lesson correctly; `bad_<diagnosis>_<what>.py`
gets exactly one function wrong, and that check must fail with <diagnosis>.
"""

from __future__ import annotations

from pathlib import Path

from calccourse.grading.model import Diagnosis

ANSWERS = Path(__file__).parent / "answers"
# What the shared warm pool imports once, so forked learner runs start at once.
WARM_PRELOAD = ("numpy", "sympy", "scipy.optimize", "scipy.integrate", "sklearn.svm", "matplotlib.pyplot")


def diagnosis_in_name(name: str) -> Diagnosis:
    """The diagnosis a `bad_<diagnosis>_…` file name promises (the longest code that fits)."""
    rest = name.removeprefix("bad_")
    return max((code for code in Diagnosis if rest.startswith(code.value + "_")), key=lambda code: len(code.value))
