"""SymPy answer: the derivative is computed by sympy.diff and works on symbols."""

import numpy as np
import sympy as sp

_X = sp.Symbol('x', real=True)
_F = _X**3 - 2*_X**2 + 1

def f(x):
    return x**3 - 2*x**2 + 1


def df(x):
    return sp.diff(_F, _X).subs(_X, x)


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
