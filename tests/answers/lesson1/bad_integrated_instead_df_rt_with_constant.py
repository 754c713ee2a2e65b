"""Lesson 1 mistake: integrated (with a constant of integration) instead of differentiating."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return x**4 / 4 - 2 * x**3 / 3 + x + 5


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
