"""Wrong: a coarse grid and no refinement: each root is only located to within a grid step."""
import numpy as np
from scipy.optimize import brentq


def dlog(x):
    return 1 / x


def _slope(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / (2 * h)


def critical_points(func, lo, hi):
    grid = np.linspace(lo, hi, 200)
    s = [_slope(func, g) for g in grid]
    return [float((a + b) / 2) for a, b, sa, sb in zip(grid, grid[1:], s, s[1:]) if sa * sb <= 0]


def classify_critical_point(func, x0, h=1e-3):
    before, after = _slope(func, x0 - h), _slope(func, x0 + h)
    if before < 0 < after:
        return "minimum"
    if before > 0 > after:
        return "maximum"
    return "neither"
