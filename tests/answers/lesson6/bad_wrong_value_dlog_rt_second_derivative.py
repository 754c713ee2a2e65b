"""Wrong: −1/x², the derivative of 1/x, i.e. differentiated once too often."""
import numpy as np
from scipy.optimize import brentq


def dlog(x):
    return -1 / x**2


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


def classify_critical_point(func, x0, h=1e-3):
    before, after = _slope(func, x0 - h), _slope(func, x0 + h)
    if before < 0 < after:
        return "minimum"
    if before > 0 > after:
        return "maximum"
    return "neither"
