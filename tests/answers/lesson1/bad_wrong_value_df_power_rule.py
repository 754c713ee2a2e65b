"""Power rule slip: the exponent is not lowered."""

import math

import numpy as np

def f(x):
    return x**3 - 2*x**2 + 1


def df(x):
    return 3*x**3 - 4*x**2


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
