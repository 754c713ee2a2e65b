"""Lesson 1 mistake in SymPy: half the derivative (works on symbols too)."""
import sympy as sp

X = sp.Symbol("x")


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return (sp.diff(X**3 - 2 * X**2 + 1, X) / 2).subs(X, x)


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
