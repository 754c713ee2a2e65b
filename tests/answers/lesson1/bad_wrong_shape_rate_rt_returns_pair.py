"""Lesson 1 mistake: returns (estimate, error) rather than the estimate alone."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    forward = (func(x + dx) - func(x)) / dx
    central = (func(x + dx) - func(x - dx)) / (2 * dx)
    return central, abs(forward - central)
