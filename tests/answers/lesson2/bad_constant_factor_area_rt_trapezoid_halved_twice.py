"""Lesson 2 mistake: the trapezoid's ½ applied twice, so every area is half what it should be."""
import numpy as np


def f(x):
    return 3 * x**2 - 4 * x


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    ys = func(xs)
    strips = 0.5 * (ys[1:] + ys[:-1]) * dx / 2
    return xs, np.concatenate([[0.0], np.cumsum(strips)])
