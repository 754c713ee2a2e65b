"""Lesson 2 answer: the midpoint rule, strip by strip."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2 - 1234.5


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    midpoints = xs + dx / 2
    return xs, np.cumsum(func(midpoints)) * dx
