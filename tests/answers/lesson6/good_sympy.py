"""SymPy answer: diff(log(x))."""

import numpy as np
import sympy as sp

_X = sp.Symbol('x', positive=True)

def dlog(x):
    return sp.diff(sp.log(_X), _X).subs(_X, x)


def _slope(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / (2 * h)


def critical_points(func, lo, hi):
    from scipy.optimize import brentq

    xs = np.linspace(lo, hi, 4001)
    slopes = np.array([_slope(func, float(x)) for x in xs])
    roots = []
    for i in range(len(xs) - 1):
        if slopes[i] == 0:
            roots.append(float(xs[i]))
        elif slopes[i] * slopes[i + 1] < 0:
            roots.append(brentq(lambda t: _slope(func, t), xs[i], xs[i + 1], xtol=1e-12))
    merged = []
    for root in sorted(roots):
        if not merged or root - merged[-1] > 1e-6:
            merged.append(root)
    return merged


def classify_critical_point(func, x0):
    h = 1e-3
    curvature = (func(x0 + h) - 2 * func(x0) + func(x0 - h)) / h**2
    if curvature > 1e-4:
        return "minimum"
    if curvature < -1e-4:
        return "maximum"
    left, right = _slope(func, x0 - h), _slope(func, x0 + h)
    if left < 0 < right:
        return "minimum"
    if left > 0 > right:
        return "maximum"
    return "neither"
