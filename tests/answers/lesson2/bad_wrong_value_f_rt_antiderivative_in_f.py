"""Lesson 2 mistake: f holds the antiderivative (the two got mixed up)."""
import numpy as np


def f(x):
    return x**3 - 2 * x**2


def antiderivative(x):
    return x**3 - 2 * x**2


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.cumsum(func(xs)) * dx
