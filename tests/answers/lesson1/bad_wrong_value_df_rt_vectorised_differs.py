"""Hostile: right when given an array, wrong for a single number."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    if np.ndim(x) == 0:
        return 3 * x**2
    return 3 * np.asarray(x) ** 2 - 4 * np.asarray(x)


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
