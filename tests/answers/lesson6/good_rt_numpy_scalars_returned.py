"""Lesson 6 answer returning a list of numpy float64 / 0-d arrays and classifications as
numpy strings; dlog takes scalars only."""
import math

import numpy as np
from scipy.optimize import root_scalar


def dlog(x):
    return np.float64(1) / np.float64(x)


def critical_points(func, lo, hi):
    d = lambda t: (func(t + 1e-5) - func(t - 1e-5)) / 2e-5  # noqa: E731
    grid = np.linspace(lo, hi, 2000)
    out = []
    for a, b in zip(grid, grid[1:]):
        if np.sign(d(a)) * np.sign(d(b)) < 0:
            out.append(np.array(root_scalar(d, bracket=(a, b), method="brenth").root))
    return out


def classify_critical_point(func, x0):
    second = (func(x0 + 1e-4) - 2 * func(x0) + func(x0 - 1e-4)) / 1e-8
    words = np.array(["maximum", "neither", "minimum"])
    return words[int(np.sign(round(float(second), 3))) + 1]
