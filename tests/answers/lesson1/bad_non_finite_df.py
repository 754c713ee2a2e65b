"""df overflows to inf."""

import math

import numpy as np

def f(x):
    return x**3 - 2*x**2 + 1


def df(x):
    return 3*x**2 - 4*x + np.exp(1000.0 * np.abs(x) + 800.0)


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
