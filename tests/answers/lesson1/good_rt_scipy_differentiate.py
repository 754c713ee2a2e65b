"""Lesson 1 answer: SciPy's adaptive finite differences (scipy.differentiate.derivative)."""
import numpy as np
from scipy.differentiate import derivative


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return derivative(func, x, initial_step=dx).df
