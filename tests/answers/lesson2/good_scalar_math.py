"""Scalar-only answer with a constant of integration."""

import math

import numpy as np

def f(x):
    return 3 * math.pow(x, 2) - 4 * x


def antiderivative(x):
    return math.pow(x, 3) - 2 * math.pow(x, 2) + 7.5


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    areas, total = [], 0.0
    for x in xs:
        total += func(float(x)) * dx
        areas.append(total)
    return list(xs), areas
