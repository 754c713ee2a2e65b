"""SymPy answer: the antiderivative comes from sympy.integrate."""

import numpy as np
import sympy as sp

_X = sp.Symbol('x', real=True)

def f(x):
    return 3*x**2 - 4*x


def antiderivative(x):
    return sp.integrate(3*_X**2 - 4*_X, _X).subs(_X, x)


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs) * dx)
