"""An honest lesson-1 answer: vectorised where numpy allows it."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx


def gradient(x, y):
    return (2 * x, 2 * y)


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs)) * dx


def jacobian_like(x):
    return np.array([[x, 2 * x], [3 * x, 4 * x], [5 * x, 6 * x]])


def greeting(name):
    return "hello " + name


def numeric_text(x):
    return str(x)


def ragged(n):
    return (np.arange(n), np.arange(n + 1))


def symbolic_slope(func, x0):
    import sympy

    x = sympy.Symbol("x")
    return float(sympy.diff(func(x), x).subs(x, x0))


def where(_):
    import os

    return os.getcwd()
