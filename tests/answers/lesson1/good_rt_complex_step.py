"""Lesson 1 answer: the complex-step derivative Im f(x + i·dx)/dx (no cancellation at all)."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return np.imag(func(x + 1j * dx)) / dx
