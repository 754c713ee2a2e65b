"""Lesson 2 answer: np.trapezoid over growing prefixes (slow but fine), python ints in f."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    ys = func(xs)
    return xs, np.array([np.trapezoid(ys[: i + 1], xs[: i + 1]) for i in range(len(xs))])
