"""Lesson 3 answer: exact partial derivatives with SymPy, evaluated at the point."""
import numpy as np


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    import sympy

    X, Y = sympy.symbols("X Y")
    expression = func(X, Y)
    return [float(sympy.diff(expression, v).subs({X: x, Y: y})) for v in (X, Y)]
