"""Lesson 1 answer: the backward difference (f(x) - f(x-dx))/dx, as a lambda."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x



rate_of_change = lambda func, x, dx: (func(x) - func(x - dx)) / dx
