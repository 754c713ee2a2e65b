"""Lesson 2 answer: math only; func is called on one float at a time; stacked 2×n array out."""
import math

import numpy as np


def f(x):
    return 3 * x * x - 4 * x


def antiderivative(x):
    return x * x * x - 2 * x * x + math.pi


def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    areas = []
    running = 0.0
    for i, x in enumerate(xs):
        if i > 0:
            running += 0.5 * (func(float(xs[i - 1])) + func(float(x))) * dx
        areas.append(running)
    return np.vstack([xs, areas])
