"""Lesson 1 — Differentiation.

Task: for f(x) = x³ − 2x² + 1, write
  * f(x)                      the function itself,
  * df(x)                     its derivative, worked out with the power rule,
  * rate_of_change(func, x, dx)  a finite-difference estimate of func′(x) for ANY func.

Replace each `raise NotImplementedError` with your code, then check your work:

    calccourse check 1 lesson1.py
"""

import numpy as np


def f(x):
    """f(x) = x³ − 2x² + 1.

    Args:
        x: a number (or a numpy array of numbers).
    Returns:
        f at x, the same shape as x. Example: f(2.0) == 1.0
    """
    raise NotImplementedError


def df(x):
    """The derivative f′(x), found by differentiating f by hand (power rule).

    Args:
        x: a number (or a numpy array).
    Returns:
        f′ at x. Example: df(2.0) == 4.0
    """
    raise NotImplementedError


def rate_of_change(func, x, dx):
    """Estimate func′(x) from function values only (a difference quotient).

    Args:
        func: any function of one variable, e.g. np.sin or f.
        x: where to estimate the derivative (a number or a numpy array).
        dx: the small step δ, e.g. 1e-5.
    Returns:
        The estimate. Example: rate_of_change(np.sin, 0.0, 1e-5) ≈ 1.0
    """
    raise NotImplementedError
