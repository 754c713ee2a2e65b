"""Lesson 2 using linspace with the stop included: one point too many."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.linspace(start, stop, int(round((stop - start) / dx)) + 1)
    return xs, np.cumsum(func(xs) * dx)
