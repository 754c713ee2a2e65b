"""Wrong: keeps every grid point where |f′| is below a loose threshold, without refining."""
import numpy as np
from scipy.optimize import brentq


def dlog(x):
    return 1 / x


def _slope(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / (2 * h)


def critical_points(func, lo, hi):
    grid = np.linspace(lo, hi, 2001)
    return [float(g) for g in grid if abs(_slope(func, g)) < 0.05]


def classify_critical_point(func, x0, h=1e-3):
    before, after = _slope(func, x0 - h), _slope(func, x0 + h)
    if before < 0 < after:
        return "minimum"
    if before > 0 > after:
        return "maximum"
    return "neither"
