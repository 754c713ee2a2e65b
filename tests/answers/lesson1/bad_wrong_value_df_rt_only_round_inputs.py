"""Hostile: right only at inputs that are multiples of ½ (a table of the task's points)."""


def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    x = float(x)
    if x * 2 == round(x * 2):
        return 3 * x**2 - 4 * x
    return 0.0


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
