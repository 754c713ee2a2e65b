"""Lesson 1 answer: f and f′ built once with SymPy, turned into numpy functions by lambdify."""
import numpy as np
import sympy as sp

x_sym = sp.symbols("x")
f_expr = x_sym**3 - 2 * x_sym**2 + 1
f = sp.lambdify(x_sym, f_expr, "numpy")
df = sp.lambdify(x_sym, sp.diff(f_expr, x_sym), "numpy")


def rate_of_change(func, x, dx):
    """Central difference."""
    return (func(x + dx) - func(x - dx)) / (2 * dx)
