"""Lesson 2 mistake: range() with a float step raises TypeError."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = list(range(start, stop, dx))
    total, areas = 0.0, []
    for x in xs:
        total += func(x) * dx
        areas.append(total)
    return xs, areas
