"""Lesson 2 mistake, scalar style: the whole antiderivative negated (with a constant)."""
import math

import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return -(math.pow(x, 3) - 2 * math.pow(x, 2)) + 10


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs)) * dx
