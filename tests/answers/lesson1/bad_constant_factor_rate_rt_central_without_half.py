"""Lesson 1 mistake: a central difference divided by dx instead of 2·dx (twice too large)."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / dx
