"""Lesson 6 — Optimisation.

Task: write
  * dlog(x)                              the derivative of log x (for x > 0),
  * critical_points(func, lo, hi)        where func′ = 0 in [lo, hi], for ANY smooth func,
  * classify_critical_point(func, x0)    "minimum", "maximum" or "neither".

Replace each `raise NotImplementedError` with your code, then check your work:

    calccourse check 6 lesson6.py
"""

import numpy as np


def dlog(x):
    """d/dx log x, for x > 0.

    Args:
        x: a positive number (or a numpy array).
    Returns:
        The derivative at x. Example: dlog(2.0) == 0.5
    """
    raise NotImplementedError


def critical_points(func, lo, hi):
    """Every x in [lo, hi] where func′(x) = 0.

    Args:
        func: any smooth function of one variable (works on numbers and numpy arrays).
        lo, hi: the interval to search.
    Returns:
        A sorted list of floats (empty if there are none).
        Example: critical_points(lambda x: x**3 - 2*x**2 + 1, -1, 2) ≈ [0.0, 1.3333]
    """
    raise NotImplementedError


def classify_critical_point(func, x0):
    """What kind of critical point x0 is (func′(x0) = 0).

    Args:
        func: a smooth function of one variable.
        x0: a critical point of func.
    Returns:
        "minimum", "maximum" or "neither".
        Example: classify_critical_point(lambda x: x**3 - 2*x**2 + 1, 0.0) == "maximum"
    """
    raise NotImplementedError
