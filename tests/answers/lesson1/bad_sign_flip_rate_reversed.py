"""Lesson 1 with the difference taken the wrong way round: (f(x) - f(x+dx))/dx."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x) - func(x + dx)) / dx
