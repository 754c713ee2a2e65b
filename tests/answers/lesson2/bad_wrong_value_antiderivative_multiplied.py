"""Multiplies by the power instead of dividing."""

import math

import numpy as np

def f(x):
    return 3*x**2 - 4*x


def antiderivative(x):
    return 9*x**3 - 8*x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs) * dx)
