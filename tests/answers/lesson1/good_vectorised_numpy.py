"""Vectorised numpy answer."""

import math

import numpy as np

def f(x):
    x = np.asarray(x, dtype=float)
    return np.power(x, 3) - 2 * np.power(x, 2) + 1


def df(x):
    x = np.asarray(x, dtype=float)
    return 3 * np.power(x, 2) - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
