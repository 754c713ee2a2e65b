"""Lesson 2 mistake: xs always starts at 0, whatever start is."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(0, stop, dx)
    return xs, np.cumsum(func(xs)) * dx
