"""Lesson 3 answer: scipy.optimize.approx_fprime does the finite differences."""
import numpy as np
from scipy.optimize import approx_fprime


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return np.array([2 * x, 2 * y])


def numeric_gradient(func, x, y):
    return approx_fprime(np.array([x, y], dtype=float), lambda v: func(v[0], v[1]), 1e-7)
