"""Lesson 3 — The gradient of a function of several variables.

Task: for f(x, y) = x² + y², write
  * f(x, y)                       the function itself,
  * gradient(x, y)                (∂f/∂x, ∂f/∂y) worked out by hand,
  * numeric_gradient(func, x, y)  an estimate of ∇func at (x, y) for ANY smooth func,
                                  e.g. by the lesson's direction search.

Replace each `raise NotImplementedError` with your code, then check your work:

    calccourse check 3 lesson3.py
"""

import numpy as np


def f(x, y):
    """f(x, y) = x² + y².

    Args:
        x, y: numbers (or numpy arrays of the same shape).
    Returns:
        f at (x, y). Example: f(1.0, 2.0) == 5.0
    """
    raise NotImplementedError


def gradient(x, y):
    """The gradient of f at (x, y), from the partial derivatives.

    Args:
        x, y: numbers.
    Returns:
        A pair (∂f/∂x, ∂f/∂y). Example: gradient(1.0, 1.0) == (2.0, 2.0)
    """
    raise NotImplementedError


def numeric_gradient(func, x, y):
    """Estimate the gradient of func at (x, y) from function values only.

    Args:
        func: any smooth function of two variables, called as func(x, y).
        x, y: the point (numbers).
    Returns:
        A pair (gx, gy) close to ∇func(x, y) (within 0.1 %).
        Example: numeric_gradient(lambda x, y: x**2 + y**3, 2.0, 3.0) ≈ (4.0, 27.0)
    """
    raise NotImplementedError
