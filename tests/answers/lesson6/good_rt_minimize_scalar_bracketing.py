"""Lesson 6 answer: minimise |f′| with scipy.optimize.minimize_scalar in every small bracket
where f′ changes sign, and classify with the sign of f′ on either side."""
import numpy as np
from scipy.optimize import minimize_scalar
from scipy.differentiate import derivative


def dlog(x):
    return np.exp(-np.log(x))


def _fprime(func, x):
    return derivative(func, np.asarray(x, dtype=float), initial_step=1e-3).df  # stay inside (0, ∞) for log


def critical_points(func, lo, hi):
    grid = np.linspace(lo, hi, 801)
    slopes = _fprime(func, grid)
    found = []
    for i in np.flatnonzero(np.sign(slopes[:-1]) != np.sign(slopes[1:])):
        result = minimize_scalar(lambda t: abs(float(_fprime(func, t))), bounds=(grid[i], grid[i + 1]),
                                 method="bounded", options={"xatol": 1e-10})
        found.append(result.x)
    return sorted(found)


def classify_critical_point(func, x0):
    left, right = _fprime(func, x0 - 1e-3), _fprime(func, x0 + 1e-3)
    return {(-1, 1): "minimum", (1, -1): "maximum"}.get((int(np.sign(left)), int(np.sign(right))), "neither")
