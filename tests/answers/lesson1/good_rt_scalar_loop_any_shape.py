"""Lesson 1 answer: math-only scalar code that loops itself when x is a list or an array."""
import math


def f(x):
    return x * x * x - 2 * x * x + 1


def df(x):
    return 3 * x * x - 4 * x


def rate_of_change(func, x, dx):
    if hasattr(x, "__len__"):
        return [rate_of_change(func, float(item), dx) for item in x]
    return (func(x + dx) - func(x)) / dx


for point in (0.0, 1.0, 4 / 3):
    print(point, f(point), df(point), rate_of_change(f, point, 1e-6))
