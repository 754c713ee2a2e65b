"""Lesson 1 mistake: differentiated the constant 1 into 1."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x + 1


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
