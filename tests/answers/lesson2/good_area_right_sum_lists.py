"""Lesson 2 answer: a right Riemann sum in a plain loop, returning lists."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = list(np.arange(start, stop, dx))
    areas, total = [], 0.0
    for x in xs:
        total += float(func(x + dx)) * dx
        areas.append(total)
    return [float(x) for x in xs], areas
