"""Lesson 2 — Integration.

Task: for f(x) = 3x² − 4x, write
  * f(x)                                    the function itself,
  * antiderivative(x)                       some F with F′ = f (any constant is fine),
  * cumulative_area(func, start, stop, dx)  the running area under ANY func.

Replace each `raise NotImplementedError` with your code, then check your work:

    calccourse check 2 lesson2.py
"""

import numpy as np


def f(x):
    """f(x) = 3x² − 4x.

    Args:
        x: a number (or a numpy array).
    Returns:
        f at x. Example: f(2.0) == 4.0
    """
    raise NotImplementedError


def antiderivative(x):
    """An antiderivative F of f: a function whose derivative is f.

    Args:
        x: a number (or a numpy array).
    Returns:
        F at x. Any constant of integration is accepted.
        Example (with constant 0): antiderivative(2.0) == 0.0
    """
    raise NotImplementedError


def cumulative_area(func, start, stop, dx):
    """The accumulated area under func from `start`, in steps of width dx.

    Args:
        func: any function of one variable (works on numpy arrays).
        start, stop: the interval; dx: the width of each strip.
    Returns:
        A tuple (xs, areas): xs = np.arange(start, stop, dx) and areas[i] ≈ the
        area under func from start to about xs[i].
        Example: cumulative_area(f, -10, 10, 0.1) gives 200 points.
    """
    raise NotImplementedError
