"""Lesson 2 mistake in SymPy: sympy.diff where sympy.integrate was meant (works on symbols)."""
import numpy as np
import sympy as sp

X = sp.Symbol("x")


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return sp.diff(3 * X**2 - 4 * X, X).subs(X, x)


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs)) * dx
