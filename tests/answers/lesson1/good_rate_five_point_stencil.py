"""Lesson 1 answer: a fourth-order five-point stencil (better than first order is fine)."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x



def rate_of_change(func, x, dx):
    return (-func(x + 2 * dx) + 8 * func(x + dx) - 8 * func(x - dx) + func(x - 2 * dx)) / (12 * dx)
