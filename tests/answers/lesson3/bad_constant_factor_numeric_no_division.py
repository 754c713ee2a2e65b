"""Lesson 3 forgetting to divide by the step."""
import numpy as np


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    h = 1e-5
    return func(x + h, y) - func(x, y), func(x, y + h) - func(x, y)
