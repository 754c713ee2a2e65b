"""antiderivative returns f'."""

import math

import numpy as np

def f(x):
    return 3*x**2 - 4*x


def antiderivative(x):
    return 6*x - 4


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs) * dx)
