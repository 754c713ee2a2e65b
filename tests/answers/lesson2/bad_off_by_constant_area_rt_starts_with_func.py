"""Lesson 2 mistake: the running total starts at func(start) rather than at 0."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, func(start) + np.cumsum(func(xs)) * dx
