"""Lesson 1 mistake: prints the derivative instead of returning it."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    print(3 * x**2 - 4 * x)


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
