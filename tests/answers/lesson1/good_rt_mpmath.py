"""Lesson 1 answer: arbitrary precision with mpmath (returns mpf numbers)."""
import mpmath

mpmath.mp.dps = 30


def f(x):
    x = mpmath.mpf(x)
    return x**3 - 2 * x**2 + 1


def df(x):
    x = mpmath.mpf(x)
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)
