"""Scalar-only answer: math.pow, works on one float at a time."""

import math

import numpy as np

def f(x):
    return math.pow(x, 3) - 2 * math.pow(x, 2) + 1


def df(x):
    return 3 * math.pow(x, 2) - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
