"""Wrong: critical_points finds where f = 0, not where f′ = 0."""
import numpy as np
from scipy.optimize import brentq


def dlog(x):
    return 1 / x


def _slope(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / (2 * h)


def critical_points(func, lo, hi):
    grid = np.linspace(lo, hi, 2001)
    values = [func(g) for g in grid]
    return [brentq(func, a, b) for a, b, fa, fb in zip(grid, grid[1:], values, values[1:]) if fa * fb < 0]


def classify_critical_point(func, x0, h=1e-3):
    before, after = _slope(func, x0 - h), _slope(func, x0 + h)
    if before < 0 < after:
        return "minimum"
    if before > 0 > after:
        return "maximum"
    return "neither"
