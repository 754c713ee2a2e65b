"""Lesson 2 mistake: forgot to divide by the new power (x³ − 2x² became 3x³ − 6x²... ×3)."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return 3 * x**3 - 6 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs)) * dx
