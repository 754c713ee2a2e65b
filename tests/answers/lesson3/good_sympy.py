"""SymPy answer: a column Matrix of partial derivatives."""

import numpy as np
import sympy as sp

_X, _Y = sp.symbols('x y', real=True)

def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    f = _X**2 + _Y**2
    return sp.Matrix([sp.diff(f, _X), sp.diff(f, _Y)]).subs({_X: x, _Y: y})


def numeric_gradient(func, x, y):
    h = 1e-6
    return ((func(x + h, y) - func(x - h, y)) / (2 * h),
            (func(x, y + h) - func(x, y - h)) / (2 * h))
