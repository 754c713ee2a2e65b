"""Lesson 6 answer: SymPy differentiates func exactly, roots are located numerically, polished
with nsolve and returned as SymPy numbers (nsimplify turns 1.3333… into 4/3)."""
import numpy as np
import sympy as sp

x = sp.Symbol("x", real=True)


def dlog(t):
    return sp.diff(sp.log(x), x).subs(x, t)


def critical_points(func, lo, hi):
    derivative = sp.diff(func(x), x)
    numeric = sp.lambdify(x, derivative, "numpy")
    grid = np.linspace(lo, hi, 2001)
    values = numeric(grid) * np.ones_like(grid)
    roots = set()
    for a, b, fa, fb in zip(grid, grid[1:], values, values[1:]):
        if fa == 0 or fa * fb < 0:
            root = sp.nsolve(derivative, x, (a + b) / 2 if fa else a)
            roots.add(sp.nsimplify(root, [sp.pi], tolerance=1e-10))
    return sorted(roots, key=float)


def classify_critical_point(func, x0):
    second = sp.diff(func(x), x, 2).subs(x, x0)
    if second.is_positive:
        return "minimum"
    if second.is_negative:
        return "maximum"
    return "neither"
