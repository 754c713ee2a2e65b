"""Lesson 2 answer: SymPy integrates once; lambdify makes numpy functions; C = 7."""
import numpy as np
import sympy as sp

x = sp.Symbol("x")
f_expr = 3 * x**2 - 4 * x
f = sp.lambdify(x, f_expr)
antiderivative = sp.lambdify(x, sp.integrate(f_expr, x) + 7)


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.add.accumulate(func(xs)) * dx
