"""Lesson 1 mistake: the second difference (the curvature), not the slope."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - 2 * func(x) + func(x - dx)) / dx**2
