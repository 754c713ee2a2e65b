"""Wrong: returns True for a minimum and False otherwise."""
import numpy as np
from scipy.optimize import brentq


def _slope(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / (2 * h)


def critical_points(func, lo, hi):
    grid = np.linspace(lo, hi, 2001)
    slopes = [_slope(func, g) for g in grid]
    found = []
    for left, right, s_left, s_right in zip(grid, grid[1:], slopes, slopes[1:]):
        if s_left == 0:
            found.append(float(left))
        elif s_left * s_right < 0:
            found.append(brentq(lambda t: _slope(func, t), left, right, xtol=1e-12))
    return sorted(found)


def dlog(x):
    return 1 / x


def classify_critical_point(func, x0):
    h = 1e-3
    return bool(func(x0 + h) - 2 * func(x0) + func(x0 - h) > 0)
