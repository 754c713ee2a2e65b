"""Lesson 2 mistake: integrated 3x² right but −4x into −4x²."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 4 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs)) * dx
