"""df twice too large."""

import math

import numpy as np

def f(x):
    return x**3 - 2*x**2 + 1


def df(x):
    return 6*x**2 - 8*x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
