"""Lesson 1 mistake: ignores dx and uses 1e-15, so round-off swamps the estimate."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    h = 1e-15
    return (func(x + h) - func(x)) / h
