"""Lesson 6 answer returning fractions.Fraction values (Fraction(4, 3) for the cubic)."""
from fractions import Fraction

import numpy as np
from scipy.optimize import brentq


def dlog(x):
    return 1 / x


def critical_points(func, lo, hi):
    slope = lambda t: (func(t + 1e-6) - func(t - 1e-6)) / 2e-6  # noqa: E731
    grid = np.linspace(lo, hi, 1501)
    s = np.array([slope(t) for t in grid])
    roots = [a for a, sa in zip(grid, s) if sa == 0]
    roots += [brentq(slope, a, b, xtol=1e-13) for a, b, sa, sb in zip(grid, grid[1:], s, s[1:]) if sa * sb < 0]
    return sorted(Fraction(r).limit_denominator(10**6) for r in roots)


def classify_critical_point(func, x0):
    h = 1e-4
    value = func(x0 + h) - 2 * func(x0) + func(x0 - h)
    return "minimum" if value > 0 else "maximum" if value < 0 else "neither"
