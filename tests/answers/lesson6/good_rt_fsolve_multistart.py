"""Lesson 6 answer: scipy.optimize.fsolve on f′ from many starting points, deduplicated,
returned as a sorted tuple; the second derivative from scipy's derivative helper."""
import numpy as np
from scipy.optimize import fsolve


def dlog(x):
    return np.power(x, -1.0)


def _fprime(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / (2 * h)


def critical_points(func, lo, hi):
    found = []
    for start in np.linspace(lo, hi, 60):
        root, info, ok, _ = fsolve(lambda v: _fprime(func, v[0]), [start], full_output=True, xtol=1e-12)
        x = float(root[0])
        if ok == 1 and lo <= x <= hi and abs(_fprime(func, x)) < 1e-6:
            if all(abs(x - y) > 1e-6 for y in found):
                found.append(x)
    return tuple(sorted(found))


def classify_critical_point(func, x0):
    h = 1e-4
    curvature = (_fprime(func, x0 + h, 1e-5) - _fprime(func, x0 - h, 1e-5)) / (2 * h)
    if abs(curvature) > 1e-3:
        return "minimum" if curvature > 0 else "maximum"
    return "neither"
