"""Lesson 2 answer: exact arithmetic with Fractions for f and F; itertools for the running sum."""
from fractions import Fraction
from itertools import accumulate

import numpy as np


def f(x):
    x = Fraction(x)
    return 3 * x**2 - 4 * x


def antiderivative(x):
    x = Fraction(x)
    return x**3 - 2 * x**2 + Fraction(1, 3)


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs.tolist(), list(accumulate(float(func(float(x))) * dx for x in xs))
