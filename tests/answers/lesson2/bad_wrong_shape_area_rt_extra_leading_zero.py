"""Lesson 2 mistake: areas gets a leading 0 on top of the full running sum (n + 1 values)."""
import numpy as np
def f(x): return 3*x**2 - 4*x
def antiderivative(x): return x**3 - 2*x**2
def cumulative_area(func, start, stop, dx):
    xs = np.arange(start, stop, dx)
    return xs, np.concatenate([[0.0], np.cumsum(func(xs)) * dx])
