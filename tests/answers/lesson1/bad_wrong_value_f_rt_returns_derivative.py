"""Lesson 1 mistake: f returns the derivative too (copy-paste)."""


def f(x):
    return 3 * x**2 - 4 * x


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
