"""Hostile: right numbers, but a different formula when called with SymPy symbols."""
import sympy as sp


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    if isinstance(x, sp.Basic):
        return 3 * x**2
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
